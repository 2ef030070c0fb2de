import Foundation

/// Budget sites for tests: the on-disk slip fixture, and small tables written inline.
enum BudgetFixtures {
    static let slipsFolder = TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/budget-slips")

    /// Every file of `Tests/Fixtures/budget-slips`, keyed by its path in the site.
    static func slipFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: slipsFolder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(slipsFolder.standardizedFileURL.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    static let executionColumns = """
    cot:
      - id: du_toan
        tieu_de: Dự toán năm
        kieu: so_tien
      - id: thuc_hien
        tieu_de: Thực hiện
        kieu: so_tien
      - id: ty_le
        tieu_de: So sánh (%)
        kieu: ty_le
        tu: thuc_hien
        mau: du_toan

    """

    static func sidecar(kind: String = "thuc_hien", period: String? = "quy_1", year: Int = 2026,
                        explanation: Bool = true, columns: String = executionColumns) -> String {
        var text = "loai: \(kind)\n"
        if let period { text += "ky: \(period)\n" }
        text += "nam: \(year)\nbao_cao:\n  so: 12/BC-UBND\n  ngay: \(year)-04-05\nngay_cong_khai: \(year)-04-10\n"
        text += "niem_yet:\n  tu: \(year)-04-10\n  den: \(year)-05-15\n  noi: Trụ sở Ủy ban nhân dân xã\n"
        if explanation { text += "thuyet_minh: |\n  Số liệu **quý I**.\n" }
        return text + columns
    }

    /// A minimal site with one disclosure `ngan-sach/2026/bao-cao.{yaml,csv}`.
    static func site(csv: String?, sidecar: String = sidecar()) throws -> TestSite {
        var files = ["content/ngan-sach/2026/bao-cao.yaml": sidecar]
        if let csv { files["content/ngan-sach/2026/bao-cao.csv"] = csv }
        return try TestSite.minimal(files)
    }
}
