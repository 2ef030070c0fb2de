import CongKhaiLoad
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One entry of a folder tree as the file system describes it: what the build record keeps of
/// each input and output file. Paths are raw bytes (a name need not be UTF-8, and Swift's
/// String comparison would equate two spellings of one Vietnamese letter).
struct TreeEntry: Equatable, Sendable {
    enum Kind: UInt8, Sendable {
        case file = 1, folder, link, other
    }

    /// Relative to the tree's root; empty for the root itself.
    var path: [UInt8]
    var kind: Kind
    var mode: UInt32 = 0
    var size: Int64 = 0
    /// Nanoseconds since 1970. ctime cannot be set back by hand: an edit always moves it.
    var modified: Int64 = 0
    var changed: Int64 = 0
    var inode: UInt64 = 0
    var device: UInt64 = 0
    /// A symbolic link's text (inputs); its other fields describe the file it points to.
    var linkText: [UInt8] = []
    /// xxHash64 of a file's bytes (inputs only; 0 until hashed).
    var contentHash: UInt64 = 0

    /// Everything but the hash equal: the file was not touched since.
    func sameStat(_ other: TreeEntry) -> Bool {
        path == other.path && kind == other.kind && mode == other.mode && size == other.size && modified == other.modified
            && changed == other.changed && inode == other.inode && device == other.device && linkText == other.linkText
    }
}

/// Walks a folder tree with `openat`/`fstatat` (no path is resolved twice) in a canonical
/// order: depth first, the names of each folder sorted by their bytes.
enum TreeSnapshot {
    struct Options {
        /// Leave out names starting with "." (the content walk and the theme never read them).
        var skipHidden = false
        /// Follow symbolic links to files (inputs: the build reads through them); a link to a
        /// folder makes the tree unusable for the record (`Walk.followsFolderLink`).
        var followLinks = false
    }

    struct Walk {
        var entries: [TreeEntry] = []
        /// A link to a folder: what is behind it is not walked, so the tree cannot be vouched for.
        var followsFolderLink = false
    }

    /// nil when `root` is not a folder that can be opened.
    static func walk(_ root: String, options: Options = .init()) -> Walk? {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return nil
        }
        var walk = Walk()
        walk.entries.append(entry(path: [], info))
        descend(descriptor, prefix: [], options: options, into: &walk)
        return walk
    }

    /// Walks the folder open at `descriptor` (and closes it).
    private static func descend(_ descriptor: Int32, prefix: [UInt8], options: Options, into walk: inout Walk) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            if options.skipHidden, name.first == 0x2E { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        for name in names {
            let path = prefix.isEmpty ? name : prefix + [0x2F] + name
            var info = stat()
            let statted = withCString(name) { fstatat(descriptor, $0, &info, AT_SYMLINK_NOFOLLOW) }
            guard statted == 0 else {
                walk.entries.append(TreeEntry(path: path, kind: .other))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk.entries.append(entry(path: path, info))
                let child = withCString(name) { openat(descriptor, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
                if child >= 0 { descend(child, prefix: path, options: options, into: &walk) }
            case S_IFLNK where options.followLinks:
                var link = TreeEntry(path: path, kind: .link)
                link.linkText = withCString(name) { readLink(descriptor, $0) }
                var target = stat()
                if withCString(name, { fstatat(descriptor, $0, &target, 0) }) == 0 {
                    switch target.st_mode & S_IFMT {
                    case S_IFDIR: walk.followsFolderLink = true
                    case S_IFREG:
                        let described = entry(path: path, target)
                        link.mode = described.mode
                        link.size = described.size
                        link.modified = described.modified
                        link.changed = described.changed
                        link.inode = described.inode
                        link.device = described.device
                    default: break
                    }
                }
                walk.entries.append(link)
            default:
                walk.entries.append(entry(path: path, info))
            }
        }
    }

    /// Whether the tree at `root` is still exactly `recorded` (a `walk` of it), at a third of
    /// the walk's system calls: each entry is looked at by its path, and a folder's names are
    /// read only when its times are at or after `racyFrom`. A folder's times move with every
    /// name made, removed or renamed in it, except within one tick of the file system's clock,
    /// so a folder changed that close to the record is listed as well.
    static func stillMatches(_ root: String, _ recorded: [TreeEntry], racyFrom: Int64) -> Bool {
        guard let first = recorded.first, first.path.isEmpty, first.kind == .folder else { return false }
        let rootBytes = Array(root.utf8)
        var listings: [[UInt8]: [[UInt8]]]?
        for expected in recorded {
            let full = expected.path.isEmpty ? rootBytes : rootBytes + [0x2F] + expected.path
            var info = stat()
            guard withCString(full, { lstat($0, &info) }) == 0, entry(path: expected.path, info) == expected else { return false }
            guard expected.kind == .folder, max(expected.modified, expected.changed) >= racyFrom else { continue }
            if listings == nil { listings = children(recorded) }
            guard names(in: full) == listings?[expected.path] ?? [] else { return false }
        }
        return true
    }

    /// The paths of the files under `root` when it still has exactly the names `recorded` (a
    /// walk of it) lists: each folder is looked at once, relative to `root`, and must be the
    /// recorded one with the recorded times (its ctime moves with any name made, removed or
    /// renamed in it, and cannot be set back); a folder changed at or after `racyFrom` is listed
    /// as well. Files' own stats are not looked at: only names count. nil when anything differs,
    /// or the record holds entries other than files and folders (a link may be to a folder).
    static func filesWithUnmovedFolders(_ root: String, _ recorded: [TreeEntry], racyFrom: Int64) -> [[UInt8]]? {
        guard let first = recorded.first, first.path.isEmpty, first.kind == .folder else { return nil }
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let rootBytes = Array(root.utf8)
        var files: [[UInt8]] = []
        var listings: [[UInt8]: [[UInt8]]]?
        for expected in recorded {
            switch expected.kind {
            case .file:
                files.append(expected.path)
                continue
            case .folder: break
            case .link, .other: return nil
            }
            var info = stat()
            let statted = expected.path.isEmpty ? fstat(descriptor, &info) : withCString(expected.path) { fstatat(descriptor, $0, &info, AT_SYMLINK_NOFOLLOW) }
            guard statted == 0, entry(path: expected.path, info) == expected else { return nil }
            guard max(expected.modified, expected.changed) >= racyFrom else { continue }
            if listings == nil { listings = children(recorded) }
            guard names(in: expected.path.isEmpty ? rootBytes : rootBytes + [0x2F] + expected.path) == listings?[expected.path] ?? [] else { return nil }
        }
        return files
    }

    /// Each folder's names in `entries`, in their (sorted) order.
    private static func children(_ entries: [TreeEntry]) -> [[UInt8]: [[UInt8]]] {
        var listing: [[UInt8]: [[UInt8]]] = [:]
        for entry in entries where !entry.path.isEmpty {
            let slash = entry.path.lastIndex(of: 0x2F)
            let parent = slash.map { Array(entry.path[..<$0]) } ?? []
            let name = slash.map { Array(entry.path[($0 + 1)...]) } ?? entry.path
            listing[parent, default: []].append(name)
        }
        return listing
    }

    /// The names in a folder, sorted by their bytes.
    private static func names(in folder: [UInt8]) -> [[UInt8]] {
        guard let directory = withCString(folder, { opendir($0) }) else { return [] }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [0x2E], name != [0x2E, 0x2E] { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static func entry(path: [UInt8], _ info: stat) -> TreeEntry {
        let kind: TreeEntry.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        return TreeEntry(path: path, kind: kind, mode: UInt32(info.st_mode), size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec),
                         changed: Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec),
                         inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
    }

    private static func withCString<T>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (name + [0]).withUnsafeBufferPointer { body(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
    }

    private static func readLink(_ descriptor: Int32, _ name: UnsafePointer<CChar>) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { readlinkat(descriptor, name, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
        return count > 0 ? Array(buffer[..<count]) : []
    }

    /// xxHash64 of the regular file at `path`, and its stat as read (nil when it cannot be
    /// read, or changed while it was: its size moved under the read).
    static func hashFile(_ path: String) -> (hash: UInt64, size: Int64)? {
        // O_NONBLOCK: a file swapped for a FIFO after it was looked at must not hang the build.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size >= 0 else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, size - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            offset += count
        }
        // One byte more than the size said: the file grew while it was read.
        var extra: UInt8 = 0
        guard read(descriptor, &extra, 1) == 0 else { return nil }
        return (XXHash64.hash(bytes), Int64(size))
    }
}
