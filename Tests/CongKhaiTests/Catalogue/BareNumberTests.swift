@testable import CongKhaiCheck
import Testing

/// A deadline written as a bare number: the byte answer equals the Character rule.
@Suite("Procedure checks: a deadline that is only a number")
struct BareNumberTests {
    @Test(arguments: ["1", "1,5", "2.5 ", "30 ngày làm việc", "05 ngày", "١٢", "3\u{301}", "12 ", "a1", "1a", " ", "１２", "3 giờ"])
    func theByteAnswerIsTheCharacterRule(_ text: String) {
        #expect(ProcedureChecks.isBareNumber(text) == text.allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == " " })
    }
}
