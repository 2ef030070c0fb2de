@testable import CongKhaiLoad
import CongKhaiModel
import FuzzSupport

/// The CSV reader and the budget table reader. The table's columns come from its own header
/// (`ty_le…` a rate of the first two amounts, `ghi_chu…` text, the rest amounts) so the fuzzer
/// reaches the cell parsers and the arithmetic, not only the header check.
@main
enum Target {
    static func main() { FuzzDriver.run { start, count in fuzzCSV(start, count) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let path = "content/ngan-sach/2025/du-toan.csv"
    guard let source = FuzzInput.decode(FuzzInput.bytes(start, count), path: path) else { return 0 }
    let lineCount = Oracle.lineCount(source.text)
    for separator in [",", ";"] as [Character] {
        let table = CSVTable.parse(source.text, separator: separator)
        var previous = 0
        for record in table.records {
            Oracle.require(record.line > previous && record.line <= lineCount, "record line \(record.line) after \(previous) of \(lineCount)")
            Oracle.require(record.fields.allSatisfy { $0.column >= 1 }, "field column below 1 on line \(record.line)")
            previous = record.line
        }
        for problem in table.problems {
            Oracle.require(problem.line >= 1 && problem.line <= lineCount && problem.column >= 1, "quote problem at \(problem.line):\(problem.column) of \(lineCount) lines")
        }
    }
    let header = CSVTable.parse(source.text).records.first { !$0.isBlank }?.fields.map { $0.text.trimmingWhitespace() } ?? []
    let ids = header.filter { $0 != "stt" && $0 != "noi_dung" && !$0.isEmpty }
    let amounts = ids.filter { !$0.hasPrefix("ty_le") && !$0.hasPrefix("ghi_chu") }
    let columns = ids.map { id -> BudgetColumn in
        if id.hasPrefix("ty_le") {
            return BudgetColumn(id: id, title: id, kind: .rate, numerator: amounts.first, denominator: amounts.dropFirst().first)
        }
        return BudgetColumn(id: id, title: id, kind: id.hasPrefix("ghi_chu") ? .text : .amount, numerator: nil, denominator: nil)
    }
    let log = DiagnosticLog()
    var rows = BudgetTableReader.rows(source, columns: columns, log: log)
    BudgetTable.compute(&rows, columns: columns)
    Oracle.check(log, paths: [path], lineCount: lineCount)
    return 0
}
