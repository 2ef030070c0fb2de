/// The one reading of a template's `{{...}}` tags in CongKhai (swift-mustache, the reference
/// engine, has its own): `FastTemplate` compiles from it and `TemplateScanner` checks sections
/// and partial names with it, so the speed path and the syntax check see the same tags. The
/// rules are swift-mustache's: the sigil comes right after `{{`, `{{{` closes with `}}}`, and
/// `{{!` comments run to the first `}}`.
struct TemplateReader {
    struct Tag {
        /// `#`, `^`, `/`, `!`, `{`, `&`, `>`, `<`, `$`, `=` or `%`; nil for a variable.
        var sigil: Character?
        /// What is between the sigil and the closing braces, white space trimmed.
        var content: String
    }

    static let sigils: Set<Character> = ["#", "^", "/", "!", "{", "&", ">", "<", "$", "=", "%"]

    let characters: [Character]
    var position = 0

    init(_ text: String) { self.characters = Array(text) }

    var atEnd: Bool { position >= characters.count }
    var current: Character { characters[position] }

    func peek(_ string: String) -> Bool {
        var index = position
        for character in string {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
        }
        return true
    }

    mutating func read(_ string: String) -> Bool {
        guard peek(string) else { return false }
        position += string.count
        return true
    }

    mutating func read(while allowed: (Character) -> Bool) -> String {
        let start = position
        while position < characters.count, allowed(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// The tag whose `{{` was just read, through its closing braces; nil (position unchanged)
    /// when the closing braces never come.
    mutating func readTag() -> Tag? {
        let start = position
        let sigil = !atEnd && Self.sigils.contains(current) ? current : nil
        if sigil != nil { position += 1 }
        let closing = sigil == "{" ? "}}}" : "}}"
        let contentStart = position
        while !atEnd, !peek(closing) { position += 1 }
        guard !atEnd else {
            position = start
            return nil
        }
        var content = characters[contentStart..<position]
        while let first = content.first, first.isWhitespace { content.removeFirst() }
        while let last = content.last, last.isWhitespace { content.removeLast() }
        position += closing.count
        return Tag(sigil: sigil, content: String(content))
    }

    static func isLineEnd(_ character: Character) -> Bool { character == "\n" || character == "\r\n" }
}
