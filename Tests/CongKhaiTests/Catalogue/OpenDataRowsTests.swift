@testable import CongKhaiRender
import Testing

/// A dataset keeps its rows as cells in one sorted key order: the JSON must still list each
/// row's own keys, sorted, and the CSV every column, empty where a row has no value.
@Suite("Open data rows")
struct OpenDataRowsTests {
    static let dataset = OpenData.Dataset(
        title: "Thử", description: "Hai dòng khác khóa.", jsonPath: "du-lieu/thu.json", csvPath: "du-lieu/thu.csv",
        columns: [OpenData.Column(name: "ten", meaning: "Tên"), OpenData.Column(name: "ma", meaning: "Mã"),
                  OpenData.Column(name: "ghi_chu", meaning: "Ghi chú")],
        rows: [["ten": .text("Một"), "ma": .number(1)], ["ma": .number(2), "ghi_chu": .list(["a", "b"]), "ten": .text(nil)]])

    @Test func jsonListsEachRowsOwnKeysSorted() {
        #expect(OpenData.json(Self.dataset) == """
            [
              {
                "ma" : 1,
                "ten" : "Một"
              },
              {
                "ghi_chu" : [
                  "a",
                  "b"
                ],
                "ma" : 2,
                "ten" : null
              }
            ]

            """)
    }

    @Test func csvHasEveryColumnInItsOrder() {
        #expect(OpenData.csv(Self.dataset) == "\u{FEFF}ten,ma,ghi_chu\r\nMột,1,\r\n,2,a; b\r\n")
    }

    @Test func rowsReadBackAsTheyWereGiven() {
        let rows = Self.dataset.rows
        #expect(rows.count == 2)
        #expect(rows[0].keys.sorted() == ["ma", "ten"])
        #expect(rows[1].keys.sorted() == ["ghi_chu", "ma", "ten"])
        if case let .list(items)? = rows[1]["ghi_chu"] { #expect(items == ["a", "b"]) } else { Issue.record("ghi_chu is not a list") }
    }

    @Test func noRowsIsAnEmptyList() {
        let empty = OpenData.Dataset(title: "", description: "", jsonPath: "a.json", csvPath: "a.csv", columns: [], rows: [])
        #expect(OpenData.json(empty) == "[\n\n]\n")
    }
}
