/// Procedure codes as the national database writes them: `1.001193`, or a province's copy of
/// the same procedure with its suffix, `1.001193.000.00.00.H36`. The loader, the checks and the
/// import all read codes here, so a code one of them accepts the others accept too.
public enum ProcedureCode {
    /// Spaces and the invisible characters that come along with copying from web pages and
    /// spreadsheets (zero-width, no-break and narrow no-break spaces, BOM, word joiner).
    static let invisible: Set<Unicode.Scalar> = [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{00A0}", "\u{2007}", "\u{2060}", "\u{202F}",
        " ", "\t", "\n", "\r",
    ]

    /// The code without those characters, in NFC.
    public static func clean(_ raw: String) -> String {
        String(String.UnicodeScalarView(raw.nfc.unicodeScalars.filter { !invisible.contains($0) }))
    }

    /// `d.dddddd`, optionally followed by `.000.00.00.Hdd`, in ASCII digits only. Only digits,
    /// dots and the `H` can pass, so a valid code is also a safe file name: no `/`, no `..`.
    public static func isValid(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard bytes.count == 8 || bytes.count == 22, isDigit(bytes[0]), bytes[1] == 0x2E,
              bytes[2..<8].allSatisfy(isDigit) else { return false }
        guard bytes.count == 22 else { return true }
        return Array(bytes[8..<20]) == Array(".000.00.00.H".utf8) && isDigit(bytes[20]) && isDigit(bytes[21])
    }

    /// The national procedure a code stands for: `1.000656.000.00.00.H36` → `1.000656`.
    /// A province's copy and the national code name the same procedure, so they share one page.
    public static func base(_ code: String) -> String {
        isValid(code) && code.utf8.count == 22 ? String(code.prefix(8)) : code
    }
}
