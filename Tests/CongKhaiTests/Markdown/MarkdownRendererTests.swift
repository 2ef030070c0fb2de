import CongKhaiMarkdown
import Testing

@Suite("Markdown through cmark-gfm")
struct MarkdownRendererTests {
    @Test func tablesHaveHeaderScopesAndNoAlignAttributes() {
        let html = MarkdownRenderer.render("| Tên | Số |\n|:--|--:|\n| A | 1 |\n").html
        #expect(html.contains("<th scope=\"col\" class=\"align-left\">Tên</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"align-right\">Số</th>"))
        #expect(html.contains("<td data-label=\"Số\" class=\"align-right\">1</td>"))
        #expect(!html.contains("align=\""))
    }

    /// On a phone each row becomes a block of "label: value" lines; the labels are written here.
    @Test func tableCellsCarryTheirColumnHeaderAsLabel() {
        let html = MarkdownRenderer.render("| Giấy tờ | **Số lượng** | |\n|---|---|---|\n| Tờ khai | 1 | x |\n| CCCD | 2 |\n").html
        #expect(html.contains("<table class=\"stack\">"))
        #expect(html.contains("<td data-label=\"Giấy tờ\">Tờ khai</td><td data-label=\"Số lượng\">1</td><td>x</td>")
            || html.contains("<td data-label=\"Giấy tờ\">Tờ khai</td>\n<td data-label=\"Số lượng\">1</td>\n<td>x</td>"))
        #expect(html.contains("<td data-label=\"Giấy tờ\">CCCD</td>"))
        #expect(!html.contains("data-label=\"\""))
    }

    @Test func textWithoutTablesIsUnchangedByLabels() {
        let html = MarkdownRenderer.render("Chữ `<table>` và `<td>`\n").html
        #expect(html == "<p>Chữ <code>&lt;table&gt;</code> và <code>&lt;td&gt;</code></p>\n")
    }

    @Test func gfmExtensionsWork() {
        let html = MarkdownRenderer.render("~~bỏ~~ và https://dichvucong.gov.vn và chú thích[^1]\n\n[^1]: Ghi chú.\n").html
        #expect(html.contains("<del>bỏ</del>"))
        #expect(html.contains("<a href=\"https://dichvucong.gov.vn\">"))
        #expect(html.contains("class=\"footnotes\""))
        #expect(!html.contains("Back to reference"))
    }

    @Test func rawHTMLIsDroppedUnlessAllowed() {
        let text = "Đoạn văn\n\n<script>alert(1)</script>\n\nChữ <b onclick=\"x()\">đậm</b>\n"
        let safe = MarkdownRenderer.render(text)
        #expect(!safe.html.contains("<script"))
        #expect(!safe.html.contains("onclick"))
        #expect(safe.droppedHTMLLines == [3, 5, 5])
        let allowed = MarkdownRenderer.render(text, allowRawHTML: true)
        #expect(allowed.html.contains("<b onclick"))
        #expect(allowed.droppedHTMLLines.isEmpty)
    }

    @Test func textThatLooksLikeMarkupIsEscaped() {
        let html = MarkdownRenderer.render("Giá trị `<script>` và 5 < 6 & \"trích\"").html
        #expect(html.contains("<code>&lt;script&gt;</code>"))
        #expect(html.contains("5 &lt; 6 &amp;"))
    }

    @Test func linksAreOfferedForRewritingWithTheirLine() {
        var seen: [MarkdownReference] = []
        let html = MarkdownRenderer.render("Một\n\n[Giới thiệu](../gioi-thieu/)\n\n![Bản đồ](ban-do.svg)\n") { reference in
            seen.append(reference)
            return reference.isImage ? nil : "../gioi-thieu/index.html"
        }.html
        #expect(seen.map(\.url) == ["../gioi-thieu/", "ban-do.svg"])
        #expect(seen.map(\.line) == [3, 5])
        #expect(seen.map(\.isImage) == [false, true])
        #expect(html.contains("href=\"../gioi-thieu/index.html\""))
    }
}
