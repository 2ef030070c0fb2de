@testable import CongKhaiKinds
import CongKhaiModel
import Testing

@Suite("Document loader")
struct DocumentLoaderTests {
    typealias F = DocumentFixtures

    @Test func readsEveryField() throws {
        let text = F.text(F.fields(extra: [("hieu_luc", "2026-07-05"), ("het_hieu_luc", "2027-12-31"), ("tinh_trang", "\"còn hiệu lực\""),
                                           ("nguoi_ky", "\"Võ Văn Thành\""), ("chuc_vu", "\"Chủ tịch HĐND xã\""),
                                           ("thay_the", "[\"05/2025/NQ-HĐND\"]"), ("sua_doi", "\"3/2024/NQ-HĐND\""),
                                           ("ngay_cong_khai", "2026-06-29"), ("niem_yet", "{ tu: 2026-06-29, den: 2026-07-31, noi: \"Trụ sở\" }")]),
                          body: "Tóm tắt.\n")
        let (loaded, diagnostics) = F.load(text, path: "content/van-ban/2026/Nghị quyết 08.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let document = try #require(loaded)
        #expect(document.path == "van-ban/2026/nghi-quyet-08/")
        #expect(document.number == "08/2026/NQ-HĐND")
        #expect(document.kind == .resolution)
        #expect(document.issuer == .council)
        #expect(document.issued == CalendarDate(year: 2026, month: 6, day: 25))
        #expect(document.effective == CalendarDate(year: 2026, month: 7, day: 5))
        #expect(document.expires == CalendarDate(year: 2027, month: 12, day: 31))
        #expect(document.statedStatus == .inForce)
        #expect(document.signer == "Võ Văn Thành")
        #expect(document.replaces == ["05/2025/NQ-HĐND"])
        #expect(document.amends == ["3/2024/NQ-HĐND"])
        #expect(document.posting?.days == 33)
        #expect(document.title == "Nghị quyết số 08/2026/NQ-HĐND")
        #expect(document.body == "Tóm tắt.\n")
        #expect(document.line("thay_the") == 13)
    }

    @Test func kindComesFromTheNumberWhenLeftOut() throws {
        let fields = F.fields(number: "\"45/QĐ-UBND\"", issuer: "\"UBND xã\"").filter { $0.0 != "loai" }
        let (document, diagnostics) = F.load(F.text(fields))
        #expect(diagnostics.isEmpty)
        #expect(document?.kind == .decision)
    }

    @Test func numberInAnotherShapeIsAnErrorAtSo() {
        let (_, diagnostics) = F.load(F.text(F.fields(number: "\"Nghị quyết 12\"")))
        #expect(diagnostics.map(\.key) == ["document.number"])
        #expect(diagnostics.first?.location.line == 2)
        #expect(diagnostics.first?.hint?.contains("12/2026/NQ-HĐND") == true)
    }

    @Test func unknownKindNamesTheNearestChoice() {
        let (_, typo) = F.load(F.text(F.fields(kind: "\"Nghị quyếtt\"")))
        #expect(typo.map(\.key) == ["document.value"])
        #expect(typo.first?.hint?.contains("Nghị quyết") == true)
    }

    @Test func effectiveBeforeIssueIsAnError() {
        let (_, diagnostics) = F.load(F.text(F.fields(extra: [("hieu_luc", "2026-06-20")])))
        #expect(diagnostics.map(\.key) == ["document.effective-before-issue"])
        #expect(diagnostics.first?.location.line == 8)
        #expect(diagnostics.first?.message.contains("20/06/2026") == true)
    }

    @Test func expiryBeforeEffectIsAnError() {
        let (_, diagnostics) = F.load(F.text(F.fields(extra: [("hieu_luc", "2026-07-05"), ("het_hieu_luc", "2026-07-01")])))
        #expect(diagnostics.map(\.key) == ["document.expires-before-effect"])
    }

    @Test func kindNotMatchingTheNumberIsAnErrorAtLoai() {
        let (_, diagnostics) = F.load(F.text(F.fields(kind: "\"Quyết định\"")))
        #expect(diagnostics.map(\.key) == ["document.kind-number"])
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.hint?.contains("Nghị quyết") == true)
    }

    @Test func issuerNotMatchingTheNumberIsAnErrorAtCoQuan() {
        let (_, diagnostics) = F.load(F.text(F.fields(issuer: "\"UBND xã\"")))
        #expect(diagnostics.map(\.key) == ["document.issuer-number"])
        #expect(diagnostics.first?.location.line == 4)
    }

    @Test func aMistypedBodyInTheNumberIsAWarningWithTheIssuersBody() {
        let (_, diagnostics) = F.load(F.text(F.fields(number: "\"98/KH-UBDN\"", kind: "\"Kế hoạch\"", issuer: "\"UBND xã\"")))
        #expect(diagnostics.map(\.key) == ["document.number-body"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("có phải “UBND”?") == true)
        // A body far from any issuer's is not guessed at.
        let (_, other) = F.load(F.text(F.fields(number: "\"98/KH-BCĐ\"", kind: "\"Kế hoạch\"", issuer: "\"UBND xã\"")))
        #expect(other.isEmpty)
    }

    @Test func chairmansDecisionMayCarryTheCommitteesName() {
        let (_, diagnostics) = F.load(F.text(F.fields(number: "\"45/QĐ-UBND\"", kind: "\"Quyết định\"", issuer: "\"Chủ tịch UBND xã\"")))
        #expect(diagnostics.isEmpty)
    }

    @Test func yearInTheNumberMustBeTheIssueYear() {
        let (_, diagnostics) = F.load(F.text(F.fields(number: "\"08/2025/NQ-HĐND\"")))
        #expect(diagnostics.map(\.key) == ["document.number-year"])
    }

    @Test func normativeNumberOnAPlanIsAWarning() {
        let (_, diagnostics) = F.load(F.text(F.fields(number: "\"3/2026/KH-UBND\"", kind: "\"Kế hoạch\"", issuer: "\"UBND xã\"")))
        #expect(diagnostics.map(\.key) == ["document.normative-kind"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func documentInTheWrongYearFolderIsAWarning() {
        let (_, diagnostics) = F.load(F.text(F.fields()), path: "content/van-ban/2025/vb.md", year: "2025")
        #expect(diagnostics.map(\.key) == ["document.year-folder"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func folderThatIsNotAYearIsAnError() {
        let (_, diagnostics) = F.load(F.text(F.fields()), path: "content/van-ban/cu/vb.md", year: "cu")
        #expect(diagnostics.map(\.key) == ["document.year-folder"])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func postedBeforeSigningIsAnError() {
        let (_, diagnostics) = F.load(F.text(F.fields(extra: [("ngay_cong_khai", "2026-06-20")])))
        #expect(diagnostics.map(\.key) == ["checklist.published-early"])
    }

    @Test func missingNumberAndSubjectAreReportedAndTheFileIsHeldBack() {
        let (document, diagnostics) = F.load(F.text([("loai", "\"Quyết định\""), ("co_quan", "\"UBND xã\""), ("ngay", "2026-01-02")]))
        #expect(document == nil)
        #expect(diagnostics.filter { $0.key == "field.missing" }.count == 2)
    }

    @Test func misspeltKeyIsNamed() {
        let (_, diagnostics) = F.load(F.text(F.fields(extra: [("hieu_lu", "2026-07-05")])))
        #expect(diagnostics.map(\.key) == ["field.unknown"])
        #expect(diagnostics.first?.hint?.contains("hieu_luc") == true)
    }
}
