import CongKhaiCheck
import CongKhaiModel
import Foundation
import Testing

@Suite("Procedure catalogue: validation at file and line")
struct ProcedureValidationTests {
    @Test func exampleFixtureIsClean() throws {
        let result = try ProcedureFixtures.site().build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        #expect(result.warningCount == 0, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func missingCodeNameOrFieldAreErrors() throws {
        let text = "---\ncap_thuc_hien: Cấp xã\n---\n## Trình tự thực hiện\n"
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/x.md": text]).build()
        let missing = result.diagnostics("field.missing").filter { $0.location.path == "content/thu-tuc/ho-tich/x.md" }
        #expect(Set(missing.compactMap { $0.message.split(separator: "“").dropFirst().first?.split(separator: "”").first.map(String.init) }) == ["ma", "ten", "linh_vuc"])
    }

    @Test(arguments: ["1.00119", "1001193", "1.001193.000.00.00.H3", "A.001193"])
    func malformedCodeIsAnError(_ code: String) throws {
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": ProcedureFixtures.procedure(code: code)]).build()
        let found = result.diagnostics("procedure.code")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: "content/thu-tuc/ho-tich/1.001193.md", line: 2))
    }

    @Test func provincialSuffixIsAccepted() {
        #expect(ProcedureChecks.isValidCode("1.001193.000.00.00.H36"))
        #expect(ProcedureChecks.isValidCode("2.000908"))
    }

    @Test func duplicateCodeNamesTheFirstFile() throws {
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/ban-sao.md": ProcedureFixtures.procedure(name: "Bản sao")]).build()
        let found = result.diagnostics("procedure.duplicate")
        #expect(found.count == 1)
        #expect(found.first?.location.path == "content/thu-tuc/ho-tich/ban-sao.md")
        #expect(found.first?.message.contains("content/thu-tuc/ho-tich/1.001193.md") == true)
    }

    @Test func unknownFeeIsAnErrorWithSuggestion() throws {
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": ProcedureFixtures.procedure(fees: "[le-phi-khai-snh]")]).build()
        let found = result.diagnostics("procedure.unknown-fee")
        #expect(found.count == 1)
        #expect(found.first?.location.line == 14)
        #expect(found.first?.hint?.contains("le-phi-khai-sinh") == true)
    }

    @Test func dateThatIsNotADateIsAnError() throws {
        let text = ProcedureFixtures.procedure(extra: "cap_nhat: 31/06/2025")
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": text]).build()
        #expect(result.diagnostics("field.type").map(\.location.path) == ["content/thu-tuc/ho-tich/1.001193.md"])
    }

    @Test func missingPartsOfDecree63AreWarnings() throws {
        var text = ProcedureFixtures.procedure(body: "Chỉ có lời dẫn.\n")
        text = text.replacingOccurrences(of: "doi_tuong: \"Công dân Việt Nam\"\n", with: "")
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": text]).build()
        let parts = result.diagnostics("procedure.part-missing").map(\.message)
        #expect(parts.count == 3)
        #expect(parts.contains { $0.contains("trình tự thực hiện") })
        #expect(parts.contains { $0.contains("thành phần hồ sơ") })
        #expect(parts.contains { $0.contains("đối tượng thực hiện") })
        #expect(result.errorCount == 0)
    }

    /// The parts the first test leaves in place: legal basis, agency and result are each one
    /// warning of their own when missing (NĐ 63/2010 Điều 8).
    @Test func missingLegalBasisAgencyAndResultAreWarnings() throws {
        let text = ProcedureFixtures.procedure()
            .replacingOccurrences(of: "can_cu_phap_ly:\n  - so_hieu: \"60/2014/QH13\"\n    ten: \"Luật Hộ tịch\"\n", with: "")
            .replacingOccurrences(of: "co_quan_thuc_hien: \"Ủy ban nhân dân cấp xã\"\n", with: "")
            .replacingOccurrences(of: "ket_qua: \"Giấy khai sinh\"\n", with: "")
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": text]).build()
        let parts = result.diagnostics("procedure.part-missing").map(\.message)
        #expect(parts.count == 3)
        #expect(parts.contains { $0.contains("căn cứ pháp lý") })
        #expect(parts.contains { $0.contains("cơ quan thực hiện") })
        #expect(parts.contains { $0.contains("kết quả thực hiện") })
    }

    @Test func partialOnlineNeedsAReason() throws {
        let text = ProcedureFixtures.procedure().replacingOccurrences(of: "muc_do: toan_trinh", with: "muc_do: mot_phan")
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": text]).build()
        #expect(result.diagnostics("procedure.partial-reason").map(\.location.line) == [6])
        let withReason = ProcedureFixtures.procedure(extra: "ly_do_mot_phan: \"Phải xuất trình bản chính\"").replacingOccurrences(of: "muc_do: toan_trinh", with: "muc_do: mot_phan")
        #expect(try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": withReason]).build().diagnostics("procedure.partial-reason").isEmpty)
    }

    @Test func listedFormThatIsNotThereIsAWarning() throws {
        let text = ProcedureFixtures.procedure(extra: "mau_don:\n  - ten: \"Tờ khai\"\n    tep: \"to-khai.docx\"")
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": text]).build()
        #expect(result.diagnostics("procedure.form-missing").count == 1)
        let present = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": text, "content/thu-tuc/ho-tich/to-khai.docx": "x"]).build()
        #expect(present.diagnostics("procedure.form-missing").isEmpty)
        #expect(present.text(of: "thu-tuc/ho-tich/1.001193/index.html")?.contains("href=\"../../../thu-tuc/ho-tich/to-khai.docx\"") == true)
    }

    @Test func invisibleCharactersInCodeAreRemovedAndReported() throws {
        let text = ProcedureFixtures.procedure(code: "1.001\u{200B}193\u{00A0}")
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": text]).build()
        #expect(result.diagnostics("procedure.code-invisible").count == 1)
        #expect(result.diagnostics("procedure.code").isEmpty)
        #expect(result.files.contains { $0.path == "thu-tuc/ho-tich/1.001193/index.html" })
    }

    @Test func feeWithoutLegalElementsIsWarned() throws {
        let fees = "phi:\n  - id: le-phi-khai-sinh\n    ten: \"Lệ phí\"\n    muc_thu: 8000\n  - id: phi-chung-thuc\n    ten: Phí\n    muc_thu: \"8 nghìn\"\n"
        let result = try ProcedureFixtures.site(["content/phi-le-phi.yaml": fees]).build()
        #expect(result.diagnostics("fee.element-missing").filter { $0.location.line == 2 }.count == 4)
        #expect(result.diagnostics("amount.invalid").map(\.location.line) == [7])
    }
}
