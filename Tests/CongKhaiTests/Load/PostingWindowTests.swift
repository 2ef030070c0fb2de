import CongKhaiModel
import Testing

@Suite("Posting windows")
struct PostingWindowTests {
    @Test func windowEndingBeforeItStartsIsOneErrorAtNiemYet() throws {
        let text = "---\ntieu_de: Kế hoạch\nnhom: 1\nvan_ban:\n  so: \"1/QĐ-UBND\"\n  ngay: 2026-01-05\nngay_cong_khai: 2026-01-06\nniem_yet:\n  tu: 2026-02-10\n  den: 2026-01-06\n  noi: Trụ sở\n---\nNội dung.\n"
        let result = try TestSite.minimal(["content/cong-khai/ke-hoach.md": text]).build()
        let found = result.diagnostics("posting.dates")
        #expect(found.count == 1)
        #expect(found.first?.location.path == "content/cong-khai/ke-hoach.md")
        #expect(found.first?.location.line == 9)
        #expect(found.first?.message.contains("06/01/2026") == true)
    }

    @Test func daysCountBothEnds() {
        let window = PostingWindow(from: CalendarDate(year: 2026, month: 1, day: 1), to: CalendarDate(year: 2026, month: 1, day: 30), place: nil)
        #expect(window.days == 30)
    }
}
