import Foundation

/// Writes text into YAML (imports, new files) so that no text can change the structure: every string is
/// double-quoted on one line, with the characters YAML gives meaning to escaped.
public enum YAMLText {
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                // libyaml refuses control characters and non-characters even inside quotes.
                if scalar.properties.generalCategory == .control || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                    || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}" {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `key: "value"` at the given indentation.
    public static func pair(_ key: String, _ value: String, indent: Int = 0) -> String {
        String(repeating: " ", count: indent) + "\(key): \(quoted(value))"
    }

    /// `3`, not `3.0`; `0.5` stays.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int64(value)) : String(value)
    }
}
