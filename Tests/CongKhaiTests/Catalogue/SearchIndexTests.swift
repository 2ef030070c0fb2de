import Foundation
import Testing

@Suite("Search index")
struct SearchIndexTests {
    @Test func entriesCarryFoldedTextSoQueriesWithoutDiacriticsMatch() throws {
        let result = try ProcedureFixtures.site().build()
        let index = try #require(result.text(of: "du-lieu/tim-kiem.js"))
        #expect(index.contains("window.CONGKHAI_TIM_KIEM=["))
        #expect(index.contains("\"1.001193 thu tuc dang ky khai sinh ho tich\""))
        #expect(index.contains("\"thu-tuc/ho-tich/1.001193/index.html\""))
    }

    @Test func contentCannotBreakOutOfTheScript() throws {
        let name = "Khai sinh </script><script>alert(1)</script>"
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": ProcedureFixtures.procedure(name: name)]).build()
        let index = try #require(result.text(of: "du-lieu/tim-kiem.js"))
        #expect(!index.contains("</script>"))
        #expect(index.contains("\\u003c/script>"))
    }

    /// U+2028 and U+2029 end a line in JavaScript before ES2019: raw in a string literal, they
    /// break the whole index in older browsers. They are written as escapes.
    @Test func lineSeparatorsAreEscapedInTheScript() throws {
        let name = "Khai sinh\\u2028tên\\u2029mới"
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": ProcedureFixtures.procedure(name: name)]).build()
        let index = try #require(result.text(of: "du-lieu/tim-kiem.js"))
        #expect(!index.contains("\u{2028}") && !index.contains("\u{2029}"))
        #expect(index.contains("Khai sinh\\u2028tên\\u2029mới"))
    }

    @Test func twoHundredProceduresStayUnder150KB() throws {
        var files: [String: String] = [:]
        for number in 0..<200 {
            let code = "1.\(String(format: "%06d", 100000 + number))"
            let field = ["Hộ tịch", "Chứng thực", "Đất đai", "Bảo trợ xã hội", "Người có công", "Cư trú", "Hòa giải ở cơ sở", "Thi đua – khen thưởng"][number % 8]
            files["content/thu-tuc/linh-vuc-\(number % 8)/\(code).md"] = ProcedureFixtures.procedure(
                code: code, name: "Thủ tục đăng ký, cấp đổi, cấp lại giấy chứng nhận số \(number) cho công dân và tổ chức trên địa bàn", field: field)
        }
        let result = try ProcedureFixtures.site(files).build()
        let file = try #require(result.files.first { $0.path == "du-lieu/tim-kiem.js" })
        guard case let .bytes(data) = file.body else { Issue.record("index not rendered"); return }
        #expect(data.count > 20_000, "the index really holds 200 entries")
        #expect(data.count < 150 * 1024)
    }
}
