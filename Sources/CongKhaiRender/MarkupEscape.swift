/// Escaping for markup the renderer writes itself (feeds, sitemap, inline SVG), where
/// Mustache's escaping does not reach: content text must never become markup.
enum MarkupEscape {
    static func text(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
