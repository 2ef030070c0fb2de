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

    /// Appends `text` escaped to UTF-8 bytes (a page as `FastTemplate` renders it): the runs
    /// between the five characters are copied as they are, from the string's own storage.
    /// Every byte of the five is ASCII, and no byte of a multi-byte UTF-8 sequence is below
    /// 0x80, so a character other than the five is never split or changed.
    public static func append(_ text: String, into out: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ append(utf8: $0, into: &out) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { append(utf8: $0, into: &out) }
        }
    }

    static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var run = 0
        while true {
            let next = firstEscaped(UnsafeRawPointer(base), from: run, count: count)
            if next > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: next - run)) }
            guard next < count else { return }
            switch base[next] {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            default: out.append(contentsOf: "&#39;".utf8)
            }
            run = next + 1
        }
    }

    /// The offset of the first of the five at or after `start`, or `count`. Eight bytes are
    /// tested at once (a byte equal to one of the five makes a zero byte in the word XORed
    /// with it, found without a branch per byte), then the one found is placed byte by byte.
    @inline(__always)
    static func firstEscaped(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        var index = start
        while index + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let found = zeroByte(word ^ (ones &* 0x3C)) | zeroByte(word ^ (ones &* 0x3E)) | zeroByte(word ^ (ones &* 0x26))
                | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x27))
            if found != 0 { break }
            index += 8
        }
        while index < count {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte < 0x40, escapedBits & (1 << UInt64(byte)) != 0 { return index }
            index += 1
        }
        return count
    }
}
