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
    /// Render with swift-mustache only (tests compare it with `FastTemplate`).
    var referenceTemplateEngine = false
    /// Also render the notice-board editions to `in/*.pdf` (`--pdf`).
    public var pdf = false
    /// Which WeasyPrint to use; nil: `CONGKHAI_PYTHON`, else `python3`.
    public var pdfEngine: PDFEngine?
    /// The theme to use instead of `templates/` in the site folder: a province's communes
    /// without a theme of their own share the province's.
    public var templatesFolder: URL?

    public init(siteFolder: URL, outputFolder: URL? = nil, asOf: CalendarDate, baseURL: String? = nil, verbose: Bool = false, force: Bool = false) {
        self.siteFolder = siteFolder.standardizedFileURL
        self.outputFolder = (outputFolder ?? siteFolder.appendingPathComponent("public")).standardizedFileURL
        self.asOf = asOf
        self.baseURL = baseURL
        self.verbose = verbose
        self.force = force
    }
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
