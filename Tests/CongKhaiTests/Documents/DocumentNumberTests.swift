@testable import CongKhaiKinds
import CongKhaiModel
import Testing

@Suite("Document numbers")
struct DocumentNumberTests {
    @Test func normativeNumberCarriesTheYear() throws {
        let number = try #require(DocumentNumber.parse("12/2026/NQ-HĐND"))
        #expect(number.serial == 12)
        #expect(number.year == 2026)
        #expect(number.kind == .resolution)
        #expect(number.body == "HĐND")
        #expect(number.isNormative)
    }

    @Test func administrativeNumberHasNoYear() throws {
        let number = try #require(DocumentNumber.parse("45/QĐ-UBND"))
        #expect(number.year == nil)
        #expect(number.kind == .decision)
        #expect(!number.isNormative)
    }

    @Test func letterHasNoKindAbbreviation() throws {
        let number = try #require(DocumentNumber.parse("123/UBND-VP"))
        #expect(number.kindCode == nil)
        #expect(number.kind == .letter)
        #expect(number.body == "UBND")
        #expect(number.unit == "VP")
    }

    @Test(arguments: ["", "QĐ-UBND", "12", "12/26/NQ-HĐND", "0/QĐ-UBND", "12/2026/", "1a/QĐ-UBND", "12/2026/NQ-HĐND/1", "12/QĐ--UBND"])
    func malformedNumbersAreRefused(_ text: String) {
        #expect(DocumentNumber.parse(text) == nil)
    }

    @Test func keyIgnoresSpacesCaseDiacriticsAndLeadingZeros() {
        #expect(DocumentNumber.key("05/QĐ-UBND") == DocumentNumber.key(" 5 / qd-ubnd "))
        #expect(DocumentNumber.key("12/2026/NQ-HĐND") == "12/2026/nq-hdnd")
        #expect(DocumentNumber.key("12/2026/NQ-HĐND") != DocumentNumber.key("12/NQ-HĐND"))
    }

    @Test func kindsAndIssuersReadWithOrWithoutDiacritics() {
        #expect(OfficialDocument.Kind(text: "Nghị quyết") == .resolution)
        #expect(OfficialDocument.Kind(text: "nghi_quyet") == .resolution)
        #expect(OfficialDocument.Kind(text: "nghị định") == nil)
        #expect(OfficialDocument.Issuer(text: "HĐND xã") == .council)
        #expect(OfficialDocument.Issuer(text: "Ủy ban nhân dân xã") == .committee)
        #expect(OfficialDocument.Issuer(text: "Chủ tịch UBND xã") == .chairman)
        #expect(OfficialDocument.Issuer(text: "Công an xã") == nil)
        #expect(OfficialDocument.Status(text: "còn hiệu lực") == .inForce)
        #expect(OfficialDocument.Status(text: "bi_thay_the") == .replaced)
        #expect(OfficialDocument.Status(text: "chưa có hiệu lực") == nil)
    }
}
