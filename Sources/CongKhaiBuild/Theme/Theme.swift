import CongKhaiRender
import Foundation

/// The theme a build renders with: the default theme compiled into the binary, with each file
/// of the site's own `templates/` replacing the default file at the same path. A site without
/// `templates/` builds; a site that changed one template keeps receiving fixes to the others.
public enum Theme {
    /// One theme file, by its path under `templates/` (`layouts/page.mustache`, `assets/style.css`).
    public struct File: Sendable {
        public enum Source: Sendable {
            case embedded(Data)
            case site(URL)
        }

        public let path: String
        public let source: Source

        /// What a diagnostic names. A default file is named where `theme export` would put it.
        public var displayPath: String { "templates/\(path)" }

        public var data: Data? {
            switch source {
            case let .embedded(data): return data
            case let .site(url): return FileManager.default.contents(atPath: url.path)
            }
        }
    }

    /// The default theme, decoded once.
    public static let defaultFiles: [File] = EmbeddedTheme.files.compactMap { entry in
        Data(base64Encoded: entry.base64).map { File(path: entry.path, source: .embedded($0)) }
    }

    /// The default theme overlaid with the site's `templates/` folder (which may not exist),
    /// sorted by path. `includeDefault: false` gives the site's files alone. `shared`: a
    /// province's theme, between the default and the commune's own, file by file.
    public static func files(siteTemplates folder: URL, includeDefault: Bool = true, shared: URL? = nil) -> [File] {
        var byPath: [String: File] = [:]
        if includeDefault {
            for file in defaultFiles { byPath[file.path] = file }
        }
        if let shared {
            for path in siteFiles(in: shared) { byPath[path] = File(path: path, source: .site(shared.appendingPathComponent(path))) }
        }
        for path in siteFiles(in: folder) {
            byPath[path] = File(path: path, source: .site(folder.appendingPathComponent(path)))
        }
        return byPath.keys.sorted().compactMap { byPath[$0] }
    }

    /// Regular, non-hidden files below `folder`, as relative paths.
    static func siteFiles(in folder: URL) -> [String] {
        let manager = FileManager.default
        guard let names = manager.enumerator(atPath: folder.path)?.allObjects as? [String] else { return [] }
        return names.filter { name in
            var isFolder: ObjCBool = false
            return manager.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
                && !isFolder.boolValue
                && !name.split(separator: "/").contains { $0.hasPrefix(".") }
        }
    }

    public enum ExportFailure: Error, Equatable {
        /// These files exist already; nothing was written.
        case exists([String])
        case writeFailed(String)
    }

    /// `congkhai theme export`: writes the default theme into `folder` (normally the site's
    /// `templates/`), all of it or nothing, never replacing a file that is already there.
    public static func export(to folder: URL) -> Result<[String], ExportFailure> {
        let manager = FileManager.default
        let existing = defaultFiles.map(\.path).filter { manager.fileExists(atPath: folder.appendingPathComponent($0).path) }
        guard existing.isEmpty else { return .failure(.exists(existing)) }
        do {
            for file in defaultFiles {
                guard case let .embedded(data) = file.source else { continue }
                let url = folder.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .withoutOverwriting)
            }
        } catch {
            return .failure(.writeFailed(error.localizedDescription))
        }
        return .success(defaultFiles.map(\.path))
    }
}
