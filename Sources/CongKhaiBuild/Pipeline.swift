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

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// The build as named, timed steps: load → check → render. Every step runs even after
/// errors (as far as its input allows) so the editor sees all problems at once.
public enum Pipeline {
    public static func run(_ options: BuildOptions) -> BuildResult {
        let log = DiagnosticLog()
        var timings: [(String, Int)] = []
        func step<T>(_ name: String, _ work: () -> T) -> T {
            let start = ContinuousClock.now
            let value = work()
            let elapsed = ContinuousClock.now - start
            timings.append((name, Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)))
            return value
        }

        let loaded = step("nạp nội dung") { ContentLoader.load(siteFolder: options.siteFolder, log: log) }
        let templatesFolder = options.siteFolder.appendingPathComponent("templates").resolvingSymlinksInPath()
        let templates = step("nạp mẫu trang") { loadTemplates(templatesFolder, log: log) }
        guard var content = loaded else {
            return BuildResult(files: [], pageCount: 0, diagnostics: log.all, timings: timings)
        }
        // The posting checklist depends on every other content kind and on the as-of date, and
        // adds pages of its own, so it is evaluated before links are collected.
        content.checklist = step("đánh giá công khai") { ChecklistEvaluator.evaluate(content, asOf: options.asOf, log: log) }
        content.pages += ChecklistPages.pages(for: content.checklist, in: content)
        var targets = LinkTargets(content: content)
        let assets = AssetFiles.list(in: templatesFolder.appendingPathComponent("assets"), under: "assets/")
        for asset in assets { targets.addGenerated(file: asset.path) }
        step("kiểm tra") { SiteChecks.run(content, log: log) }
        let settings = RenderSettings(baseURL: options.baseURL ?? content.config.baseURL)
        let renderer = SiteRenderer(content: content, templates: templates, targets: targets, settings: settings)
        var files = step("dựng trang") { renderer.render(log: log) }
        files += assets
        files += content.attachments.map {
            OutputFile(path: $0.path, copying: options.siteFolder.appendingPathComponent($0.source))
        }
        let pageCount = files.filter { $0.path.hasSuffix(".html") }.count
        return BuildResult(files: files, pageCount: pageCount, diagnostics: log.all, timings: timings, checklist: content.checklist)
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
