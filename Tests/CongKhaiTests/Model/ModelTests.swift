import CongKhaiModel
import Testing

@Suite("Vietnamese dates, numbers and folding")
struct ModelTests {
    @Test(arguments: [
        ("2024-09-05", "05/09/2024"), ("05/09/2024", "05/09/2024"), ("5/9/2024", "05/09/2024"),
        ("29/02/2024", "29/02/2024"),
    ])
    func parsesDates(_ text: String, _ expected: String) {
        #expect(CalendarDate.parse(text)?.vietnamese == expected)
    }

    @Test(arguments: ["31/02/2025", "29/02/2025", "2025-13-01", "hôm qua", "2025/01", ""])
    func rejectsImpossibleDates(_ text: String) {
        #expect(CalendarDate.parse(text) == nil)
    }

    @Test func dayArithmeticRoundTrips() {
        let date = CalendarDate(year: 2026, month: 2, day: 17)!
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: 12) == CalendarDate(year: 2026, month: 3, day: 1))
        #expect(CalendarDate(year: 2026, month: 11, day: 23)!.weekday == 0, "23/11/2026 is a Monday")
    }

    @Test func formatsNumbersTheVietnameseWay() {
        #expect(VietnameseFormat.integer(5_621_772_766) == "5.621.772.766")
        #expect(VietnameseFormat.money(50_000) == "50.000 đồng")
        #expect(VietnameseFormat.percent(846, of: 1000) == "84,6%")
        #expect(VietnameseFormat.percent(1, of: 0) == nil)
        #expect(VietnameseFormat.decimal(74.05) == "74,1")
    }

    @Test func foldsDiacriticsForSlugsAndSearch() {
        #expect(TextFolding.fold("Đăng ký khai sinh") == "dang ky khai sinh")
        #expect(TextFolding.slug("Lễ hội Đình làng 2025") == "le-hoi-dinh-lang-2025")
        #expect(TextFolding.slug("  Tin   tức!! ") == "tin-tuc")
    }

    @Test func suggestsNearMisses() {
        #expect(NearMiss.closest(to: "ngya", among: ["ngay", "tieu_de", "mo_ta"]) == "ngay")
        #expect(NearMiss.closest(to: "tieude", among: ["ngay", "tieu_de"]) == "tieu_de")
        #expect(NearMiss.closest(to: "hoàn toàn khác", among: ["ngay"]) == nil)
    }

    @Test func diagnosticsFormatAsPathLineColumn() {
        let diagnostic = Diagnostic.error("x", at: SourceLocation(path: "content/a.md", line: 7, column: 12), "Sai.", hint: "Sửa.")
        #expect(diagnostic.formatted == "content/a.md:7:12: lỗi: Sai.\n    gợi ý: Sửa.")
    }

    @Test func feeSummariesReadAsCitizensNeedThem() {
        var fee = Fee(id: "a", name: "A", line: 1)
        fee.unit = "đồng/trường hợp"
        fee.rates = [FeeRate(amount: 8000)]
        #expect(fee.summary == "8.000 đồng/trường hợp")
        fee.rates = [FeeRate(amount: 0, condition: "Đúng hạn"), FeeRate(amount: 8000, condition: "Quá hạn")]
        #expect(fee.summary == "Miễn phí hoặc 8.000 đồng/trường hợp (tùy trường hợp)")
        fee.rates = [FeeRate(amount: 2000), FeeRate(amount: 10000)]
        fee.unit = "trang"
        #expect(fee.summary == "Từ 2.000 đến 10.000 đồng (trang)")
        fee.rates = [FeeRate(amount: 0)]
        #expect(fee.summary == "Miễn phí")
    }

    @Test(arguments: [("5.621.772.766", 5_621_772_766), ("5621772766", 5_621_772_766), ("5 621 772 766", 5_621_772_766),
                      ("1,234,567", 1_234_567), ("8000", 8000)])
    func readsAmountsAsEditorsTypeThem(_ text: String, _ value: Int) {
        #expect(AmountParser.parse(text) == value)
    }

    @Test(arguments: ["1,5", "12.34", "8 nghìn", "1.234,567", "", "5.621.772.76"])
    func rejectsAmountsThatAreNotWholeDong(_ text: String) {
        #expect(AmountParser.parse(text) == nil)
    }
}
