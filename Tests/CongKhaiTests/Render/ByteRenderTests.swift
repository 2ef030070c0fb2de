import CongKhaiModel
@testable import CongKhaiRender
import Foundation
import Mustache
import Testing

/// FastTemplate writes pages as UTF-8 bytes: text escaped on bytes must be what the String
/// escaping (and swift-mustache) gives, on any text a `String` can hold, and a partial's
/// indentation must still start each of its lines.
@Suite("Templates: pages rendered as bytes")
struct ByteRenderTests {
    /// Text whose bytes come near the five escaped characters: the same low six bits one or two
    /// blocks up (`|` is 0x7C, `b` 0x62, `¼` ends in 0xBC), multi-byte Vietnamese in both
    /// normal forms, emoji (four bytes, joined sequences), control characters and CRLF.
    static let tricky = [
        "", "&", "<>", "\"'", "a&b<c>d\"e'f", "&amp;", "&&&&", "'\"'\"",
        "|~^`bfg|", "¼ ½ ¾ ¢ ¦ §", "Xã \"Hòa\" <b>&</b> 'Phú' ≠ đ",
        "Ủy ban nhân dân xã Thử Nghiệm", "Ủy ban nhân dân xã Thử Nghiệm".decomposedStringWithCanonicalMapping,
        "🇻🇳 👩‍👩‍👧 <😀>&'😀'", "\u{0}\u{1}\u{7F}\r\n\t", "dòng 1\r\ndòng 2 & \"3\"",
        String(repeating: "Đơn giá 1.000 đồng & <phí> ", count: 200),
    ]

    func escapedBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = Array("đầu ".utf8)
        MarkupEscape.append(text, into: &out)
        return Array(out.dropFirst("đầu ".utf8.count))
    }

    @Test func escapingOnBytesIsTheStringEscaping() throws {
        for text in Self.tricky {
            let reference = try MustacheTemplate(string: "{{x}}").render(["x": text])
            #expect(escapedBytes(text) == Array(MarkupEscape.text(text).utf8), "\(text.debugDescription)")
            #expect(escapedBytes(text) == Array(reference.utf8), "\(text.debugDescription)")
            // The path for text whose bytes are not in one piece (a bridged string).
            var copied: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { MarkupEscape.append(utf8: $0, into: &copied) }
            #expect(copied == escapedBytes(text))
        }
        #expect(escapedBytes("a|b") == Array("a|b".utf8))
        // swift-mustache compares characters, and `<` joined to a following mark (a zero-width
        // joiner, a combining accent) is a character other than `<`: it leaves it as it is, which
        // a browser reads as `<`. Escaping bytes escapes it (the String escaping always did).
        for text in ["<\u{200D}script>", "<\u{301}b>", "\"\u{301}"] {
            #expect(!escapedBytes(text).contains(UInt8(ascii: "<")) && !escapedBytes(text).contains(UInt8(ascii: "\"")))
            #expect(escapedBytes(text) == Array(MarkupEscape.text(text).utf8))
        }
        #expect(escapedBytes("¼") == [0xC2, 0xBC])
        #expect(escapedBytes("<'😀'>") == Array("&lt;&#39;😀&#39;&gt;".utf8))
    }

    /// Bytes are tested eight at a time: each of the five, and a near miss, at every place of a
    /// word and across words.
    @Test func escapingFindsEachCharacterAtEveryOffset() {
        for character in ["<", ">", "&", "\"", "'", "|", "ả"] {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + character + String(repeating: "b", count: 19 - offset)
                #expect(escapedBytes(text) == Array(MarkupEscape.text(text).utf8), "\(text)")
            }
        }
    }

    @Test func escapingOnBytesMatchesOnRandomText() {
        let pieces = ["&", "<", ">", "\"", "'", "a", "|", "đ", "Ệ", "😀", "e\u{301}", "\n", " ", "¼", "b"]
        var generator = SplitMix(seed: 19)
        for _ in 0..<500 {
            let count = Int(generator.next() % 40)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(escapedBytes(text) == Array(MarkupEscape.text(text).utf8), "\(text.debugDescription)")
        }
    }

    /// Joined text runs render as the tokens did; indented partials (nested, and ones that write
    /// nothing on a line) still indent each line, as swift-mustache does.
    @Test func indentedPartialsAreTheSameAsSwiftMustache() throws {
        let site = try TestSite.minimal([
            "templates/layouts/page.mustache": "<div>\n  {{> partials/ngoai}}\n\t{{> partials/rong}}\n  x {{> partials/ngoai}}\n</div>\n{{#items}}\n  {{> partials/dong}}\n{{/items}}\n",
            "templates/partials/ngoai.mustache": "a\n  {{> partials/trong}}\nb {{name}}\n{{#items}}{{name}}\n{{/items}}",
            "templates/partials/trong.mustache": "1 & {{raw}}\n2\n\n3",
            "templates/partials/rong.mustache": "{{#none}}không{{/none}}",
            "templates/partials/dong.mustache": "<li>{{name}}</li>\n<li>{{{name}}}</li>\n",
            "content/trang.md": "---\ntieu_de: Thử\n---\n",
        ])
        let templates = TemplateSet.load(from: site.folder.appendingPathComponent("templates"), log: DiagnosticLog())
        #expect(Set(templates.compiled.keys) == templates.names)
        let context: [String: Any] = ["name": "Hòa & <Phú>", "raw": "<em>đ</em>",
                                      "items": [["name": "'một'"], ["name": "hai\nba"]] as [[String: Any]]]
        let fast = try #require(templates.renderBytes(context, layout: "layouts/page"))
        let slow = try #require(templates.referenceEngineOnly.render(context, layout: "layouts/page"))
        #expect(fast.bytes == Data(slow.utf8))
        #expect(templates.render(context, layout: "layouts/page") == slow)
        #expect(slow.contains("  a\n    1 & &lt;em&gt;đ&lt;/em&gt;\n    2\n    \n    3b Hòa &amp; &lt;Phú&gt;\n  &#39;một&#39;\nhai"))
    }

    @Test func joinedTextKeepsTheTokensForIndentation() throws {
        let template = try FastTemplate.compile("a\nb\n{{x}}c\nd{{> p}}e")
        #expect(template.tokens.count == 7)
        #expect(template.ops.count == 5)
        guard case let .text(start, end) = template.ops[0] else { Issue.record("not text"); return }
        #expect(Array(template.textPool[start..<end]) == Array("a\nb\n".utf8))
        guard case let .partial(index) = template.ops[3] else { Issue.record("not a partial"); return }
        #expect(template.partialTags[index].name == "p")
        var context = FastTemplate.Context(root: ["x": "<đ>"])
        var out = ""
        template.render(&context, partials: ["p": try FastTemplate.compile("{{x}}")], into: &out)
        #expect(out == "a\nb\n&lt;đ&gt;c\nd&lt;đ&gt;e")
    }

    @Test func buffersAreLentEmptyAndKeepTheirCapacity() {
        let buffers = RenderBuffers()
        let written = buffers.using { out -> Int in
            out.append(contentsOf: repeatElement(UInt8(ascii: "a"), count: 100_000))
            return out.count
        }
        #expect(written == 100_000)
        let (count, capacity) = buffers.using { ($0.count, $0.capacity) }
        #expect(count == 0)
        #expect(capacity >= 100_000)
        // A buffer grown for one huge page is let go.
        _ = buffers.using { $0.append(contentsOf: repeatElement(0, count: RenderBuffers.keptCapacity + 1)) }
        #expect(buffers.using { $0.capacity } <= RenderBuffers.keptCapacity)
    }
}
