import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender
import Foundation

/// What one run of the pipeline produced, in memory. `build` writes it to disk;
/// `serve` will answer requests from it: one pipeline, two destinations.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var pageCount: Int
    public var diagnostics: [Diagnostic]
    public var timings: [(step: String, milliseconds: Int)]
    /// The posting checklist as of the build date (empty when the content did not load).
    public var checklist = Checklist()
    /// How many pages this run rendered (all of them, except in `serve`'s updates).
    public var renderedPages = 0

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// The build as named, timed steps: load → check → render (see `SiteBuild`). Every step runs even after
/// errors (as far as its input allows) so the editor sees all problems at once.
public enum Pipeline {
    public static func run(_ options: BuildOptions) -> BuildResult {
        // Asked before rendering, so pages link to PDFs only when they will be made.
        let pdfLog = DiagnosticLog()
        let pdfEngine = PDFEngine.requested(by: options, log: pdfLog)
        var rendering = options
        rendering.pdf = pdfEngine != nil
        // The command line refuses a bad address first; a library caller gets the same error.
        if let base = options.baseURL, let problem = BaseAddress.problem(base) {
            pdfLog.report(.error("build.base-url", at: SourceLocation(path: "--base-url"), problem, hint: BaseAddress.hint))
            rendering.baseURL = nil
        }
        var result = SiteBuild(options: rendering).build()
        if let pdfEngine { pdfEngine.add(to: &result, log: pdfLog) }
        result.diagnostics += pdfLog.all
        return result
    }

    /// The templates of `theme`; none at all only when the default theme is switched off and
    /// the site has no `templates/`.
    static func loadTemplates(_ theme: [Theme.File], log: DiagnosticLog) -> TemplateSet {
        guard !theme.isEmpty else {
            log.report(.error("template.no-folder", at: SourceLocation(path: "templates/"),
                              "Không tìm thấy thư mục templates/ (bộ mẫu trang).",
                              hint: "Chạy `congkhai theme export` để chép bộ mẫu mặc định vào thư mục trang."))
            return TemplateSet(library: .init(), names: [])
        }
        return TemplateSet.load(files: theme.map { file in (file.path, file.displayPath, { file.data }) }, log: log)
    }
}

/// Theme assets (CSS, JS, images) are published as they are, CSS minified.
enum AssetFiles {
    static func list(_ theme: [Theme.File]) -> [OutputFile] {
        theme.filter { $0.path.hasPrefix("assets/") }.compactMap { file in
            if file.path.hasSuffix(".css") {
                guard let data = file.data, let css = String(data: data, encoding: .utf8) else { return nil }
                return OutputFile(path: file.path, text: CSSMinifier.minify(css))
            }
            switch file.source {
            case let .site(url): return OutputFile(path: file.path, copying: url)
            case let .embedded(data): return OutputFile(path: file.path, bytes: data)
            }
        }
    }
}
