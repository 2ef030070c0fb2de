import CongKhaiLoad
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What CongKhai knows of each file of its two editions (the output and the kept edition it
/// makes the next one in, `StagedFiles`): the file's identity (inode, size, times) and a hash
/// of its bytes. A file whose identity is the one recorded still holds the recorded bytes, so
/// when the new page hashes the same it is kept without reading the old one (at 10,000
/// procedures a rebuild otherwise reads 157 MB back to compare it).
///
/// Kept beside the output (`.public.ban-ghi-tep`, mode 0600), one list per edition folder,
/// named by the folder's device and inode: the swap exchanges the folders' names, not their
/// inodes. Anything unknown or different (no list, another inode, a time moved, a damaged
/// file) means the old bytes are read and compared, as without it. Like git's index, a file
/// changed within the file system's clock tick before the list was saved could keep its
/// times: such entries are left out of the list when it is saved (`racyWindow`).
struct EditionManifest: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var size: Int64
        var inode: UInt64
        var modified: Int64
        var changed: Int64
        var hash: UInt64

        init(size: Int64, inode: UInt64, modified: Int64, changed: Int64, hash: UInt64) {
            self.size = size
            self.inode = inode
            self.modified = modified
            self.changed = changed
            self.hash = hash
        }

        init(_ info: stat, hash: UInt64) {
            self.init(size: Int64(info.st_size), inode: UInt64(info.st_ino),
                      modified: Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec),
                      changed: Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec), hash: hash)
        }

        /// Whether the regular file `info` describes is this one, untouched since it was recorded.
        func describes(_ info: stat) -> Bool {
            (info.st_mode & S_IFMT) == S_IFREG && Entry(info, hash: hash) == self
        }

        /// Changed so close to `stamp` that a later change may have kept the same times.
        func isRacy(before stamp: Int64) -> Bool {
            let latest = max(modified, changed)
            // Times with sub-millisecond digits come from a file system that keeps nanoseconds,
            // whose clock ticks at most every 10 ms (Linux's slowest HZ); others may tick every 2 s.
            let window: Int64 = latest % 1_000_000 != 0 ? 100_000_000 : 2_000_000_000
            return latest >= stamp - window
        }
    }

    /// The edition folder this list describes.
    var device: UInt64
    var inode: UInt64
    /// By path relative to the folder.
    var entries: [String: Entry]

    static let suffix = ".ban-ghi-tep"
    private static let magic = Array("CONGKHAI-BAN-GHI-TEP-1\n".utf8)
    private static let sizeLimit = 1 << 30

    /// `.public.ban-ghi-tep` beside `public/`.
    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)\(suffix)")
    }

    /// The device and inode of the folder at `path` (links not followed).
    static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    /// The lists kept for `output`'s editions; empty when there are none or the file is not whole.
    static func load(for output: URL) -> [EditionManifest] {
        let path = location(for: output).path
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0, info.st_size <= sizeLimit else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return [] }
            offset += count
        }
        return decode(bytes) ?? []
    }

    /// Saved under a temporary name and renamed; entries too recent to trust are left out.
    static func save(_ manifests: [EditionManifest], for output: URL) {
        let stamp = UnchangedBuild.now()
        let trusted = manifests.map { manifest in
            var manifest = manifest
            manifest.entries = manifest.entries.filter { !$0.value.isRacy(before: stamp) }
            return manifest
        }
        PrivateFile.replace(location(for: output).path, with: encode(trusted))
    }

    static func forget(_ output: URL) {
        unlink(location(for: output).path)
    }

    static func encode(_ manifests: [EditionManifest]) -> [UInt8] {
        var out = ByteWriter()
        out.bytes.append(contentsOf: magic)
        out.integer(UInt64(manifests.count))
        for manifest in manifests {
            out.integer(manifest.device)
            out.integer(manifest.inode)
            out.integer(UInt64(manifest.entries.count))
            for (path, entry) in manifest.entries {
                out.text(path)
                out.integer(UInt64(bitPattern: entry.size))
                out.integer(entry.inode)
                out.integer(UInt64(bitPattern: entry.modified))
                out.integer(UInt64(bitPattern: entry.changed))
                out.integer(entry.hash)
            }
        }
        out.integer(XXHash64.hash(out.bytes))
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) -> [EditionManifest]? {
        guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return nil }
        let body = bytes.count - 8
        let trailer = bytes[body...].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard bytes.withUnsafeBytes({ XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[..<body])) }) == trailer else { return nil }
        var reader = ByteReader(bytes: bytes, offset: magic.count, end: body)
        guard let count = reader.count(), count <= 2 else { return nil }
        var manifests: [EditionManifest] = []
        for _ in 0..<count {
            guard let device = reader.integer(), let inode = reader.integer(), let entryCount = reader.count() else { return nil }
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(entryCount)
            for _ in 0..<entryCount {
                guard let path = reader.text(), let size = reader.integer(), let fileInode = reader.integer(),
                      let modified = reader.integer(), let changed = reader.integer(), let hash = reader.integer() else { return nil }
                entries[path] = Entry(size: Int64(bitPattern: size), inode: fileInode, modified: Int64(bitPattern: modified),
                                      changed: Int64(bitPattern: changed), hash: hash)
            }
            manifests.append(EditionManifest(device: device, inode: inode, entries: entries))
        }
        guard reader.offset == body else { return nil }
        return manifests
    }
}

/// One build's writing into the kept edition: what the lists say of the files already in it
/// and in the published output, and what this build learns of the files it keeps, links and writes.
final class EditionLedger: Sendable {
    let staged: [String: EditionManifest.Entry]
    let published: [String: EditionManifest.Entry]
    private let learnt = Mutex<[String: Learnt]>([:])
    /// Paths hard-linked from the published output: that inode's times moved in both folders.
    private let linked = Mutex<Set<String>>([])
    /// Folders this build made or found in a fresh edition: `in/` holds thousands of
    /// editions, and asking the file system for it again before each one was a wasted `mkdir`.
    private let folders = Mutex<Set<Substring>>([])

    /// The kept edition's folder, open while the build holds it (`StagedFiles.claim`), or -1:
    /// its files are looked at relative to it rather than by their whole path.
    let folder: Int32

    init(staged: [String: EditionManifest.Entry] = [:], published: [String: EditionManifest.Entry] = [:], folder: Int32 = -1) {
        self.staged = staged
        self.published = published
        self.folder = folder
    }

    /// The lists kept for `output` that describe `staging` and the output as they are now.
    static func load(staging: String, output: URL, folder: Int32 = -1) -> EditionLedger {
        let manifests = EditionManifest.load(for: output)
        func entries(of path: String) -> [String: EditionManifest.Entry] {
            guard let identity = EditionManifest.identity(of: path) else { return [:] }
            return manifests.first { $0.device == identity.device && $0.inode == identity.inode }?.entries ?? [:]
        }
        return EditionLedger(staged: entries(of: staging), published: entries(of: output.path), folder: folder)
    }

    /// What a build knows of a file it stored: the manifest's entry, and the rest of the stat
    /// the build record keeps of each output file (`OutputSnapshot`).
    struct Learnt: Sendable {
        var entry: EditionManifest.Entry
        var mode: UInt32
        var device: UInt64
    }

    /// `info`: the file's stat as this build left it (taken after its last change).
    func learn(_ path: String, _ info: stat, hash: UInt64, linked wasLinked: Bool = false) {
        let known = Learnt(entry: EditionManifest.Entry(info, hash: hash), mode: UInt32(info.st_mode), device: UInt64(info.st_dev))
        learnt.withLock { $0[path] = known }
        if wasLinked { linked.withLock { _ = $0.insert(path) } }
    }

    /// Makes `folder` (with its parents) unless this build already did.
    func ensureFolder(_ folder: Substring) throws {
        guard !folders.withLock({ $0.contains(folder) }) else { return }
        try StagedFiles.ensureFolder(String(folder))
        folders.withLock { _ = $0.insert(folder) }
    }

    /// What this build learnt of each file it stored, by path.
    var learntFiles: [String: Learnt] { learnt.withLock { $0 } }

    /// Whether every file this build stored is one of `paths`.
    func learntOnly(_ paths: Set<String>) -> Bool {
        learnt.withLock { $0.keys.allSatisfy(paths.contains) }
    }

    /// After the swap: `staging` is now the output and the old output the kept edition (or gone).
    /// `expected`: the paths of the new edition (anything else learnt was removed since).
    func save(newEdition: String, oldEdition: String?, expected: Set<String>, for output: URL) {
        var manifests: [EditionManifest] = []
        if let identity = EditionManifest.identity(of: newEdition) {
            let entries = learnt.withLock { $0 }.filter { expected.contains($0.key) }.mapValues(\.entry)
            manifests.append(EditionManifest(device: identity.device, inode: identity.inode, entries: entries))
        }
        if let oldEdition, let identity = EditionManifest.identity(of: oldEdition) {
            var entries = published
            // A link made this build is the same inode in both folders, with its new times.
            let learntNow = learnt.withLock { $0 }
            for path in linked.withLock({ $0 }) { entries[path] = learntNow[path]?.entry }
            manifests.append(EditionManifest(device: identity.device, inode: identity.inode, entries: entries))
        }
        EditionManifest.save(manifests, for: output)
    }
}
