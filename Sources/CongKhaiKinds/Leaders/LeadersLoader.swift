import CongKhaiLoad
import CongKhaiModel

/// A member of the commune's leadership, with the duties the law asks to publish.
public struct Leader: Sendable, Hashable {
    public var name: String
    public var position: String
    public var duties: [String]
    public var biography: String?
    public var phone: String?
    public var email: String?

    public init(name: String, position: String) {
        self.name = name
        self.position = position
        self.duties = []
    }
}

/// `lanh-dao.yaml`: the leaders' names, positions and duties (NĐ 224/2026 Điều 9 k1 c).
enum LeadersLoader {
    static func load(_ source: SourceText, path: String, log: DiagnosticLog) -> Page? {
        guard let root = YAMLDocument.value(source.text, path: source.path, log: log) else { return nil }
        guard let yaml = MappingReader(root, path: source.path, lineOffset: 0, log: log, what: "Tệp lãnh đạo") else { return nil }
        var page = Page(source: source.path, path: path, kind: .leaders,
                        title: yaml.string("tieu_de", "tiêu đề trang") ?? "Lãnh đạo")
        page.description = yaml.string("mo_ta", "mô tả ngắn")
        page.updated = yaml.date("cap_nhat", "ngày cập nhật")
        page.order = yaml.int("thu_tu", "thứ tự trong mục")
        let leaders = yaml.mappings("lanh_dao", "danh sách lãnh đạo", required: true).compactMap { item in
            defer { item.finish(context: "một lãnh đạo") }
            let name = item.string("ho_ten", "họ và tên", required: true)
            let position = item.string("chuc_vu", "chức vụ", required: true)
            var leader = Leader(name: name ?? "", position: position ?? "")
            leader.duties = item.strings("nhiem_vu", "nhiệm vụ được phân công")
            leader.biography = item.string("tom_tat", "tóm tắt tiểu sử")
            leader.phone = item.string("dien_thoai", "số điện thoại")
            leader.email = item.string("email", "thư điện tử")
            return name == nil || position == nil ? nil : leader
        }
        page.data = .unit(leaders)
        yaml.finish(context: "tệp lãnh đạo")
        return page
    }
}
