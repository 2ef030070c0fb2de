import CongKhaiModel
import Foundation
import Testing

/// Date arithmetic saturates at 0001-01-01 and 9999-12-31 instead of trapping, and the
/// working-day calendar ends for any count.
@Suite("Checked date arithmetic and the bounded working-day calendar")
struct DateArithmeticTests {
    let day = CalendarDate(year: 2026, month: 11, day: 23)!
    let calendar = WorkingCalendar()

    @Test func addingHugeDayCountsSaturates() {
        #expect(day.adding(days: Int.max) == CalendarDate(year: 9999, month: 12, day: 31))
        #expect(day.adding(days: Int.min) == CalendarDate(year: 1, month: 1, day: 1))
        #expect(day.adding(days: 999_999_999_999).year == 9999)
        #expect(CalendarDate(dayNumber: Int.min).year == 1)
        #expect(day.adding(days: 7) == CalendarDate(year: 2026, month: 11, day: 30))
    }

    @Test func derivedDatesClampInsteadOfFailing() {
        #expect(CalendarDate(clampingYear: -1, month: 12, day: 15) == CalendarDate(year: 1, month: 12, day: 15))
        #expect(CalendarDate.lastDay(ofMonth: 2, year: 2028) == CalendarDate(year: 2028, month: 2, day: 29))
        #expect(ReportPeriod.year.defaultRange(year: 0).from.year == 1)
        #expect(CalendarDate.fromUnixTime(Int.max).year == 9999)
        #expect(CalendarDate.fromUnixTime(Int.min).year == 1)
        #expect(CalendarDate.fromUnixTime(1_795_000_000) == CalendarDate(year: 2026, month: 11, day: 18))
    }

    @Test func hugeWorkingDayCountsEndQuickly() {
        let start = ContinuousClock.now
        #expect(calendar.adding(workingDays: Int.max, to: day).year == 9999)
        #expect(calendar.adding(workingDays: 1_000_000_000, to: day).year == 9999)
        #expect(calendar.workingDays(from: CalendarDate(year: 1, month: 1, day: 1)!, to: CalendarDate(year: 9999, month: 12, day: 31)!) > 2_000_000)
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(calendar.adding(workingDays: -5, to: day) == day)
    }

    /// The week jumps and the arithmetic count give what stepping one day at a time gives.
    @Test func fastPathsAgreeWithDayByDayStepping() {
        let local = WorkingCalendar(extraHolidays: [CalendarDate(year: 2028, month: 3, day: 8)!])
        var generator = SplitMix(seed: 12)
        for _ in 0..<300 {
            let from = CalendarDate(year: 2023, month: 12, day: 1)!.adding(days: Int(generator.next() % 2000))
            let count = Int(generator.next() % 400)
            var stepped = from
            var left = count
            while left > 0 {
                stepped = stepped.adding(days: 1)
                if local.isWorkingDay(stepped) { left -= 1 }
            }
            #expect(local.adding(workingDays: count, to: from) == stepped)
            let to = from.adding(days: Int(generator.next() % 900))
            var counted = 0
            var cursor = from
            while cursor < to { cursor = cursor.adding(days: 1); if local.isWorkingDay(cursor) { counted += 1 } }
            #expect(local.workingDays(from: from, to: to) == counted)
        }
    }
}

/// A small deterministic generator for tests (the standard one is seeded per process).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
