import CongKhaiModel
import Testing

@Suite("Vietnamese number formatting: extreme inputs")
struct FormatRangeTests {
    /// Found by the whole-site fuzzer (seed 1516): a rate typed as “103,9223372036854775807”
    /// asked for 19 decimals, and 10^19 overflowed.
    @Test func manyDecimalPlacesAreCapped() {
        #expect(VietnameseFormat.decimal(103.9, places: 19) == "103,900000")
        #expect(VietnameseFormat.decimal(1.25, places: -3) == "1")
    }

    @Test func nonFiniteAndHugeValuesDoNotTrap() {
        #expect(VietnameseFormat.decimal(.infinity) == "0,0")
        #expect(VietnameseFormat.decimal(.nan) == "0,0")
        #expect(VietnameseFormat.decimal(1e30, places: 2).hasPrefix("90.000.000.000.000.000"))
        #expect(VietnameseFormat.percent(Int.max, of: 1) != nil)
    }
}
