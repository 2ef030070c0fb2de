import CongKhaiBuild
import CongKhaiModel
import Foundation

/// A throwaway site folder: files written from a dictionary, the repository's default
/// theme copied in, removed when the test ends.
final class TestSite {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every front matter and YAML file of the repository's sites and fixtures (bad inputs included).
    static func repositoryYAMLFiles() -> [URL] {
        ["content", "examples", "Tests/Fixtures"].flatMap { folder -> [URL] in
            let walker = FileManager.default.enumerator(at: repositoryRoot.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            return (walker?.allObjects ?? []).compactMap { $0 as? URL }.filter { ["md", "yaml", "yml"].contains($0.pathExtension) }
        }
    }

    let folder: URL
    /// False: build with the site's templates/ alone, without the theme embedded in the binary.
    var defaultTheme = true

    init(_ files: [String: String], theme: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if theme {
            try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("templates"),
                                             to: folder.appendingPathComponent("templates"))
        }
        for (path, text) in files { try write(path, text) }
    }

    /// A minimal valid site plus `files` (which may replace any of it).
    static func minimal(_ files: [String: String] = [:]) throws -> TestSite {
        var all = [
            "content/site.yaml": "ten: Ủy ban nhân dân xã Thử Nghiệm\nten_ngan: Xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\n",
            "content/_index.md": "---\ntieu_de: Trang chủ\n---\nChào mừng.\n",
        ]
        all.merge(files) { _, new in new }
        return try TestSite(all)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var output: URL { folder.appendingPathComponent("public") }

    func options(output: URL? = nil) -> BuildOptions {
        var options = BuildOptions(siteFolder: folder, outputFolder: output ?? self.output, asOf: CalendarDate(year: 2026, month: 11, day: 23)!)
        options.defaultTheme = defaultTheme
        return options
    }

    func build() -> BuildResult {
        Pipeline.run(options())
    }

    /// Builds and writes like `congkhai build`; returns the diagnostics.
    @discardableResult
    func buildAndWrite(to output: URL? = nil) -> BuildResult {
        let options = options(output: output)
        let result = Pipeline.run(options)
        if result.errorCount == 0 {
            _ = OutputWriter.write(result.files, to: options.outputFolder, force: false)
        }
        return result
    }

    func read(_ path: String, in output: URL? = nil) -> String? {
        let url = (output ?? self.output).appendingPathComponent(path)
        return (try? Data(contentsOf: url)).flatMap { String(data: $0, encoding: .utf8) }
    }
}

extension BuildResult {
    func diagnostics(_ key: String) -> [Diagnostic] {
        diagnostics.filter { $0.key == key }
    }

    func text(of path: String) -> String? {
        guard let file = files.first(where: { $0.path == path }), case let .bytes(data) = file.body else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// The pages (among those `included`) of lists split into pages, those showing the links
    /// between their pages, each with its internal links that lead to no page or file built.
    func splitListPages(_ included: (String) -> Bool) -> [(path: String, broken: [String])] {
        let paths = Set(files.map(\.path))
        return files.map(\.path).filter(included).compactMap { path in
            guard let html = text(of: path), html.contains("<nav class=\"pagination\"") else { return nil }
            let folder = URL(fileURLWithPath: "/site/" + path).deletingLastPathComponent()
            let broken = html.matches(of: /href="([^"#:]+)"/).map { String($0.1) }.filter { href in
                !paths.contains(String(URL(fileURLWithPath: href, relativeTo: folder).standardizedFileURL.path.dropFirst("/site/".count)))
            }
            return (path, broken)
        }
    }
}
