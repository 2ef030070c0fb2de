import CongKhaiModel

/// A Markdown page: front matter fields, then the body kept as Markdown for the renderer.
enum PageLoader {
    static func load(_ source: SourceText, path: String, kind: PageKind, log: DiagnosticLog) -> Page? {
        guard let (yaml, parts, _) = FrontMatter.open(source, what: "Trang",
                                                   example: "Bắt đầu tệp bằng:\n    ---\n    tieu_de: \"Tiêu đề trang\"\n    ---", log: log) else { return nil }
        let title = yaml.string("tieu_de", "tiêu đề trang", required: true)
        var page = Page(source: source.path, path: path, kind: kind, title: title ?? "")
        page.description = yaml.string("mo_ta", "mô tả ngắn")
        page.date = yaml.date("ngay", "ngày đăng")
        page.updated = yaml.date("cap_nhat", "ngày cập nhật")
        page.order = yaml.int("thu_tu", "thứ tự trong mục")
        page.author = yaml.string("tac_gia", "tác giả")
        page.allowsRawHTML = yaml.bool("cho_phep_html", "cho phép HTML trong nội dung") ?? false
        page.layout = yaml.string("bo_cuc", "tên bố cục trong templates/layouts")
        page.isDraft = yaml.bool("nhap", "bản nháp, chưa đăng") ?? false
        yaml.finish(context: "phần đầu trang")
        page.body = parts.body
        page.bodyLine = parts.bodyLine
        return title == nil ? nil : page
    }
}

/// `lanh-dao.yaml`: the leaders' names, positions and duties (NĐ 224/2026 Điều 9 k1 c).
enum LeadersLoader {
    static func load(_ source: SourceText, path: String, log: DiagnosticLog) -> Page? {
        guard let root = YAMLDocument.parse(source.text, path: source.path, log: log) else { return nil }
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
        page.data = .leaders(leaders)
        yaml.finish(context: "tệp lãnh đạo")
        return page
    }
}
