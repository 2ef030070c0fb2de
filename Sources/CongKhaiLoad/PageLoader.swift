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
