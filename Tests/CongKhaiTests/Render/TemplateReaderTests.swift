import CongKhaiModel
@testable import CongKhaiRender
import Mustache
import Testing

/// One reading of `{{...}}` tags (TemplateReader) for FastTemplate and the syntax check, and one
/// escaping (MarkupEscape) for FastTemplate and the markup the renderer writes itself.
@Suite("Templates: one tag reader, one escaping")
struct TemplateReaderTests {
    @Test func theCheckAndTheFastEngineReadTheSameTags() throws {
        let text = "{{#a}}\r\n{{{raw}}} {{ #not-a-section }}\r\n{{> partials/x }}{{! chú thích }}\r\n{{^b}}{{/b}}"
        let tags = TemplateScanner.tags(text)
        #expect(tags.map(\.sigil) == ["#", "{", nil, ">", "!", "^", "/"])
        #expect(tags.map(\.name) == ["a", "raw", "#not-a-section", "partials/x", "chú thích", "b", "b"])
        // `\r\n` is one line end, as for the editor (the old scan counted only `\n`).
        #expect(tags.map(\.line) == [1, 2, 2, 3, 3, 4, 4])
        #expect(tags.map(\.column) == [1, 1, 11, 1, 18, 1, 7])
        // What FastTemplate cannot name it leaves to swift-mustache, from the same reading.
        #expect(throws: FastTemplate.Unsupported.self) { try FastTemplate.compile("{{ #x }}") }
        #expect(try FastTemplate.compile("{{#a}}\r\n{{{raw}}}\r\n{{/a}}").tokens.count == 1)
    }

    @Test func anUnclosedSectionIsReportedOnItsLineAfterWindowsLineEnds() {
        let log = DiagnosticLog()
        #expect(!TemplateScanner.checkStructure("<p>\r\n</p>\r\n{{#tin}}\r\n", path: "templates/layouts/page.mustache", log: log))
        #expect(log.all.map(\.key) == ["template.unclosed"])
        #expect(log.all.first?.location.line == 3)
    }

    @Test func markupIsEscapedExactlyAsSwiftMustacheEscapes() throws {
        let text = "Xã \"Hòa\" <b>&</b> 'Phú' ≠ đ"
        let reference = try MustacheTemplate(string: "{{x}}").render(["x": text])
        #expect(MarkupEscape.text(text) == reference)
        #expect(MarkupEscape.text(text) == "Xã &quot;Hòa&quot; &lt;b&gt;&amp;&lt;/b&gt; &#39;Phú&#39; ≠ đ")
        var out = "đầu "
        MarkupEscape.append("không đổi", into: &out)
        #expect(out == "đầu không đổi")
    }
}
