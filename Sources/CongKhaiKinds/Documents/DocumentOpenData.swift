import CongKhaiModel
import CongKhaiRender

/// The registry as open data (`du-lieu/van-ban.json` and `.csv`), written by the same helpers
/// as every other dataset: `SearchIndex.literal` escapes JSON strings, `OpenData.quote` CSV cells.
enum DocumentOpenData {
    static let jsonPath = "du-lieu/van-ban.json"
    static let csvPath = "du-lieu/van-ban.csv"

    static let columns = [
        OpenData.Column(name: "so_ky_hieu", meaning: "Số, ký hiệu văn bản như đã ký"),
        OpenData.Column(name: "loai", meaning: "Loại văn bản: nghi-quyet, quyet-dinh, chi-thi, ke-hoach, thong-bao, bao-cao, chuong-trinh, to-trinh, cong-van"),
        OpenData.Column(name: "co_quan", meaning: "Cơ quan ban hành: hdnd, ubnd, chu-tich-ubnd"),
        OpenData.Column(name: "ngay_ban_hanh", meaning: "Ngày ban hành (YYYY-MM-DD)"),
        OpenData.Column(name: "trich_yeu", meaning: "Trích yếu nội dung"),
        OpenData.Column(name: "hieu_luc", meaning: "Ngày có hiệu lực (YYYY-MM-DD)"),
        OpenData.Column(name: "het_hieu_luc", meaning: "Ngày hết hiệu lực, nếu có (YYYY-MM-DD)"),
        OpenData.Column(name: "tinh_trang", meaning: "Tình trạng tại ngày dựng trang: con-hieu-luc, het-hieu-luc, bi-thay-the, duoc-sua-doi, chua-co-hieu-luc"),
        OpenData.Column(name: "quy_pham", meaning: "co nếu là văn bản quy phạm pháp luật (số có năm), khong nếu không"),
        OpenData.Column(name: "nguoi_ky", meaning: "Người ký"),
        OpenData.Column(name: "thay_the", meaning: "Số, ký hiệu các văn bản bị văn bản này thay thế"),
        OpenData.Column(name: "bi_thay_the_boi", meaning: "Số, ký hiệu các văn bản thay thế văn bản này"),
        OpenData.Column(name: "sua_doi", meaning: "Số, ký hiệu các văn bản được văn bản này sửa đổi, bổ sung"),
        OpenData.Column(name: "duoc_sua_doi_boi", meaning: "Số, ký hiệu các văn bản sửa đổi, bổ sung văn bản này"),
        OpenData.Column(name: "ngay_cong_khai", meaning: "Ngày đăng công khai (YYYY-MM-DD)"),
        OpenData.Column(name: "tep", meaning: "Đường dẫn tệp văn bản đã ký, tính từ gốc trang"),
        OpenData.Column(name: "dia_chi", meaning: "Đường dẫn trang văn bản, tính từ gốc trang"),
    ]

    /// None for a site without documents: its `du-lieu/` stays as it was.
    static func datasets(_ context: DocumentContext) -> [OpenData.Dataset] {
        let registry = context.registry
        guard !registry.isEmpty else { return [] }
        let rows = registry.documents.map { document -> [String: OpenData.Value] in
            [
                "so_ky_hieu": .text(document.number),
                "loai": .text(document.kind?.rawValue),
                "co_quan": .text(document.issuer?.rawValue),
                "ngay_ban_hanh": .text(document.issued?.iso),
                "trich_yeu": .text(document.subject),
                "hieu_luc": .text(document.effective?.iso),
                "het_hieu_luc": .text(document.expires?.iso),
                "tinh_trang": .text(registry.status(of: document, asOf: context.asOf).rawValue),
                "quy_pham": .text(DocumentNumber.parse(document.number)?.isNormative == true ? "co" : "khong"),
                "nguoi_ky": .text(document.signer),
                "thay_the": .list(registry.replaced(by: document).map(\.number)),
                "bi_thay_the_boi": .list(registry.replacements(of: document).map(\.number)),
                "sua_doi": .list(registry.amended(by: document).map(\.number)),
                "duoc_sua_doi_boi": .list(registry.amendments(of: document).map(\.number)),
                "ngay_cong_khai": .text(document.publishedOn?.iso),
                "tep": .text(context.file(of: document)?.path),
                "dia_chi": .text(document.path + "index.html"),
            ]
        }
        return [OpenData.Dataset(title: "Văn bản của xã", description: "Mỗi dòng là một văn bản do HĐND, UBND hoặc Chủ tịch UBND xã ban hành, với tình trạng hiệu lực.",
                                 jsonPath: jsonPath, csvPath: csvPath, columns: columns, rows: rows)]
    }

    /// Entries for the site search (`du-lieu/tim-kiem.js`): the number, the subject, the kind and
    /// the status under it; found by number, kind and subject, with or without diacritics.
    static func searchEntries(_ context: DocumentContext) -> [SearchIndex.Entry] {
        context.registry.documents.map { document in
            let kind = document.kind?.label ?? "Văn bản"
            let group = "Văn bản · " + kind
            // Folded from code, name and group like every entry: the site checks compare it with the browser's fold.
            return SearchIndex.Entry(code: document.number, name: document.subject, group: group,
                                     label: context.registry.status(of: document, asOf: context.asOf).label,
                                     path: document.path + "index.html",
                                     folded: TextFolding.fold([document.number, document.subject, group].joined(separator: " ")))
        }
    }
}
