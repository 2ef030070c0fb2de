import CongKhaiLoad

extension YAMLText {
    /// A comment line: no line break or control character can end it early.
    static func comment(_ text: String) -> String {
        let flat = text.unicodeScalars.map { scalar -> String in
            scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : String(scalar)
        }.joined()
        return "# " + ImportText.collapseSpaces(flat)
    }
}
