@testable import CongKhaiLoad
import Testing

/// The byte scans over a YAML text must answer as each check they stand for would.
@Suite("YAML: what the bytes of a text tell before it is read")
struct YAMLTextFactsTests {
    static let texts: [String] = YAMLEventReaderTests.readHere + YAMLEventReaderTests.leftToYams + [
        "a:\tb\n", "a:\n\t- b\n", "tieu_de: “Giới thiệu”\n", "a:\u{00A0}b\n", "a: b\u{2028}c\n", "a: b\u{2029}",
        "a: b\u{85}", "a: b\r\n", "a: b\r", "\r\n", "\n", "", "a: &x 1\nb: *x", "a: x*y", "a: x&y", "– …", "a: \u{1EA1}\n",
    ]

    @Test(arguments: texts)
    func eachFactIsTheCheckItStandsFor(_ text: String) {
        let facts = YAMLTextFacts(text)
        #expect(facts.hasLineSeparators == YAMLDocument.hasLineSeparators(text))
        #expect(facts.hasTab == text.utf8.contains(UInt8(ascii: "\t")))
        #expect(facts.lines == YAMLDocument.lineCount(text))
        #expect((facts.endsWithLineBreak ?? text.hasSuffix("\n")) == text.hasSuffix("\n"))
        #expect(facts.mayHoldAliases == (text.contains("*") && text.contains("&")))
        // Nothing OfficeArtefacts repairs or names is left out by the byte check.
        if !facts.mayHoldOfficeArtefacts {
            #expect(!text.contains { $0 == "“" || $0 == "”" || OfficeArtefacts.nonBreakingSpaces.contains($0) })
        }
    }
}

@Suite("Byte searches over a string's storage")
struct ByteScanTests {
    @Test(arguments: [("nhap: true", "nhap"), ("số 00/2025", "00/"), ("không có", "nhap"), ("a\u{0}nhap", "nhap"),
                      ("", "x"), ("(cần sửa)", "(cần sửa)"), ("cần sửa", "(cần sửa)"), ("e\u{301}", "\u{301}")])
    func containsIsTheBytesSearch(_ text: String, _ needle: String) {
        #expect(ByteScan.contains(text, needle) == (text.utf8.firstRange(of: needle.utf8) != nil))
    }

    /// `00/` counts where no digit precedes it; with or without a NUL in the text.
    @Test(arguments: [("so: 00/2025", true), ("so: \"400/QĐ-UBND\"", false), ("00/x", true), ("400/ và 00/", true),
                      ("a\u{0}400/", false), ("a\u{0} 00/", true), ("x900/", false), ("so:00/", true)])
    func aNumberEndingInZeroZeroIsNoPlaceholderStart(_ text: String, _ expected: Bool) {
        #expect(ByteScan.contains(text, "00/", notAfterDigit: true) == expected)
        #expect(ByteScan.contains(text, "00/"))
    }

    /// Every placeholder number `UnwrittenMarker` finds passes the byte filter in front of it.
    @Test(arguments: ["so: 00/2025/NĐ-CP", "so: \"00/BC-UBND\"", "so: '00/x'", "so:\u{00A0}00/x", "so: \u{200B}00/x", "  so:   00/"])
    func theFilterLetsEveryPlaceholderNumberThrough(_ line: String) {
        #expect(UnwrittenMarker.placeholderNumber(Substring(line)) != nil)
        #expect(ByteScan.contains(line, "00/", notAfterDigit: true))
    }

    @Test func nextFindsEachByteFromWhereItIsAsked() {
        let text = "ab\ncd\n\nế\n"
        let utf8 = text.utf8
        var index = utf8.startIndex
        var expected = utf8.startIndex
        while index < utf8.endIndex {
            while expected < utf8.endIndex, utf8[expected] != UInt8(ascii: "\n") { expected = utf8.index(after: expected) }
            #expect(ByteScan.next(UInt8(ascii: "\n"), in: utf8, from: index) == expected)
            index = utf8.index(after: index)
            if expected < index { expected = index }
        }
        #expect(ByteScan.next(UInt8(ascii: "\n"), in: utf8, from: utf8.endIndex) == utf8.endIndex)
    }
}
