import CongKhaiImport
import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import Foundation

/// A throwaway site folder with only `content/site.yaml`, for importing into and loading back.
final class ImportSite {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/import")

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try write("content/site.yaml", "ten: UBND xã A\nloai: xa\ntinh: T\n")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static func fixture(_ name: String) -> ImportSource {
        ImportSource(url: fixtures.appendingPathComponent(name), displayPath: name)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Writes `data` to a scratch file outside the site and returns it as an import source.
    func source(_ name: String, _ data: Data) throws -> ImportSource {
        let url = folder.appendingPathComponent("nguon/\(name)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return ImportSource(url: url, displayPath: name)
    }

    @discardableResult
    func run(_ kind: ImportKind, _ sources: [ImportSource]) -> (ImportReport, DiagnosticLog) {
        let log = DiagnosticLog()
        let report = Importer.run(kind: kind, files: sources, siteFolder: folder, log: log)
        return (report, log)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Every `.md` under content/thu-tuc/, relative to the site folder, sorted.
    var procedureFiles: [String] {
        let root = folder.appendingPathComponent("content/thu-tuc")
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.map { "content/thu-tuc/" + $0 }.sorted()
    }

    /// Loads the site through the real loader, as `congkhai build` does.
    func load() -> (SiteContent?, DiagnosticLog) {
        let log = DiagnosticLog()
        return (ContentLoader.load(siteFolder: folder, units: Units.loading(Units.all), log: log), log)
    }
}

extension DiagnosticLog {
    func with(_ key: String) -> [Diagnostic] { all.filter { $0.key == key } }
    var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    var errors: [Diagnostic] { all.filter { $0.severity == .error } }
}
