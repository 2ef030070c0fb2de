@testable import CongKhaiLoad
import CongKhaiModel
import Testing

/// A national code is its own path segment; anything else is folded as before.
@Suite("Procedure loading: a code's path segment")
struct ProcedurePathSegmentTests {
    @Test(arguments: ["2.001021", "1.001193", "1.001193.000.00.00.H36", ".1.2", "1.2.", "12", "1..2", "", ".", "1-2", "1 2", "١.٢", "2.001021\u{301}"])
    func isThePathSafeFold(_ code: String) {
        #expect(ProcedureLoader.pathSegment(code) == TextFolding.pathSafe(code))
    }
}
