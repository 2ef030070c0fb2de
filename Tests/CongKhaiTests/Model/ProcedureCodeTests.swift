import CongKhaiModel
import Testing

@Suite("Procedure codes: one normaliser for the loader, the checks and the import")
struct ProcedureCodeTests {
    @Test func copiedSpacesAreRemovedIncludingTheNarrowNoBreakSpace() {
        #expect(ProcedureCode.clean("1.001193\u{202F}") == "1.001193")
        #expect(ProcedureCode.clean("\u{FEFF}1.000656.000.00.00.H36\u{200B}\n") == "1.000656.000.00.00.H36")
    }

    @Test func onlyASCIIDigitsMakeAValidCode() {
        #expect(ProcedureCode.isValid("1.001193") && ProcedureCode.isValid("1.000656.000.00.00.H36"))
        for bad in ["١.٠٠١١٩٣", "１.００１１９３", "1.001193.000.00.00.H3", "1.001193.000.00.00.h36", "1.001193.001.00.00.H36", "1.0011934", ""] {
            #expect(!ProcedureCode.isValid(bad), "\(bad)")
        }
    }

    @Test func aProvincesCopyHasTheNationalCodeAsItsBase() {
        #expect(ProcedureCode.base("1.000656.000.00.00.H36") == "1.000656")
        #expect(ProcedureCode.base("1.000656") == "1.000656")
        #expect(ProcedureCode.base("x.000656.000.00.00.H36") == "x.000656.000.00.00.H36")
    }
}
