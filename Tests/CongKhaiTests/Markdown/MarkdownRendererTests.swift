import CongKhaiMarkdown
import Testing

@Suite("Markdown through cmark-gfm")
struct MarkdownRendererTests {
    @Test func tablesHaveHeaderScopesAndNoAlignAttributes() {
        let html = MarkdownRenderer.render("| Tên | Số |\n|:--|--:|\n| A | 1 |\n").html
        #expect(html.contains("<th scope=\"col\" class=\"align-left\">Tên</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"align-right\">Số</th>"))
        #expect(html.contains("<td class=\"align-right\">1</td>"))
        #expect(!html.contains("align=\""))
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
