import CongKhaiModel
import CongKhaiRender

/// The province pages' markup: the commune theme's skeleton and classes (its `assets/style.css`),
/// no script, every link relative so the pages work from `file://` and from a sub-folder.
enum ProvinceHTML {
    /// The commune pages' escaping: by bytes, so a quote followed by a combining mark is escaped too.
    static func escape(_ text: String) -> String { MarkupEscape.text(text) }

    /// `../../` for `tong-hop/thieu/index.html`.
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// `scripts`: deferred, from the theme (only the search page has one; the dashboard works without).
    static func page(path: String, title: String, province: String, body: String, printEdition: Bool = false, scripts: [String] = []) -> String {
        let root = root(of: path)
        let brand = escape(province)
        var html = """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) – \(brand)</title>
        <link rel="stylesheet" href="\(root)assets/style.css">
        <link rel="icon" href="\(root)assets/emblem.svg" type="image/svg+xml">
        \(scripts.map { "<script src=\"\(escape($0))\" defer></script>\n" }.joined())</head>
        <body class="trang-tinh\(printEdition ? " ban-in" : "")">
        <a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
        <header class="site-header">
        <div class="banner wrap">
        <a class="brand" href="\(root)index.html">
        <img class="brand-emblem" src="\(root)assets/emblem.svg" alt="" width="56" height="56">
        <span class="brand-text"><span class="brand-ten">\(brand)</span></span>
        </a>
        </div>
        </header>

        """
        if !printEdition {
            html += """
            <nav class="wrap" aria-label="Trang của tỉnh">
            <ul class="ck-summary">
            <li><a href="\(root)index.html">Các xã, phường</a></li>
            <li><a href="\(root)tong-hop/index.html">Tổng hợp công khai</a></li>
            <li><a href="\(root)tim-kiem/index.html">Tìm thủ tục</a></li>
            <li><a href="\(root)du-lieu/index.html">Dữ liệu mở</a></li>
            </ul>
            </nav>

            """
        }
        html += "<main id=\"noi-dung\" class=\"wrap\" tabindex=\"-1\">\n<h1>\(escape(title))</h1>\n" + body + "</main>\n"
        html += "<footer class=\"site-footer\"><div class=\"wrap\"><p>\(brand) · Trang tổng hợp do CongKhai tạo từ trang của từng xã.</p></div></footer>\n</body>\n</html>\n"
        return html
    }

    /// A table that stacks into blocks on a phone, like the communes' checklist tables.
    static func table(label: String, head: [String], rows: [[String]], rowHeader: Bool = true) -> String {
        table(label: label, head: head, renderedRows: tableRows(head: head, rows: rows, rowHeader: rowHeader))
    }

    /// The same around rows already made by `tableRows` (a province page joins its communes' rows).
    static func table(label: String, head: [String], renderedRows: String) -> String {
        var html = "<div class=\"table-wrap\" role=\"region\" aria-label=\"Bảng: \(escape(label))\" tabindex=\"0\">\n"
        html += "<table class=\"checklist-table stack\">\n<caption>\(escape(label))</caption>\n<thead><tr>"
        html += head.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        return html + renderedRows + "</tbody>\n</table>\n</div>\n"
    }

    /// A table's `<tr>` rows, each cell already markup.
    static func tableRows(head: [String], rows: [[String]], rowHeader: Bool = true) -> String {
        var html = ""
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                if index == 0 && rowHeader {
                    html += "<th scope=\"row\">\(cell)</th>"
                } else {
                    html += "<td data-label=\"\(escape(head[index]))\">\(cell)</td>"
                }
            }
            html += "</tr>\n"
        }
        return html
    }

    static func link(_ href: String, _ text: String) -> String {
        "<a href=\"\(escape(href))\">\(escape(text))</a>"
    }
}
