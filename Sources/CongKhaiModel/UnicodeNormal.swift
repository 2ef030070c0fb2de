import Foundation

extension String {
    /// The text in Unicode NFC. Almost every Vietnamese text is already NFC (precomposed letters
    /// from Latin-1, Latin Extended and Latin Extended Additional), so those are returned as they
    /// are without Foundation's normaliser, which dominated load time.
    public var nfc: String {
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
}
