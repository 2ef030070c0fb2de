/// The one HTML/XML escaping of CongKhai's own code: `FastTemplate`'s `{{name}}`, and the markup
/// the renderer writes itself (feeds, sitemap, inline SVG), where Mustache's escaping does not
/// reach. It escapes the five characters swift-mustache escapes (`& < > " '`), with the same
/// entities, so a page renders to the same bytes with either engine and content text never
/// becomes markup, inside an attribute with either quote or between tags.
public enum MarkupEscape {
    public static func text(_ text: String) -> String {
        var out = ""
        append(text, into: &out)
        return out
    }

    /// Appends `text` escaped; text without any of the five (most of it) is copied as is.
    public static func append(_ text: String, into out: inout String) {
        // Appending the string itself shares its storage check; decoding its bytes made a copy.
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            out += text
            return
        }
        var text = text
        text.withUTF8 { bytes in
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
                case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
                case 0x26: escaped.append(contentsOf: "&amp;".utf8)
                case 0x22: escaped.append(contentsOf: "&quot;".utf8)
                case 0x27: escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            out += String(decoding: escaped, as: UTF8.self)
        }
    }
}
