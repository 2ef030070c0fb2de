@testable import CongKhaiLoad
import Testing

/// NEL, LS and PS are found in the bytes wherever they are, and nothing else is taken for them.
@Suite("YAML: line separators found in the bytes")
struct LineSeparatorTests {
    @Test(arguments: ["ten: a\u{85}b", "ten: a\u{2028}b", "\u{2029}", "ten: “Hòa” \u{2028}", "\u{2028}\u{301}"])
    func found(_ text: String) {
        #expect(YAMLDocument.hasLineSeparators(text))
    }

    @Test(arguments: ["", "ten: Hòa Phong", "ten: “Hòa” – … ₫ \u{A0}\u{2027}\u{202A}\u{C5}\u{C2}\u{2085}"])
    func notFound(_ text: String) {
        #expect(!YAMLDocument.hasLineSeparators(text))
    }
}
