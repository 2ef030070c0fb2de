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

    /// Where `build` keeps the previous edition of `output` to make the next one in (`StagedFiles`).
    public static func keptEdition(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)\(keptSuffix)")
    }

    static let keptSuffix = ".ban-truoc"

    /// The staging folder for a build of `output`: its kept edition when that may be used
    /// (then `write` updates it in place and keeps the old site there after the swap), else a
    /// fresh folder named after this process.
    public static func claimStaging(for output: URL) -> URL { StagedFiles.claim(for: output) }

    /// Whether `staging` is `output`'s kept edition, which is updated in place and never removed.
    public static func isKeptEdition(_ staging: URL, of output: URL) -> Bool {
        staging.standardizedFileURL.path == keptEdition(for: output).standardizedFileURL.path
    }

    /// nil when the new site is in place; otherwise why not (and the old output is untouched).
    /// `spooled`: the staging folder already holds the files the build wrote while rendering
    /// (`BuildOptions.spoolFolder`); they are kept, not copied again.
    /// `source` is the site folder, which the output must never replace.
    /// `staging`: from `claimStaging`; by default a fresh folder named after this process.
    public static func write(_ files: [OutputFile], to output: URL, force: Bool, spooled: Bool = false, source: URL? = nil,
                             staging: URL? = nil) -> Failure? {
        var snapshot: OutputSnapshot?
        return write(files, to: output, force: force, spooled: spooled, source: source, staging: staging, snapshot: &snapshot)
    }

    /// `write`, and when it succeeds, the new output as the writer left it for the build record
    /// (`UnchangedBuild.record`); nil when the writer cannot tell it whole (the record walks then).
    public static func writeForRecord(_ files: [OutputFile], to output: URL, force: Bool, spooled: Bool = false, source: URL? = nil,
                                      staging: URL? = nil) -> (failure: Failure?, snapshot: OutputSnapshot?) {
        var snapshot: OutputSnapshot?
        let failure = write(files, to: output, force: force, spooled: spooled, source: source, staging: staging, snapshot: &snapshot)
        return (failure, failure == nil ? snapshot : nil)
    }

    private static func write(_ files: [OutputFile], to output: URL, force: Bool, spooled: Bool, source: URL?,
                              staging: URL?, snapshot: inout OutputSnapshot?) -> Failure? {
        let manager = FileManager.default
        let staging = staging ?? stagingFolder(for: output)
        let inPlace = isKeptEdition(staging, of: output)
        defer { if inPlace { StagedFiles.release(staging) } }
        func discardStaging() { if !inPlace { try? manager.removeItem(at: staging) } }
        if let source, let overlap = overlap(of: output, with: source) {
            discardStaging()
            return .overlapsSource(overlap)
        }
        if !force {
            switch ownership(of: output) {
            case .ours: break
            case let .foreign(stranger):
                discardStaging()
                return .notCongKhaiOutput(stranger)
            case .unrecognisedMarker:
                discardStaging()
                return .unrecognisedMarker
            }
        }
        let retired = retiredFolder(for: output)
        var expected: Set<String> = []
        do {
            if !spooled { discardStaging() }
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            if inPlace { expected = try update(staging, to: files, published: output) } else { try fill(staging, with: files, published: output) }
        } catch {
            discardStaging()
            return .writeFailed(error.localizedDescription)
        }
        // The kept edition is private (0700) while it is not the site: a web root holding the
        // output's parent folder would otherwise serve a second copy of the site.
        var published = stat()
        if inPlace { chmod(staging.path, lstat(output.path, &published) == 0 ? published.st_mode & 0o7777 : 0o755) }
        do {
            let method = try OutputSwap.replace(output, with: staging, retiredAt: retired, keepingOld: inPlace)
            if inPlace, method != .created { chmod(staging.path, 0o700) }
            // The folders swapped names: the new edition is the output, the old one kept.
            if inPlace, let ledger = StagedFiles.ledger(for: staging) {
                ledger.save(newEdition: output.path, oldEdition: method == .created ? nil : staging.path, expected: expected, for: output)
                snapshot = OutputSnapshot.make(root: output.path, files: expected, learnt: ledger.learntFiles)
            }
        } catch {
            if inPlace { chmod(staging.path, 0o700) }
            discardStaging()
            return .writeFailed(error.localizedDescription)
        }
        return nil
    }

    /// A fresh staging folder: every file written.
    private static func fill(_ staging: URL, with files: [OutputFile], published output: URL) throws {
        let manager = FileManager.default
        var folders = Set<String>()
        let root = staging.path
        for file in files {
            if case let .copy(source) = file.body, isSpooled(source, at: root + "/" + file.path) { continue }
            let target = root + "/" + file.path
            let folder = String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
            if folders.insert(folder).inserted { try makeFolder(folder) }
            switch file.body {
            case let .bytes(data): try writeBytes(data, to: target)
            case let .copy(source): try manager.copyItem(atPath: source.path, toPath: target)
            }
        }
        try Data(marker(for: files).utf8).write(to: staging.appendingPathComponent(markerName))
        for name in keptNames where manager.fileExists(atPath: output.appendingPathComponent(name).path) {
            try manager.copyItem(at: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
    }

    /// The kept edition brought up to `files`: unchanged files left alone, removed ones deleted.
    /// Returns the paths of the new edition.
    private static func update(_ staging: URL, to files: [OutputFile], published output: URL) throws -> Set<String> {
        var info = stat()
        let root = staging.path, live: String? = lstat(output.path, &info) == 0 ? output.path : nil
        let ledger = StagedFiles.ledger(for: staging)
        var expected = Set<String>(minimumCapacity: files.count + 2)
        for file in files {
            expected.insert(file.path)
            switch file.body {
            case let .bytes(data): try StagedFiles.store(data, at: file.path, staging: root, published: live, ledger: ledger)
            case let .copy(source) where isSpooled(source, at: root + "/" + file.path): continue
            case let .copy(source): try StagedFiles.storeCopy(of: source.path, at: file.path, staging: root, published: live)
            }
        }
        try StagedFiles.store(Data(marker(for: files).utf8), at: markerName, staging: root, published: live, ledger: ledger)
        expected.insert(markerName)
        for name in keptNames {
            guard let live, FileManager.default.fileExists(atPath: live + "/" + name) else { continue }
            try StagedFiles.storeCopy(of: live + "/" + name, at: name, staging: root, published: live)
            expected.insert(name)
        }
        // A kept edition this build made holds only what it wrote: when every file it wrote is
        // one of the new edition's, there is nothing stale to look for.
        if !(StagedFiles.isFresh(staging) && ledger?.learntOnly(expected) == true) {
            StagedFiles.removeStale(in: root, keeping: expected)
        }
        return expected
    }

    /// Whether `source` is the file at `target` itself (a page the rendering threads
    /// already wrote there): compared as text first, the common case, which is cheap.
    static func isSpooled(_ source: URL, at target: String) -> Bool {
        source.path == target || source.standardizedFileURL.path == URL(fileURLWithPath: target, isDirectory: false).standardizedFileURL.path
    }

    /// The marker lists what was written, so a file added later by hand is noticed before it is deleted.
    static func marker(for files: [OutputFile]) -> String {
        markerText + files.map { $0.path + "\n" }.sorted().joined()
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
    /// `root`: a folder this never creates (the staging folder, made before rendering): when it
    /// is missing, Ctrl+C's cleanup has just removed it, and a rendering thread still writing
    /// must not make it again behind the cleanup's back.
    static func makeFolder(_ path: String, within root: String? = nil) throws {
        guard !stopping.load(ordering: .acquiring) else { throw WriteError(path: path, reason: "dừng theo yêu cầu") }
        if path == root {
            var info = stat()
            guard lstat(path, &info) == 0 else { throw WriteError(path: path, reason: "thư mục dựng tạm không còn") }
            return
        }
        // Rendering threads make folders side by side: a parent another thread made first is fine.
        guard mkdir(path, 0o755) != 0, errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        try makeFolder(String(path[..<slash]), within: root)
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Plain open/write/close: Foundation's Data.write syncs every file to disk, which made
    /// writing 10,000 pages slower than rendering them. The swap at the end is what must be
    /// atomic, not each file.
    /// `exclusive`: the name was just freed, and a file appearing there meanwhile is not written through.
    static func writeBytes(_ data: Data, to path: String, exclusive: Bool = false) throws {
        guard !stopping.load(ordering: .acquiring) else { throw WriteError(path: path, reason: "dừng theo yêu cầu") }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL | O_NOFOLLOW : O_TRUNC), 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    /// `data` as a new file at `path`; false when the name is taken (nothing written then).
    /// A failure to write what was created is thrown.
    /// `info`: the new file's stat once written.
    static func createBytes(_ data: Data, at path: String, info: inout stat) throws -> Bool {
        guard !stopping.load(ordering: .acquiring) else { throw WriteError(path: path, reason: "dừng theo yêu cầu") }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
        if fstat(descriptor, &info) != 0 { info = stat() }
        return true
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
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
        // The last build's record of this folder tells its names without a walk while none of
        // its folders moved since (a name made, removed or renamed moves its folder's times).
        if let record = BuildRecord.load(for: output),
           let files = TreeSnapshot.filesWithUnmovedFolders(output.path, record.output, racyFrom: record.outputStamp - UnchangedBuild.racyWindow) {
            return files.lazy.map { String(decoding: $0, as: UTF8.self) }
                .filter { $0 != markerName && !keptNames.contains($0) && !listed.contains($0) }.min().map(Ownership.foreign) ?? .ours
        }
        return firstStranger(in: output.path, listed: listed).map(Ownership.foreign) ?? .ours
    }

    /// The first (in path order) entry under `root` that is not a folder, not a link to one and
    /// not `listed` (nor the marker, nor a kept name at the top). A readdir walk: the file type
    /// comes with each name, so only links (and file systems that give no type) cost a stat.
    /// Links are not descended into.
    static func firstStranger(in root: String, listed: Set<String>) -> String? {
        var strangers: [String] = []
        FolderListing.walk(root) { path, entry, parent in
            switch entry.type {
            case Int32(DT_DIR): return true
            case Int32(DT_LNK):
                // A link to a folder counts as a folder, as it always did; it is not followed.
                var info = stat()
                if fstatat(parent, entry.name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return false }
            default: break
            }
            if path != markerName, !keptNames.contains(path), !listed.contains(path) { strangers.append(path) }
            return false
        }
        return strangers.min()
    }

    /// The paths a marker written by CongKhai lists, or nil when the marker is not one.
    public static func listedFiles(inMarker marker: URL) -> Set<String>? {
        guard let bytes = markerBytes(marker) else { return nil }
        var paths = Set<String>()
        guard forEachListed(bytes, { paths.insert(String(decoding: $0, as: UTF8.self)) }) else { return nil }
        return paths
    }

    /// Whether `marker` is one CongKhai wrote, without collecting what it lists.
    static func isMarker(_ marker: URL) -> Bool {
        markerBytes(marker).map { forEachListed($0) { _ in } } ?? false
    }

    private static func markerBytes(_ marker: URL) -> [UInt8]? {
        var info = stat()
        guard lstat(marker.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let data = FileManager.default.contents(atPath: marker.path) else { return nil }
        return [UInt8](data)
    }

    /// Checks a marker's bytes line by line (byte-wise: a marker lists 20,000 paths at 10,000
    /// procedures): UTF-8 without NUL, `markerText` first, then at least one line, each a
    /// relative path without `..`, each ended by a newline. A CR LF pair is refused, as it
    /// always was (it made one character, so the line did not end there).
    /// `body` is given each path.
    static func forEachListed(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) -> Bool {
        let header = Array(markerText.utf8)
        guard bytes.count > header.count, bytes.starts(with: header), bytes.last == 0x0A, !bytes.contains(0),
              String(validating: bytes, as: UTF8.self) != nil else { return false }
        var start = header.count
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A)!
            let line = bytes[start..<end]
            guard let first = line.first, first != 0x2F, line.last != 0x0D,
                  !line.split(separator: 0x2F).contains(where: { $0.count == 2 && $0.first == 0x2E && $0.last == 0x2E }) else { return false }
            body(line)
            start = end + 1
        }
        return true
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
