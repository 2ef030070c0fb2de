import CongKhaiLoad
import Foundation
import Testing

/// The rules every reader of editors' files shares (issue #14: one helper per rule): the
/// byte order mark, UTF-16, the CSV separator and what a `##` section is.
@Suite("One rule each: BOM, UTF-16, CSV separator, ## sections")
struct SharedTextRulesTests {
    @Test func aUTF8ByteOrderMarkIsDroppedFromBytesAndFromText() {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("Xã".utf8))
        #expect(TextBytes.droppingBOM(data) == Data("Xã".utf8))
        #expect(TextBytes.droppingBOM(data).startIndex == 0)
        #expect(TextBytes.droppingBOM(Data("Xã".utf8)) == Data("Xã".utf8))
        #expect(TextBytes.droppingBOM("\u{FEFF}Xã") == "Xã" && TextBytes.droppingBOM("Xã\u{FEFF}") == "Xã\u{FEFF}")
    }

    @Test func utf16IsRecognisedWithOrWithoutAMarkButABinaryFileIsNot() {
        let text = "STT,Mã,Tên thủ tục\n1,1.001193,Đăng ký khai sinh\n"
        let little = Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let big = Data(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(TextBytes.isUTF16(little) && TextBytes.isUTF16(big))
        #expect(TextBytes.isUTF16(Data([0xFF, 0xFE]) + little))
        #expect(!TextBytes.isUTF16(Data(text.utf8)))
        // Zeros on both sides: a binary file, reported as binary rather than as UTF-16 (the
        // import's old rule, a quarter of the bytes zero anywhere, called this UTF-16).
        let binary = Data((0..<400).map { $0 % 3 == 0 ? 0 : UInt8(truncatingIfNeeded: $0) })
        #expect(!TextBytes.isUTF16(binary))
    }

    @Test(arguments: [
        ("STT;Nội dung;Dự toán\n1;Thu;1.234,5\n", ";" as Character),
        ("STT,Nội dung,Dự toán\n1,Thu,1234\n", ","),
        ("STT\tNội dung\tDự toán\n", "\t"),
        // A quoted comma in the header is text, not a separator (the budget's old rule said comma).
        ("\"Nội dung, chi tiết\";Dự toán\n", ";"),
        // The rows' decimal commas do not outvote the header (the import's old rule counted them).
        ("STT;Tỷ lệ\n1;84,6,\n2;1,5,\n3;2,5,\n", ";"),
        // A title line with no separator is skipped (the budget's old rule stopped at it).
        ("CÂN ĐỐI NGÂN SÁCH XÃ NĂM 2026\nSTT;Nội dung\n", ";"),
        ("", ","),
        ("một ô\n", ","),
        ("a;b,c\n", ","),
    ])
    func theSeparatorIsTheHeaders(_ text: String, _ expected: Character) {
        #expect(CSVTable.separator(of: text) == expected, "\(text.debugDescription)")
    }

    @Test func anExcelSepLineDeclaresTheSeparatorAndIsNoRecord() {
        let table = CSVTable.parse("sep=;\r\nSTT;Tên, đầy đủ\r\n1;Khai sinh\r\n")
        #expect(table.records.map(\.line) == [2, 3])
        #expect(table.records[0].fields.map(\.text) == ["STT", "Tên, đầy đủ"])
        #expect(CSVTable.parse("STT,Tên\n1,A\n").records.count == 2)
    }

    @Test func aHeadingInsideAFencedCodeBlockIsNoSection() {
        let body = """
        ## Trình tự thực hiện
        ```
        ## Cách thức thực hiện
        ```
        ~~~~
        ## Thành phần hồ sơ
        ~~~
        ```
        ## Still code: a closing fence is the same character, at least as long
        ~~~~
        ##Không phải tiêu đề
            ```
        ##  Căn cứ pháp lý\u{200B}
        """
        #expect(SectionHeadings.all(in: body) == ["Trình tự thực hiện", "Căn cứ pháp lý"])
    }
}
