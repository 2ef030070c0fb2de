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

    /// The five characters as bits of one word: a byte is tested with a shift, not five comparisons.
    private static let escapedBits: UInt64 = (1 << 0x3C) | (1 << 0x3E) | (1 << 0x26) | (1 << 0x22) | (1 << 0x27)

    @inline(__always)
    private static func needsEscaping(_ text: String) -> Bool {
        func scan<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
            for byte in bytes where byte < 0x40 && escapedBits & (1 << UInt64(byte)) != 0 { return true }
            return false
        }
        // A native string's bytes are read in place; the sequence path is for bridged ones.
        return text.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(text.utf8)
    }

    /// Appends `text` escaped; text without any of the five (most of it) is copied as is.
    public static func append(_ text: String, into out: inout String) {
        // Appending the string itself shares its storage check; decoding its bytes made a copy.
        guard needsEscaping(text) else {
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
