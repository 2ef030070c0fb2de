import Foundation

/// Folds Vietnamese text to ASCII for URLs and for diacritic-insensitive matching:
/// `Đăng ký khai sinh` → `dang ky khai sinh`.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "đ": out.append("d")
            case "Đ": out.append("D")
            default:
                // Combining marks (tones, hats, horns, breves) carry the diacritics.
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                out.append(scalar)
            }
        }
        return String(out).lowercased()
    }

    /// A safe path segment: lowercase ASCII letters, digits and single hyphens.
    /// `Lễ hội Đình làng 2025.md` → `le-hoi-dinh-lang-2025`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in fold(text) {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}


extension TextFolding {
    /// A path segment that keeps dots (procedure codes like `1.001193`) but nothing unsafe.
    public static func pathSafe(_ text: String) -> String {
        let kept = fold(text).map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") ? $0 : "-" }
        return String(kept).split(separator: "-").joined(separator: "-").trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
