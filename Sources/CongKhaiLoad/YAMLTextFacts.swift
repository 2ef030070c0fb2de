#if canImport(Glibc)
import Glibc
#endif

/// What `YAMLDocument` must know of a text before libyaml reads it: each of the checks it guards
/// (Word's artefacts, tabs, line separators, aliases) and the line count used to be a
/// Character or byte-iterator scan of its own over every front matter. Here each question is a
/// memchr over the bytes; line separators are looked for only when a C2 or E2 byte is there.
struct YAMLTextFacts {
    /// A byte that starts a curly quote, a non-breaking space or a line separator (E2, C2).
    var mayHoldOfficeArtefacts = false
    var hasTab = false
    /// NEL, LS or PS (C2 85, E2 80 A8, E2 80 A9).
    var hasLineSeparators = false
    /// Both `*` and `&`: an alias needs an anchor.
    var mayHoldAliases = false
    /// Line breaks plus one.
    var lines = 1
    /// Whether the last Character is "\n"; nil when the bytes end in CR LF (one Character).
    var endsWithLineBreak: Bool? = false

    init(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            let count = bytes.count
            // memchr per question: each is a vector scan, together far faster than one byte loop.
            func has(_ byte: UInt8) -> Bool { memchr(base, Int32(byte), count) != nil }
            hasTab = has(0x09)
            mayHoldAliases = has(UInt8(ascii: "*")) && has(UInt8(ascii: "&"))
            mayHoldOfficeArtefacts = has(0xC2) || has(0xE2)
            if mayHoldOfficeArtefacts {
                var previous: (UInt8, UInt8) = (0, 0)
                for byte in bytes {
                    if (previous.1 == 0xC2 && byte == 0x85) || (previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9)) {
                        hasLineSeparators = true
                        break
                    }
                    previous = (previous.1, byte)
                }
            }
            var offset = 0
            while offset < count, let hit = memchr(base + offset, 0x0A, count - offset) {
                lines += 1
                offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            if bytes[count - 1] == 0x0A { endsWithLineBreak = count >= 2 && bytes[count - 2] == 0x0D ? nil : true }
        }
    }
}
