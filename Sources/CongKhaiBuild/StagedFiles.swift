import CongKhaiLoad
import CongKhaiRender
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Brings a staging folder up to date file by file instead of writing it from nothing.
///
/// `build` keeps the previous edition of the site beside the output (`.public.ban-truoc`, the
/// folder the last swap put the old site in) and makes the next edition in it: a file whose
/// bytes are already there is left alone; one equal to the published file becomes a hard link
/// to it; only the rest is written. The published output is never written to: a name in
/// staging is always unlinked before it is written again, so an inode shared with the output
/// is never changed, and a build that fails or is stopped leaves the output as it was. The
/// swap then exchanges the two folders, so unchanged files keep their inode and time, and a
/// rebuild creates almost no inodes (on ext4 creating them was a third of a build's CPU).
enum StagedFiles {
    enum Outcome: Equatable { case kept, linked, written }

    /// `data` as `path` (relative) under `staging`; `published` is the live output folder (nil
    /// when there is none). `fresh`: the staging folder was made empty by this build, so there
    /// is nothing at `path` to compare with or free (a name taken all the same is handled as usual).
    /// `ledger`: what is known of the files already there (a file whose identity and hash are
    /// the recorded ones is not read again), and where what this call leaves is noted.
    @discardableResult
    static func store(_ data: Data, at path: String, staging: String, published: String?, fresh: Bool = false,
                      ledger: EditionLedger? = nil) throws -> Outcome {
        let target = staging + "/" + path
        let hash = ledger == nil ? 0 : data.withUnsafeBytes { XXHash64.hash($0) }
        var info = stat()
        if fresh {
            let folder = target[..<(target.lastIndex(of: "/") ?? target.endIndex)]
            if let ledger { try ledger.ensureFolder(folder) } else { try ensureFolder(String(folder)) }
        } else {
            // Relative to the kept edition's open folder: resolving its whole path again for
            // each of 20,000 pages was most of this stat's cost.
            if let ledger, let known = ledger.staged[path], known.hash == hash, known.size == data.count,
               (ledger.folder >= 0 ? fstatat(ledger.folder, path, &info, AT_SYMLINK_NOFOLLOW) : lstat(target, &info)) == 0,
               known.describes(info) {
                ledger.learn(path, info, hash: hash)
                return .kept
            }
            if sameBytes(target, data, info: &info) {
                ledger?.learn(path, info, hash: hash)
                return .kept
            }
            try prepare(target)
        }
        if let published {
            let source = published + "/" + path
            let trusted = ledger?.published[path].map { known in
                known.hash == hash && known.size == data.count && lstat(source, &info) == 0 && known.describes(info)
            } ?? false
            if trusted || sameBytes(source, data, info: &info), link(source, target) == 0 {
                if let ledger, lstat(target, &info) == 0 { ledger.learn(path, info, hash: hash, linked: true) }
                return .linked
            }
        }
        if fresh, try OutputWriter.createBytes(data, at: target, info: &info) {
            ledger?.learn(path, info, hash: hash)
            return .written
        }
        if fresh { try prepare(target) }
        guard try OutputWriter.createBytes(data, at: target, info: &info) else {
            throw OutputWriter.WriteError(path: target, reason: String(cString: strerror(EEXIST)))
        }
        ledger?.learn(path, info, hash: hash)
        return .written
    }

    /// The file at `source` as `path` under `staging` (attachments, theme files).
    @discardableResult
    static func storeCopy(of source: String, at path: String, staging: String, published: String?) throws -> Outcome {
        let target = staging + "/" + path
        if sameContents(target, source) { return .kept }
        try prepare(target)
        if let published, sameContents(published + "/" + path, source), link(published + "/" + path, target) == 0 { return .linked }
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return .written
    }

    /// Makes the folder of `target` and frees its name: what is there may be a hard link to the
    /// published file, a folder where a file now belongs, or a link planted in the folder.
    static func prepare(_ target: String) throws {
        try ensureFolder(String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)]))
        if unlink(target) != 0, errno == EISDIR || errno == EPERM {
            try FileManager.default.removeItem(atPath: target)
        }
    }

    /// Like `mkdir -p`, but a file or a symbolic link standing where a folder belongs is removed.
    static func ensureFolder(_ path: String) throws {
        guard !OutputWriter.stopping.load(ordering: .acquiring) else { throw OutputWriter.WriteError(path: path, reason: "dừng theo yêu cầu") }
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
            unlink(path)
        case ENOENT:
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { break }
            try ensureFolder(String(path[..<slash]))
        default:
            break
        }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw OutputWriter.WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Whether the regular file at `path` holds exactly `data` (size first, then the bytes).
    /// `info`: the file's stat as it was read.
    static func sameBytes(_ path: String, _ data: Data) -> Bool {
        var info = stat()
        return sameBytes(path, data, info: &info)
    }

    static func sameBytes(_ path: String, _ data: Data, info: inout stat) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        return data.withUnsafeBytes { expected in
            guard let base = expected.baseAddress else { return true }
            var buffer = [UInt8](repeating: 0, count: min(data.count, 1 << 16))
            var offset = 0
            while offset < data.count {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, min($0.count, data.count - offset)) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                guard buffer.withUnsafeBytes({ memcmp($0.baseAddress!, base + offset, count) }) == 0 else { return false }
                offset += count
            }
            return true
        }
    }

    /// Whether two regular files have the same bytes.
    static func sameContents(_ path: String, _ other: String) -> Bool {
        var first = stat(), second = stat()
        guard lstat(path, &first) == 0, stat(other, &second) == 0, (first.st_mode & S_IFMT) == S_IFREG,
              first.st_size == second.st_size else { return false }
        if first.st_dev == second.st_dev, first.st_ino == second.st_ino { return true }
        guard let a = FileManager.default.contents(atPath: path), let b = FileManager.default.contents(atPath: other) else { return false }
        return a == b
    }

    /// Deletes everything under `staging` that is not one of `expected` (relative file paths):
    /// pages removed since that edition, and anything that is neither a file nor a folder.
    static func removeStale(in staging: String, keeping expected: Set<String>) {
        var folders: Set<String> = [""]
        for path in expected {
            var prefix = Substring(path)
            while let slash = prefix.lastIndex(of: "/") {
                prefix = prefix[..<slash]
                guard folders.insert(String(prefix)).inserted else { break }
            }
        }
        FolderListing.walk(staging) { path, entry, parent in
            if entry.type == DT_DIR {
                if folders.contains(path) { return true }
                try? FileManager.default.removeItem(atPath: staging + "/" + path)
            } else if entry.type != DT_REG || !expected.contains(path) {
                unlinkat(parent, entry.name, 0)
            }
            return false
        }
    }


    // MARK: The kept edition

    /// Descriptors of the kept editions this process is using, locked so two builds of one
    /// output never write into the same folder.
    private static let claimed = Mutex<[String: (descriptor: Int32, fresh: Bool, ledger: EditionLedger)]>([:])

    /// The folder to make the next edition of `output` in: the kept edition when it is ours and
    /// no other build holds it, else a fresh staging folder named after this process.
    static func claim(for output: URL) -> URL {
        let kept = OutputWriter.keptEdition(for: output)
        var info = stat()
        var fresh = false
        if lstat(kept.path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { return OutputWriter.stagingFolder(for: output) }
            // A folder of that name that CongKhai did not write (no marker of its own) is not touched.
            let marker = kept.appendingPathComponent(OutputWriter.markerName)
            let empty = (try? FileManager.default.contentsOfDirectory(atPath: kept.path))?.isEmpty ?? false
            guard empty || OutputWriter.isMarker(marker) else { return OutputWriter.stagingFolder(for: output) }
        } else {
            // Marked at once, so an edition stopped before its first swap is still recognised as ours.
            guard mkdir(kept.path, 0o700) == 0,
                  (try? Data((OutputWriter.markerText + "index.html\n").utf8).write(to: kept.appendingPathComponent(OutputWriter.markerName))) != nil
            else { return OutputWriter.stagingFolder(for: output) }
            fresh = true
        }
        let descriptor = open(kept.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return OutputWriter.stagingFolder(for: output) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return OutputWriter.stagingFolder(for: output)
        }
        let ledger = EditionLedger.load(staging: kept.path, output: output, folder: descriptor)
        claimed.withLock { $0[kept.path] = (descriptor, fresh, ledger) }
        return kept
    }

    /// Whether `staging` is a kept edition this build claimed by making it (empty but for its marker).
    static func isFresh(_ staging: URL) -> Bool {
        claimed.withLock { $0[staging.path]?.fresh ?? false }
    }

    /// What is known and learnt of the files of the kept edition `staging` this build claimed.
    static func ledger(for staging: URL) -> EditionLedger? {
        claimed.withLock { $0[staging.path]?.ledger }
    }

    /// Lets another build use the kept edition again.
    static func release(_ staging: URL) {
        if let claim = claimed.withLock({ $0.removeValue(forKey: staging.path) }) { close(claim.descriptor) }
    }
}

extension OutputWriter {
    /// Lets another build use the kept edition claimed by `claimStaging`, when this one ends
    /// without writing (nothing changed since the last build).
    public static func releaseStaging(_ staging: URL) { StagedFiles.release(staging) }
}
