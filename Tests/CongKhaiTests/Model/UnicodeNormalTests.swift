@testable import CongKhaiModel
import Foundation
import Testing

/// The byte-level NFC check must agree with the scalar-by-scalar one, and `nfc` with
/// Foundation's normaliser, on text that is NFC, text that is not, and the edges of each range.
@Suite("NFC fast path")
struct UnicodeNormalTests {
    static let samples: [String] = [
        "", "abc", "Ủy ban nhân dân xã Hòa Phong", "Thủ tục “đăng ký khai sinh” – 5.000 đồng … ₫",
        "Ho\u{300}a", "e\u{301}", "\u{1EA0}\u{323}", "x\u{20D0}", "\u{200F}", "\u{2010}", "\u{20CF}", "\u{1F00}",
        "\u{1DFF}", "\u{1E00}", "\u{1EFF}", "\u{2FF}", "\u{300}", "\u{80}", "\u{FB01}", "\u{212B}", "한국", "🙂",
        "Việt Nam\u{0065}\u{0302}\u{0301}", "\u{2126}", "\u{0041}\u{030A}",
    ]

    @Test(arguments: samples)
    func agreesWithFoundation(_ text: String) {
        #expect(text.nfc.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        var copy = text
        let byBytes = copy.withUTF8 { UnicodeNormal.isStable($0) }
        let byScalars = text.unicodeScalars.allSatisfy { UnicodeNormal.isStableStarter($0.value) }
        // The bytes may say "not sure" where the scalars say stable, never the other way round.
        #expect(!byBytes || byScalars)
        #expect(byBytes == byScalars, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func everyScalarOfTheStableRangesIsReadTheSameByBytes() {
        for value in UInt32(0)..<0x2100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String(Character(scalar)) + "a"
            let byBytes = text.withUTF8 { UnicodeNormal.isStable($0) }
            #expect(byBytes == UnicodeNormal.isStableStarter(value), "U+\(String(value, radix: 16))")
        }
    }
}

/// The shortcut for a text's ends agrees with Unicode's White_Space (plus the zero-width
/// characters editors paste) on every scalar below U+3001.
@Suite("Trimming: the shortcut for the ends")
struct TrimmingShortcutTests {
    @Test func everyScalarIsJudgedAsTheUnicodePropertySays() {
        let extra: Set<UInt32> = [0x200B, 0xFEFF, 0x200C, 0x200D]
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let blank = scalar.properties.isWhitespace || extra.contains(value)
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: [scalar, "x", scalar])
            let text = String(scalars)
            let expected = blank ? "x" : text
            #expect(text.trimmingWhitespace().unicodeScalars.elementsEqual(expected.unicodeScalars), "U+\(String(value, radix: 16))")
        }
    }
}
