import CongKhaiLoad
import Testing

@Suite("CSV reader shared by budget tables and imports")
struct CSVTableTests {
    @Test func fieldsKnowTheirLineAndColumn() {
        let table = CSVTable.parse("stt,noi_dung\nI,\"Thu, chi\"\n1;x\n", separator: ",")
        #expect(table.unclosedQuoteLine == nil)
        #expect(table.records.map(\.line) == [1, 2, 3])
        #expect(table.records[1].fields.map(\.text) == ["I", "Thu, chi"])
        #expect(table.records[1].fields.map(\.column) == [1, 3])
    }

    @Test func quotedLineBreaksAndSemicolons() {
        let table = CSVTable.parse("a;\"dòng 1\r\ndòng 2\";\"nói \"\"to\"\"\"\r\nb;c;d", separator: ";")
        #expect(table.records.map(\.line) == [1, 3])
        #expect(table.records[0].fields.map(\.text) == ["a", "dòng 1\ndòng 2", "nói \"to\""])
    }

    @Test func unclosedQuoteKeepsTheUnfinishedRecordApart() {
        let table = CSVTable.parse("a,b\nc,\"không đóng\nd\n")
        #expect(table.records.count == 1)
        #expect(table.unclosedQuoteLine == 2)
        #expect(table.unfinished?.fields.map(\.text) == ["c", "không đóng\nd\n"])
    }
}
