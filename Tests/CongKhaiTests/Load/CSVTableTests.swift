import CongKhaiLoad
import Testing

@Suite("CSV reader shared by budget tables and imports")
struct CSVTableTests {
    @Test func fieldsKnowTheirLineAndColumn() {
        let table = CSVTable.parse("stt,noi_dung\nI,\"Thu, chi\"\n1;x\n", separator: ",")
        #expect(table.problems.isEmpty && table.unclosedQuoteLine == nil)
        #expect(table.records.map(\.line) == [1, 2, 3])
        #expect(table.records[1].fields.map(\.text) == ["I", "Thu, chi"])
        #expect(table.records[1].fields.map(\.column) == [1, 3])
    }

    @Test func quotedLineBreaksAndSemicolons() {
        let table = CSVTable.parse("a;\"dòng 1\r\ndòng 2\";\"nói \"\"to\"\"\"\r\nb;c;d", separator: ";")
        #expect(table.records.map(\.line) == [1, 3])
        #expect(table.records[0].fields.map(\.text) == ["a", "dòng 1\ndòng 2", "nói \"to\""])
    }

    @Test func unclosedQuoteIsReportedAndLaterRowsAreStillRead() {
        let table = CSVTable.parse("a,b\nc,\"không đóng,x\nd,e\nf,g\n")
        #expect(table.problems == [.init(kind: .unclosed, line: 2, column: 3)])
        #expect(table.unclosedQuoteLine == 2)
        #expect(table.records.map(\.line) == [1, 2, 3, 4])
        #expect(table.records[1].fields.map(\.text) == ["c", "không đóng", "x"])
        #expect(table.records[1].fields.map(\.column) == [1, 3, 15])
        #expect(table.records[3].fields.map(\.text) == ["f", "g"])
    }

    @Test func strayQuoteAndTextAfterClosingQuoteAreReportedWhereTheyAre() {
        let table = CSVTable.parse("stt;ten\r\n1;Hòa giải \"cấp xã\"\r\n2;\"Khai sinh\" lưu động\r\n3;\"đúng \"\"chuẩn\"\"\"\r\n", separator: ";")
        #expect(table.problems == [.init(kind: .stray, line: 2, column: 12), .init(kind: .stray, line: 2, column: 19),
                                  .init(kind: .textAfterClosing, line: 3, column: 14)])
        // The text is kept as typed, so the report can quote it.
        #expect(table.records.map { $0.fields.last?.text } == ["ten", "Hòa giải \"cấp xã\"", "Khai sinh lưu động", "đúng \"chuẩn\""])
    }

    @Test func anUnclosedQuoteNoLongerSwallowsTheRestOfTheFile() {
        let rows = (3...500).map { "\($0),Thủ tục \($0)" }.joined(separator: "\n")
        let table = CSVTable.parse("stt,ten\n2,\"Thủ tục hai\n" + rows + "\n")
        #expect(table.problems.map(\.kind) == [.unclosed])
        #expect(table.records.count == 500)
        #expect(table.records.last?.fields.map(\.text) == ["500", "Thủ tục 500"])
    }
}
