import CongKhaiModel
import Foundation
import Testing

/// The byte search finds what Foundation's `range(of:)` finds, at the same indices, in NFC
/// text, in substrings and from a starting index.
@Suite("Byte search")
struct ByteSearchTests {
    static let texts = ["", "<table>", "a<table><tr><th>Phí</th></tr></table>", "Hồ sơ (cần sửa) nộp", "(cần sửa)", "00/2025/NĐ-CP",
                        "ttt<t", "nhap: true\nnhap", "Việt Nam “đẹp” <th class=\"x\">Mức</th>", "🙂<t🙂<th>"]
    static let needles = ["<table>", "</table>", "<t", "<th", "</th>", "(cần sửa)", "00/", "nhap", "🙂", "x"]

    @Test(arguments: texts)
    func findsWhatFoundationFinds(_ text: String) {
        for needle in Self.needles {
            #expect(text.firstByteRange(of: needle) == text.range(of: needle), "\(needle) in \(text)")
            #expect(text.containsBytes(needle) == text.contains(needle))
            var from = text.startIndex
            while from < text.endIndex {
                #expect(text.firstByteRange(of: needle, from: from) == text.range(of: needle, range: from..<text.endIndex))
                let slice = text[from...]
                #expect(slice.firstByteRange(of: needle) == slice.range(of: needle))
                from = text.index(after: from)
            }
        }
    }

    @Test func aBridgedStringIsSearchedToo() {
        let bridged = NSString(string: "Thủ tục <table> (cần sửa)") as String
        #expect(bridged.firstByteRange(of: "(cần sửa)") == bridged.range(of: "(cần sửa)"))
        #expect(!bridged.containsBytes("</table>"))
    }
}
