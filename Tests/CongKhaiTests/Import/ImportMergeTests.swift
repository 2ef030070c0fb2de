import CongKhaiImport
import CongKhaiModel
import Foundation
import Testing

@Suite("Import: updating the editor's files")
struct ImportMergeTests {
    static let edited = """
    ---
    # Ghi chú của cán bộ: đã rà soát tháng 9.
    ma: "1.001193"
    # Tên theo quyết định công bố.
    ten: "Tên cũ"
    linh_vuc: "Hộ tịch"
    muc_do: mot_phan
    ly_do_mot_phan: "Phải xuất trình bản chính giấy chứng sinh."
    doi_tuong: "Công dân Việt Nam cư trú tại xã"
    # Phí theo Nghị quyết 25/2025/NQ-HĐND.
    phi: [le-phi-khai-sinh]
    mau_don:
      - ten: "Tờ khai đăng ký khai sinh"
        tep: "to-khai.docx"
    cong_bo:
      so: "1872/QĐ-BTP"
      ngay: 2025-08-12
      co_quan: "Bộ Tư pháp"
    # Địa chỉ nộp trực tuyến của tỉnh,

    # kiểm tra lại sau khi tỉnh đổi cổng.
    dvc_url: "https://dichvucong.lamdong.gov.vn/khai-sinh"
    cap_nhat: 2025-09-01
    ---
    Lời dẫn của cán bộ.

    ## Trình tự thực hiện

    Bản cũ.

    ## Lưu ý

    Mang theo sổ hộ khẩu cũ nếu còn.

    """

    static let record = """
    {"ma_thu_tuc": "1.001193", "ten_thu_tuc": "Thủ tục đăng ký khai sinh", "linh_vuc": "Hộ tịch",
     "doi_tuong_thuc_hien": "Không có thông tin", "so_quyet_dinh": "1872/QĐ-BTP",
     "trinh_tu_thuc_hien": "Bước 1: Nộp hồ sơ.",
     "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp3 Ngày làm việcMiễn phí",
     "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13"}
    """

    @Test func editorsKeysSectionsAndCommentsSurvive() throws {
        let site = try ImportSite()
        try site.write("content/thu-tuc/ho-tich/1.001193.md", Self.edited)
        let (report, log) = site.run(.dvc, [try site.source("a.json", Data(Self.record.utf8))])
        #expect(log.errorCount == 0, "\(log.all.map(\.formatted))")
        #expect(report.updated == ["content/thu-tuc/ho-tich/1.001193.md"] && report.created.isEmpty)
        // The file has no fingerprint of an earlier import, so "Bản cũ." may be the editor's: kept, and said.
        #expect(log.with("import.section-kept").map(\.location) == [SourceLocation(path: "content/thu-tuc/ho-tich/1.001193.md", line: 27)])
        let text = try #require(site.read("content/thu-tuc/ho-tich/1.001193.md"))
        for kept in ["# Ghi chú của cán bộ: đã rà soát tháng 9.", "# Phí theo Nghị quyết 25/2025/NQ-HĐND.\nphi: [le-phi-khai-sinh]",
                     "    tep: \"to-khai.docx\"", "  ngay: 2025-08-12", "# Địa chỉ nộp trực tuyến của tỉnh,\n# kiểm tra lại sau khi tỉnh đổi cổng.\ndvc_url: \"https://dichvucong.lamdong.gov.vn/khai-sinh\"",
                     "cap_nhat: 2025-09-01", "# Tên theo quyết định công bố.\nten: \"Thủ tục đăng ký khai sinh\"", "muc_do: mot_phan", "Lời dẫn của cán bộ.", "## Lưu ý\n\nMang theo sổ hộ khẩu cũ nếu còn."] {
            #expect(text.contains(kept), "\(kept)")
        }
        #expect(text.contains("## Trình tự thực hiện\n\nBản cũ.\n"))
        #expect(!text.contains("Tên cũ"))
        let (content, loadLog) = site.load()
        #expect(loadLog.errorCount == 0, "\(loadLog.all.map(\.formatted))")
        let procedure = try #require(content?.procedures.first)
        #expect(procedure.name == "Thủ tục đăng ký khai sinh")
        #expect(procedure.feeIDs == ["le-phi-khai-sinh"])
        #expect(procedure.forms.map(\.file) == ["to-khai.docx"])
        #expect(procedure.onlineURL == "https://dichvucong.lamdong.gov.vn/khai-sinh")
        #expect(procedure.onlineLevel == .partial)
        #expect(procedure.partialReason != nil)
        // The portal has a placeholder for đối tượng: the editor's text stays.
        #expect(procedure.subjects == "Công dân Việt Nam cư trú tại xã")
        // Same decision number: the editor's date and issuer stay.
        #expect(procedure.publication?.date == CalendarDate(year: 2025, month: 8, day: 12))
        #expect(procedure.channels.map(\.fee) == ["Miễn phí"])
        #expect(procedure.legalBasis.map(\.number) == ["60/2014/QH13"])
        #expect(procedure.body.contains("Bản cũ.") && !procedure.body.contains("Bước 1: Nộp hồ sơ."))
        // A second import changes nothing, and the editor was already told.
        let (_, again) = site.run(.dvc, [try site.source("a.json", Data(Self.record.utf8))])
        #expect(site.read("content/thu-tuc/ho-tich/1.001193.md") == text)
        #expect(again.with("import.section-kept").isEmpty)
    }

    @Test func editorsProvincialDecisionIsNotReplacedByThePortals() throws {
        let site = try ImportSite()
        try site.write("content/thu-tuc/ho-tich/1.001193.md", Self.edited.replacingOccurrences(of: "so: \"1872/QĐ-BTP\"", with: "so: \"1412/QĐ-UBND\""))
        site.run(.dvc, [try site.source("a.json", Data(Self.record.utf8))])
        let text = try #require(site.read("content/thu-tuc/ho-tich/1.001193.md"))
        #expect(text.contains("# Theo Cổng DVC: số quyết định công bố “1872/QĐ-BTP”.\ncong_bo:\n  so: \"1412/QĐ-UBND\"\n  ngay: 2025-08-12"))
        #expect(site.load().0?.procedures.first?.publication?.number == "1412/QĐ-UBND")
    }

    @Test func fileIsFoundByCodeAnywhereAndMovedWhenTheFieldChanged() throws {
        let site = try ImportSite()
        let old = Self.edited.replacingOccurrences(of: "mau_don:\n  - ten: \"Tờ khai đăng ký khai sinh\"\n    tep: \"to-khai.docx\"\n", with: "")
            .replacingOccurrences(of: "linh_vuc: \"Hộ tịch\"", with: "linh_vuc: \"Tư pháp\"")
            .replacingOccurrences(of: "ma: \"1.001193\"", with: "ma: \"1.001193\u{200B}\"")
        try site.write("content/thu-tuc/tu-phap/khai-sinh.md", old)
        let (report, log) = site.run(.dvc, [try site.source("a.json", Data(Self.record.utf8))])
        #expect(log.errorCount == 0, "\(log.all.map(\.formatted))")
        #expect(report.moved == [.init(from: "content/thu-tuc/tu-phap/khai-sinh.md", to: "content/thu-tuc/ho-tich/khai-sinh.md")])
        #expect(report.updated == ["content/thu-tuc/ho-tich/khai-sinh.md"])
        #expect(site.procedureFiles == ["content/thu-tuc/ho-tich/khai-sinh.md"])
        #expect(site.read("content/thu-tuc/ho-tich/khai-sinh.md")?.contains("ma: \"1.001193\"\n") == true)
    }

    @Test func fileWithFormsStaysWhereItIs() throws {
        let site = try ImportSite()
        try site.write("content/thu-tuc/tu-phap/1.001193.md", Self.edited.replacingOccurrences(of: "linh_vuc: \"Hộ tịch\"", with: "linh_vuc: \"Tư pháp\""))
        let (report, log) = site.run(.dvc, [try site.source("a.json", Data(Self.record.utf8))])
        #expect(report.moved.isEmpty)
        #expect(log.with("import.not-moved").first?.location.path == "content/thu-tuc/tu-phap/1.001193.md")
        #expect(site.procedureFiles == ["content/thu-tuc/tu-phap/1.001193.md"])
        #expect(site.read("content/thu-tuc/tu-phap/1.001193.md")?.contains("linh_vuc: \"Hộ tịch\"") == true)
    }

    @Test func brokenFileIsNeverOverwritten() throws {
        let site = try ImportSite()
        let broken = "---\nma: \"1.001193\"\nten: [không đóng\n---\nNội dung của cán bộ.\n"
        try site.write("content/thu-tuc/ho-tich/1.001193.md", broken)
        let (report, log) = site.run(.dvc, [try site.source("a.json", Data(Self.record.utf8))])
        #expect(report.total == 0)
        #expect(log.with("import.existing").map(\.severity) == [.error])
        #expect(site.read("content/thu-tuc/ho-tich/1.001193.md") == broken)
    }

    @Test func nothingIsWrittenOutsideTheProcedureFolder() throws {
        let site = try ImportSite()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        // A field that tries to climb out becomes a plain folder name.
        let climbing = #"{"ma_thu_tuc": "1.000001", "ten_thu_tuc": "A", "linh_vuc": "../../ngoai"}"#
        let (report, _) = site.run(.dvc, [try site.source("a.json", Data(climbing.utf8))])
        #expect(report.created == ["content/thu-tuc/ngoai/1.000001.md"])
        // A folder that is a link to somewhere else is refused.
        try FileManager.default.createSymbolicLink(at: site.folder.appendingPathComponent("content/thu-tuc/ho-tich"), withDestinationURL: outside)
        let (linked, log) = site.run(.dvc, [try site.source("b.json", Data(Self.record.utf8))])
        #expect(linked.total == 0)
        #expect(log.with("import.path").map(\.severity) == [.error])
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func noContentFolderIsAnError() throws {
        let site = try ImportSite()
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content"))
        let (_, log) = site.run(.dvc, [ImportSite.fixture("dvc-khai-sinh.json")])
        #expect(log.with("import.no-content").count == 1)
    }
}
