import Foundation

extension String {
    /// The text in Unicode NFC. Almost every Vietnamese text is already NFC (precomposed letters
    /// from Latin-1, Latin Extended and Latin Extended Additional), so those are returned as they
    /// are without Foundation's normaliser, which dominated load time. The check reads the UTF-8
    /// bytes (decoding scalars one by one cost more than the rest of loading a front matter).
    public var nfc: String {
        if let stable = utf8.withContiguousStorageIfAvailable(UnicodeNormal.isStable), stable { return self }
        for scalar in unicodeScalars where !UnicodeNormal.isStableStarter(scalar.value) {
            return precomposedStringWithCanonicalMapping
        }
        return self
    }
}

enum UnicodeNormal {
    /// Scalars that NFC leaves unchanged, that never combine with a neighbour, and that are
    /// checked against Python's unicodedata: below U+0300 (ASCII, Latin-1, Latin Extended-A/B),
    /// Latin Extended Additional (the Vietnamese letters with tones) and general punctuation up
    /// to the currency signs (– “ ” … ₫).
    static func isStableStarter(_ value: UInt32) -> Bool {
        value < 0x300 || (0x1E00..<0x1F00).contains(value) || (0x2010..<0x20D0).contains(value)
    }

    /// `isStableStarter` for every scalar of valid UTF-8, read from the bytes: lead bytes up to
    /// 0xCB start U+0000–U+02FF; E1 B8–BB starts U+1E00–U+1EFF; E2 80 90 – E2 83 8F is
    /// U+2010–U+20CF. false means "not sure": the caller then checks scalar by scalar.
    static func isStable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
            } else if byte < 0xCC {
                // A lead byte of U+0080–U+02FF (continuations are skipped with their lead).
                guard byte >= 0xC2, index + 1 < count else { return false }
                index += 2
            } else if byte == 0xE1 || byte == 0xE2 {
                guard index + 2 < count else { return false }
                let second = bytes[index + 1], third = bytes[index + 2]
                if byte == 0xE1 {
                    guard (0xB8...0xBB).contains(second) else { return false }
                } else {
                    switch second {
                    case 0x80: guard third >= 0x90 else { return false }
                    case 0x81, 0x82: break
                    case 0x83: guard third < 0x90 else { return false }
                    default: return false
                    }
                }
                index += 3
            } else {
                return false
            }
        }
        return true
    }
}
