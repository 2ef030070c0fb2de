import CongKhaiModel
import CongKhaiRender
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a staging folder beside the output and swaps it in only when
/// every file was written, so a failed build never leaves a half-written site.
public enum OutputWriter {
    /// Marks a folder as written by CongKhai, so it may be replaced without asking.
    public static let markerName = ".congkhai"
    static let markerText = "Thư mục này do CongKhai tạo ra; mỗi lần dựng trang, toàn bộ nội dung sẽ được thay mới.\n"
    /// Files an output folder may have that CongKhai did not write, kept across builds.
    public static let keptNames: Set<String> = [".gitkeep"]

    public enum Failure: Error, Equatable {
        case notCongKhaiOutput(String)
        /// The folder has a `.congkhai` marker CongKhai did not write (empty, a folder, another
        /// encoding, no file list): it vouches for nothing.
        case unrecognisedMarker
        /// The output is the site folder, holds it, or lies inside its content/ or templates/:
        /// replacing it would delete the editor's own files, so not even `--force` allows it.
        case overlapsSource(String)
        case writeFailed(String)
    }

    /// The folder a build of `output` is assembled in before the swap (beside it, so the swap is a rename).
    public static func stagingFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)\(stagingInfix)\(getpid())")
    }

    /// Where the previous output waits while the new one is swapped in (only on filesystems
    /// without an atomic exchange).
    static func retiredFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)\(retiredInfix)\(getpid())")
    }

    static let stagingInfix = ".dang-dung-"
    static let retiredInfix = ".cu-"

    /// nil when the new site is in place; otherwise why not (and the old output is untouched).
    /// `spooled`: the staging folder already holds the files the build wrote while rendering
    /// (`BuildOptions.spoolFolder`); they are kept, not copied again.
    /// `source` is the site folder, which the output must never replace.
    public static func write(_ files: [OutputFile], to output: URL, force: Bool, spooled: Bool = false, source: URL? = nil) -> Failure? {
        let manager = FileManager.default
        let staging = stagingFolder(for: output)
        if let source, let overlap = overlap(of: output, with: source) {
            try? manager.removeItem(at: staging)
            return .overlapsSource(overlap)
        }
        if !force {
            switch ownership(of: output) {
            case .ours: break
            case let .foreign(stranger):
                try? manager.removeItem(at: staging)
                return .notCongKhaiOutput(stranger)
            case .unrecognisedMarker:
                try? manager.removeItem(at: staging)
                return .unrecognisedMarker
            }
        }
        let retired = retiredFolder(for: output)
        do {
            if !spooled { try? manager.removeItem(at: staging) }
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders = Set<String>()
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                let folder = target.deletingLastPathComponent().path
                if folders.insert(folder).inserted { try makeFolder(folder) }
                switch file.body {
                case let .bytes(data): try writeBytes(data, to: target.path)
                case let .copy(source) where source.standardizedFileURL.path == target.standardizedFileURL.path: continue
                case let .copy(source): try manager.copyItem(at: source, to: target)
                }
            }
            // The marker lists what was written, so a file added later by hand is noticed before it is deleted.
            let manifest = files.map { $0.path + "\n" }.sorted().joined()
            try Data((markerText + manifest).utf8).write(to: staging.appendingPathComponent(markerName))
            for name in keptNames where manager.fileExists(atPath: output.appendingPathComponent(name).path) {
                try manager.copyItem(at: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
        } catch {
            try? manager.removeItem(at: staging)
            return .writeFailed(error.localizedDescription)
        }
        do {
            try OutputSwap.replace(output, with: staging, retiredAt: retired)
        } catch {
            try? manager.removeItem(at: staging)
            return .writeFailed(error.localizedDescription)
        }
        return nil
    }

    /// Set when the build is being stopped (Ctrl+C): rendering threads still running must not
    /// create the staging folder again while it is being removed.
    static let stopping = Atomic<Bool>(false)

    struct WriteError: LocalizedError {
        var path: String
        var reason: String
        var errorDescription: String? { "\(path): \(reason)" }
    }

    /// Usually the parent exists already: one mkdir instead of Foundation's walk up the path.
    static func makeFolder(_ path: String) throws {
        guard !stopping.load(ordering: .acquiring) else { throw WriteError(path: path, reason: "dừng theo yêu cầu") }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    /// Plain open/write/close: Foundation's Data.write syncs every file to disk, which made
    /// writing 10,000 pages slower than rendering them. The swap at the end is what must be
    /// atomic, not each file.
    static func writeBytes(_ data: Data, to path: String) throws {
        guard !stopping.load(ordering: .acquiring) else { throw WriteError(path: path, reason: "dừng theo yêu cầu") }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    enum Ownership: Equatable {
        case ours
        case foreign(String)
        case unrecognisedMarker
    }

    /// Whether `output` may be replaced without `--force`: absent, empty, or holding only what a
    /// well-formed marker lists. A marker is a regular UTF-8 file that starts with `markerText`
    /// and lists at least one relative path; anything else vouches for nothing, so a stray or
    /// hand-made `.congkhai` cannot get the user's files deleted.
    static func ownership(of output: URL) -> Ownership {
        let manager = FileManager.default
        var info = stat()
        guard lstat(output.path, &info) == 0 else { return .ours }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .foreign(output.lastPathComponent) }
        guard let names = try? manager.contentsOfDirectory(atPath: output.path) else { return .foreign(output.lastPathComponent) }
        guard names.contains(markerName) else {
            return names.sorted().first { !keptNames.contains($0) }.map(Ownership.foreign) ?? .ours
        }
        guard let listed = listedFiles(inMarker: output.appendingPathComponent(markerName)) else { return .unrecognisedMarker }
        let present = (manager.enumerator(atPath: output.path)?.allObjects as? [String] ?? []).sorted()
        let stranger = present.first { path in
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: output.appendingPathComponent(path).path, isDirectory: &isFolder)
            return !isFolder.boolValue && path != markerName && !keptNames.contains(path) && !listed.contains(path)
        }
        return stranger.map(Ownership.foreign) ?? .ours
    }

    /// The paths a marker written by CongKhai lists, or nil when the marker is not one.
    public static func listedFiles(inMarker marker: URL) -> Set<String>? {
        var info = stat()
        guard lstat(marker.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let data = FileManager.default.contents(atPath: marker.path),
              let text = String(validating: data, as: UTF8.self),
              text.hasPrefix(markerText), !text.contains("\0") else { return nil }
        let lines = text.dropFirst(markerText.count).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.last == "" else { return nil }
        let paths = lines.dropLast()
        guard !paths.isEmpty, paths.allSatisfy({ line in
            !line.isEmpty && !line.hasPrefix("/") && !line.split(separator: "/").contains("..")
        }) else { return nil }
        return Set(paths.map(String.init))
    }

    /// Why `output` may not replace anything of the site at `source`, or nil when it is apart.
    static func overlap(of output: URL, with source: URL) -> String? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let site = source.standardizedFileURL.resolvingSymlinksInPath().path
        func within(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/") }
        if within(site, out) { return out }
        for protected in ["content", "templates"] where within(out, site + "/" + protected) {
            return out
        }
        return nil
    }
}
