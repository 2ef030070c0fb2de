#if canImport(Glibc)
import Glibc
#endif

/// The one rule for what counts as a `##` section of a Markdown body, for the loader (which
/// sections a procedure has) and the import (which sections it may replace): a line starting
/// with `## ` outside a fenced code block. A heading inside a fence is code on the page, so it
/// must neither satisfy a required section nor be overwritten as one.
public struct SectionHeadings {
    /// The fence that is open: its character and length (a closing fence repeats the
    /// character at least as often, CommonMark 4.5).
    private var fence: (character: Character, count: Int)?

    public init() {}

    /// The heading text of `line` (trimmed), or nil when the line is no section heading.
    /// Lines must be fed in order: fences open and close as they go by.
    public mutating func heading(_ line: Substring) -> String? {
        if let marker = Self.fenceMarker(line) {
            if let open = fence {
                if marker.character == open.character, marker.count >= open.count, marker.isBare { fence = nil }
            } else {
                fence = (marker.character, marker.count)
            }
            return nil
        }
        guard fence == nil, line.hasPrefix("## ") else { return nil }
        return line.dropFirst(3).trimmingWhitespace()
    }

    /// Every section heading of `body`, in order.
    public static func all(in body: String) -> [String] {
        var scanner = SectionHeadings()
        var headings: [String] = []
        // Lines found with memchr, and only those that may open or close a fence or be a
        // heading made into Substrings: the rest cannot change the scanner (1% of a build).
        let candidates: [Range<Int>]? = body.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return [] }
            var lines: [Range<Int>] = []
            var start = 0
            while start < bytes.count {
                let end = memchr(base + start, 0x0A, bytes.count - start)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                if end > start, mayMatter(UnsafeBufferPointer(rebasing: bytes[start..<end])) { lines.append(start..<end) }
                start = end + 1
            }
            return lines
        }
        guard let candidates else {
            return body.utf8.split(separator: UInt8(ascii: "\n")).compactMap { scanner.heading(Substring($0)) }
        }
        let utf8 = body.utf8
        for line in candidates {
            let lower = utf8.index(utf8.startIndex, offsetBy: line.lowerBound)
            let upper = utf8.index(lower, offsetBy: line.count)
            if let heading = scanner.heading(body[lower..<upper]) { headings.append(heading) }
        }
        return headings
    }

    /// Whether a line's bytes can be a fence or a heading to `heading`: up to three spaces and
    /// a backtick or tilde, or `## `. Both ask for these bytes before anything else, since a
    /// space, backtick, tilde or `#` that forms a Character with what follows is one byte still.
    static func mayMatter<Bytes: Collection<UInt8>>(_ line: Bytes) -> Bool {
        var spaces = 0
        for byte in line {
            switch byte {
            case UInt8(ascii: " "):
                spaces += 1
                if spaces > 3 { return false }
            case UInt8(ascii: "`"), UInt8(ascii: "~"):
                return true
            case UInt8(ascii: "#"):
                return spaces == 0 && line.starts(with: "## ".utf8)
            default:
                return false
            }
        }
        return false
    }

    /// A run of at least three backticks or tildes after at most three spaces; `isBare` when
    /// nothing but white space follows it (only such a line can close a fence).
    private static func fenceMarker(_ line: Substring) -> (character: Character, count: Int, isBare: Bool)? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let run = rest.prefix { $0 == character }
        guard run.count >= 3 else { return nil }
        return (character, run.count, rest.dropFirst(run.count).allSatisfy(\.isWhitespace))
    }
}
