import CongKhaiLoad
import CongKhaiModel
import Foundation

/// Everything a build is told from outside. The only clock it reads is `asOf`.
public struct BuildOptions: Sendable {
    public var siteFolder: URL
    public var outputFolder: URL
    public var asOf: CalendarDate
    public var baseURL: String?
    public var verbose: Bool
    /// Replace an output folder even when it does not look like a CongKhai output.
    public var force: Bool
    /// Where `build` writes pages as soon as they are rendered (its staging folder), so a large
    /// site is never held in memory whole; nil keeps everything in memory (`serve`, tests).
    public var spoolFolder: URL?
    /// Render with swift-mustache only (tests compare it with `FastTemplate`; `build
    /// --reference-templates` measures what `FastTemplate` earns).
    public var referenceTemplateEngine = false
    /// Also render the notice-board editions to `in/*.pdf` (`--pdf`).
    public var pdf = false
    /// Overlay the site's `templates/` on the theme embedded in the binary; false: the site's
    /// files alone (tests of a deliberately incomplete theme).
    public var defaultTheme = true
    /// Which WeasyPrint to use; nil: `CONGKHAI_PYTHON`, else `python3`.
    public var pdfEngine: PDFEngine?
    /// The theme to use instead of `templates/` in the site folder: a province's communes
    /// without a theme of their own share the province's.
    public var templatesFolder: URL?
    /// A province's communes: the theme files under the commune's own (`templates/` of the province).
    public var sharedTemplatesFolder: URL?
    /// A province's communes: the content they inherit (`tinh/`), merged into the scan.
    public var sharedContent: SharedContent?
    /// Where the site sits on its host when it has no base address (`url_goc`, `--base-url`):
    /// `/hoa-van/` for a commune of a province; nil: `/`.
    public var sitePathWithoutBase: String?

    public init(siteFolder: URL, outputFolder: URL? = nil, asOf: CalendarDate, baseURL: String? = nil, verbose: Bool = false, force: Bool = false) {
        self.siteFolder = siteFolder.standardizedFileURL
        self.outputFolder = (outputFolder ?? siteFolder.appendingPathComponent("public")).standardizedFileURL
        self.asOf = asOf
        self.baseURL = baseURL
        self.verbose = verbose
        self.force = force
    }
}

/// `--base-url` is written into `feed.xml`, the sitemap and every page's canonical link, so it is
/// held to the rule of `url_goc`: a full http(s) address with a host, and nothing a browser
/// would read as markup or script.
public enum BaseAddress {
    /// nil when `value` may be the site's base address; otherwise why not, in Vietnamese.
    public static func problem(_ value: String) -> String? {
        let forbidden = value.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>`\\{}|^".unicodeScalars.contains($0) }
        guard !forbidden, let url = URL(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, value.lowercased().hasPrefix(scheme + "://") else {
            return "“\(value)” không phải là một địa chỉ web đầy đủ (bắt đầu bằng https:// hoặc http://)."
        }
        return nil
    }

    static let hint = "Ví dụ: --base-url https://hoaphong.lamdong.gov.vn/"
}

/// Decides the build date: `--as-of`, else `SOURCE_DATE_EPOCH`, else today in Vietnam.
public enum BuildClock {
    public enum Problem: Error, Equatable {
        case invalidAsOf(String)
        case invalidEpoch(String)
    }

    public static func asOf(argument: String?, environment: [String: String]) -> Result<CalendarDate, Problem> {
        if let argument {
            guard let date = CalendarDate.parse(argument) else { return .failure(.invalidAsOf(argument)) }
            return .success(date)
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch.trimmingWhitespace()) else { return .failure(.invalidEpoch(epoch)) }
            return .success(CalendarDate.fromUnixTime(seconds))
        }
        return .success(CalendarDate.fromUnixTime(Int(Date().timeIntervalSince1970)))
    }
}
