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

    static func loadTemplates(_ folder: URL, log: DiagnosticLog) -> TemplateSet {
        guard FileManager.default.fileExists(atPath: folder.path) else {
            log.report(.error("template.no-folder", at: SourceLocation(path: "templates/"),
                              "Không tìm thấy thư mục templates/ (bộ mẫu trang).",
                              hint: "Chép thư mục templates/ mặc định của CongKhai vào thư mục trang."))
            return TemplateSet(library: .init(), names: [])
        }
        return TemplateSet.load(from: folder, log: log)
    }
}

/// Theme assets (CSS, JS, images) are published as they are.
enum AssetFiles {
    static func list(in folder: URL, under prefix: String) -> [OutputFile] {
        let manager = FileManager.default
        guard let names = manager.enumerator(atPath: folder.path)?.allObjects as? [String] else { return [] }
        return names.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                  !(name as NSString).lastPathComponent.hasPrefix(".") else { return nil }
            if name.hasSuffix(".css"), let data = manager.contents(atPath: url.path), let css = String(data: data, encoding: .utf8) {
                return OutputFile(path: prefix + name, text: CSSMinifier.minify(css))
            }
            return OutputFile(path: prefix + name, copying: url)
        }
    }
}
