import Foundation

/// Every place on the site a link can point to, found by how an editor would write it:
/// the source file (`../gioi-thieu/lich-su.md`), its folder (`../gioi-thieu/`) or its
/// published address (`/gioi-thieu/lich-su/`). Lookups are dictionary hits, never scans.
public struct LinkTargets: Sendable {
    public enum Target: Sendable, Equatable {
        /// A page, by its output folder (`gioi-thieu/`).
        case page(String)
        /// A published file, by its output path (`gioi-thieu/ban-do.svg`).
        case file(String)
    }

    public enum Resolution: Sendable, Equatable {
        /// Left as written: another site, `mailto:`, `tel:`, or a fragment on the same page.
        case external
        case found(Target, fragment: String)
        case missing(String)
    }

    private var targets: [String: Target] = [:]

    public init(content: SiteContent) {
        // Up to four keys a page: growing a 40,000-key table step by step rehashed it ten times.
        targets.reserveCapacity(content.pages.count * 4 + content.attachments.count * 2)
        for page in content.pages {
            let source = Self.contentRelative(page.source)
            add(source, .page(page.path))
            add(page.path, .page(page.path))
            add(page.path + "index.html", .page(page.path))
            if source.hasSuffix("_index.md") || source.hasSuffix("/index.md") || source == "index.md" {
                add((source as NSString).deletingLastPathComponent, .page(page.path))
            }
        }
        for attachment in content.attachments {
            add(Self.contentRelative(attachment.source), .file(attachment.path))
            add(attachment.path, .file(attachment.path))
        }
    }

    /// Generated pages (catalogues, feeds) are linkable by their address too.
    public mutating func addGenerated(page path: String) {
        add(path, .page(path))
        add(path + "index.html", .page(path))
    }

    public mutating func addGenerated(file path: String) {
        add(path, .file(path))
    }

    private mutating func add(_ key: String, _ target: Target) {
        let normalised = Self.key(key)
        if targets[normalised] == nil { targets[normalised] = target }
    }

    public func contains(page path: String) -> Bool {
        targets[Self.key(path)] == .page(path)
    }

    static func contentRelative(_ source: String) -> String {
        source.hasPrefix("content/") ? String(source.dropFirst("content/".count)) : source
    }

    static func key(_ path: String) -> String {
        var trimmed = path.nfc
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }

    /// Resolves `url` as written in the file `source` (`content/tin-tuc/a.md`).
    public func resolve(_ url: String, from source: String) -> Resolution {
        let trimmed = url.trimmingWhitespace()
        // A link into the editor's own computer (Word writes `file:///C:/...` or `C:\...`) works
        // nowhere on the published site.
        if Self.isLocalFile(trimmed) { return .missing(trimmed) }
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") || Self.hasScheme(trimmed) {
            return .external
        }
        var pathPart = trimmed
        var fragment = ""
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = String(pathPart[hash...])
            pathPart = String(pathPart[..<hash])
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        let base: [Substring]
        if decoded.hasPrefix("/") {
            base = []
        } else {
            base = Self.contentRelative(source).split(separator: "/").dropLast()
        }
        var segments = Array(base)
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return .missing(trimmed) }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        let joined = segments.joined(separator: "/")
        if let target = targets[Self.key(joined)] {
            return .found(target, fragment: fragment)
        }
        return .missing(trimmed)
    }

    private static func isLocalFile(_ url: String) -> Bool {
        let characters = Array(url.prefix(3))
        let drive = characters.count == 3 && characters[0].isASCII && characters[0].isLetter && characters[1] == ":"
            && (characters[2] == "\\" || characters[2] == "/")
        return drive || url.lowercased().hasPrefix("file:")
    }

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}

/// Relative links between output locations, so the site works from `file://` and a sub-folder.
public enum RelativeURL {
    /// `../../` for a page at `tin-tuc/a/`; `""` at the root; `../` for a page that is a file
    /// of its folder (`in/thu-tuc-ho-tich-1.000894.html`, a notice-board edition).
    public static func root(from pagePath: String) -> String {
        // Counts the folders, the non-empty segments closed by a slash, without splitting: this
        // runs for every link of every page.
        var depth = 0
        var inSegment = false
        for byte in pagePath.utf8 {
            if byte == UInt8(ascii: "/") {
                if inSegment { depth += 1 }
                inSegment = false
            } else {
                inSegment = true
            }
        }
        return String(repeating: "../", count: depth)
    }

    /// The file a page at `pagePath` is published as: `tin-tuc/a/index.html` for a folder
    /// address, the address itself for a file one (`in/x.html`).
    public static func file(ofPage pagePath: String) -> String {
        pagePath.isEmpty || pagePath.utf8.last == UInt8(ascii: "/") ? pagePath + "index.html" : pagePath
    }

    /// The href from the page at `pagePath` to `target`. Pages get an explicit `index.html`
    /// because a folder link opens a directory listing under `file://`.
    public static func href(from pagePath: String, to target: LinkTargets.Target) -> String {
        switch target {
        case let .page(path): return root(from: pagePath) + file(ofPage: path)
        case let .file(path): return root(from: pagePath) + path
        }
    }
}
