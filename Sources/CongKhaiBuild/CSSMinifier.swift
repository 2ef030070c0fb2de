/// Removes comments and layout whitespace from the theme's CSS on its way to `public/`, so
/// the editable, commented stylesheet in `templates/` costs citizens' phones less. Strings
/// are copied untouched; spaces that can change meaning (before `:`, around `+` and `-` in
/// `calc()`, between words) are kept.
public enum CSSMinifier {
    public static func minify(_ css: String) -> String {
        var out: [Character] = []
        var chars = Array(css)[...]
        var pendingSpace = false
        let tight: Set<Character> = ["{", "}", ";", ",", ">", ":"]
        while let c = chars.first {
            if c == "/", chars.dropFirst().first == "*" {
                chars = chars.dropFirst(2)
                while !chars.isEmpty, !(chars.first == "*" && chars.dropFirst().first == "/") { chars = chars.dropFirst() }
                chars = chars.dropFirst(2)
                pendingSpace = true
                continue
            }
            if c == "\"" || c == "'" {
                flush(&out, &pendingSpace, before: c, tight: tight)
                out.append(c)
                chars = chars.dropFirst()
                while let d = chars.first {
                    out.append(d)
                    chars = chars.dropFirst()
                    if d == "\\", let escaped = chars.first { out.append(escaped); chars = chars.dropFirst(); continue }
                    if d == c { break }
                }
                continue
            }
            if c.isWhitespace {
                pendingSpace = true
                chars = chars.dropFirst()
                continue
            }
            if c == "}", out.last == ";" { out.removeLast() }
            flush(&out, &pendingSpace, before: c, tight: tight)
            out.append(c)
            chars = chars.dropFirst()
        }
        return String(out) + "\n"
    }

    /// A pending space survives only between two characters that both need it.
    private static func flush(_ out: inout [Character], _ pending: inout Bool, before next: Character, tight: Set<Character>) {
        defer { pending = false }
        guard pending, let last = out.last else { return }
        let nextIsTight = tight.contains(next) && next != ":"
        if tight.contains(last) || nextIsTight { return }
        out.append(" ")
    }
}
