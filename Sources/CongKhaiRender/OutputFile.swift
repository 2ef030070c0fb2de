import Foundation

/// One file of the built site: rendered bytes, or a file copied as it is.
public struct OutputFile: Sendable {
    public enum Body: Sendable {
        case bytes(Data)
        case copy(URL)
    }

    /// Relative to the output folder: `tin-tuc/a/index.html`.
    public var path: String
    public var body: Body
    /// Where the rows of the page's long lists are, for `serve` to put an edited one in place.
    public var rows: RowLayout?

    public init(path: String, text: String) {
        self.path = path
        self.body = .bytes(Data(text.utf8))
    }

    public init(path: String, bytes: Data) {
        self.path = path
        self.body = .bytes(bytes)
    }

    public init(path: String, copying source: URL) {
        self.path = path
        self.body = .copy(source)
    }
}

/// What a render needs to know beyond the content itself.
public struct RenderSettings: Sendable {
    /// `https://example.gov.vn/`, always ending in `/`, or nil: then no absolute URLs are written.
    public var baseURL: String?
    /// The build makes the PDFs of the notice-board editions (`--pdf` with WeasyPrint found):
    /// only then do pages link to them.
    public var producesPDF = false
    /// The minified site stylesheet, written inline into 404.html when no base URL is known: a
    /// web server answers that page at any depth, where a relative stylesheet link breaks.
    public var notFoundCSS: String?
    /// The site's path on its host when no base URL says it (`/hoa-van/` for a commune inside
    /// a province's output); nil: `/`. 404.html starts its links there.
    public var sitePathWithoutBase: String?

    public init(baseURL: String?) {
        guard var base = baseURL?.trimmingCharacters(in: .whitespaces), !base.isEmpty else {
            self.baseURL = nil
            return
        }
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base
    }
}
