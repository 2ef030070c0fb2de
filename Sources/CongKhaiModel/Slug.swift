import Foundation

/// Folds Vietnamese text to ASCII for URLs and for diacritic-insensitive matching:
/// `Đăng ký khai sinh` → `dang ky khai sinh`.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            guard value < asciiFold.count else { return decomposingFold(text) }
            switch asciiFold[value] {
            case unknown: return decomposingFold(text)
            case dropped: continue
            case let byte: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let unknown: UInt8 = 0
    private static let dropped: UInt8 = 1

    /// What each scalar below U+1F00 folds to: a lowercase ASCII byte, `dropped` for combining
    /// marks, or `unknown` (fold the whole text the slow way). Built once from the slow fold,
    /// so both ways agree; sorting and search keys fold every name, and Foundation's
    /// decomposition made that a visible part of the build.
    private static let asciiFold: [UInt8] = (0..<0x1F00).map { value -> UInt8 in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return unknown }
        if (0x300..<0x370).contains(value) { return dropped }
        let folded = Array(decomposingFold(String(Character(scalar))).utf8)
        guard folded.count == 1, folded[0] < 0x7F, folded[0] >= 0x20 || [9, 10, 13].contains(folded[0]) else { return unknown }
        return folded[0]
    }

    static func decomposingFold(_ text: String) -> String {
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
