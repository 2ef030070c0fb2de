/// What `YAMLDocument` must know of a text before libyaml reads it, from one pass over its
/// bytes: each of the checks it guards (Word's artefacts, tabs, line separators, aliases) and
/// the line count used to be a scan of its own over every front matter.
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
            var star = false, ampersand = false
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in bytes {
                switch byte {
                case 0x0A: lines += 1
                case 0x09: hasTab = true
                case UInt8(ascii: "*"): star = true
                case UInt8(ascii: "&"): ampersand = true
                case 0xC2, 0xE2: mayHoldOfficeArtefacts = true
                case 0x85: if previous.1 == 0xC2 { hasLineSeparators = true }
                case 0xA8, 0xA9: if previous == (0xE2, 0x80) { hasLineSeparators = true }
                default: break
                }
                previous = (previous.1, byte)
            }
            mayHoldAliases = star && ampersand
            if previous.1 == 0x0A { endsWithLineBreak = previous.0 == 0x0D ? nil : true }
        }
    }
}
