import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The output tree as the writer left it, for the build record (`UnchangedBuild.record`),
/// made from what the writer knows instead of walking the 20,000 folders it just wrote: each
/// file's stat as taken on its descriptor before it was closed (or when it was kept or
/// linked, `EditionLedger`), and the folders the file paths imply, each looked at once after
/// the swap (a folder's times move with every name made in it, so only then are they final).
/// The entries are exactly a `TreeSnapshot.walk` of the output: depth first, names sorted by
/// their bytes, every folder and file with its mode, size, times, inode and device.
///
/// This holds because the kept edition the writer fills is private (0700), locked, and holds
/// nothing but what this build stored once the stale names are removed (`StagedFiles`); a name
/// added to a folder after the swap moves that folder's times past `stamp`, which makes the next
/// check list the folder (`TreeSnapshot.stillMatches`, its racy window).
public struct OutputSnapshot: Sendable {
    /// The output folder's path, as the writer was given it.
    let root: String
    /// Taken after the swap, before the folders were looked at (ns since 1970): the record's
    /// `outputStamp`, as the walk's was.
    let stamp: Int64
    let entries: [TreeEntry]

    /// nil when anything does not look as the writer left it (a folder that is not one, a file
    /// gone): the record then walks the output as it always did.
    /// `files`: every file path of the new edition, relative; `learnt`: their stats as stored.
    static func make(root: String, files: Set<String>, learnt: [String: EditionLedger.Learnt]) -> OutputSnapshot? {
        let stamp = UnchangedBuild.now()
        var folders: Set<String> = []
        for path in files {
            var prefix = Substring(path)
            while let slash = prefix.lastIndex(of: "/") {
                prefix = prefix[..<slash]
                guard folders.insert(String(prefix)).inserted else { break }
            }
        }
        guard folders.isDisjoint(with: files) else { return nil }
        var entries: [TreeEntry] = []
        entries.reserveCapacity(folders.count + files.count + 1)
        // Opened and looked at as the walk does; the rest relative to it, not by whole paths.
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        entries.append(TreeSnapshot.entry(path: [], info))
        for folder in folders {
            guard fstatat(descriptor, folder, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
            entries.append(TreeSnapshot.entry(path: Array(folder.utf8), info))
        }
        for path in files {
            if let known = learnt[path] {
                entries.append(TreeEntry(path: Array(path.utf8), kind: .file, mode: known.mode, size: known.entry.size,
                                         modified: known.entry.modified, changed: known.entry.changed, inode: known.entry.inode,
                                         device: known.device))
            } else {
                // Copied files (attachments, theme files, kept names) are not learnt: looked at here.
                guard fstatat(descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
                entries.append(TreeSnapshot.entry(path: Array(path.utf8), info))
            }
        }
        return OutputSnapshot(root: root, stamp: stamp, entries: inWalkOrder(entries))
    }

    /// `entries` in the order of `TreeSnapshot.walk`: a folder before what it holds, names by
    /// their bytes. That is the byte order of the paths with "/" counted below every byte a name
    /// can hold (a name holds no NUL): `a/z` comes before `a-b`, as `a` does. Their paths are
    /// copied once into one buffer with "/" as NUL and compared there with memcmp: comparing 40,000 arrays, each retained and released per
    /// comparison, was half of making the snapshot.
    static func inWalkOrder(_ entries: [TreeEntry]) -> [TreeEntry] {
        var bytes: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        spans.reserveCapacity(entries.count)
        for entry in entries {
            spans.append((bytes.count, entry.path.count))
            bytes.append(contentsOf: entry.path.lazy.map { $0 == 0x2F ? 0 : $0 })
        }
        let order = bytes.withUnsafeBufferPointer { keys in
            spans.withUnsafeBufferPointer { spans in
                Array(spans.indices).sorted { first, second in
                    let a = spans[first], b = spans[second]
                    let common = min(a.count, b.count)
                    let compared = common == 0 ? 0 : memcmp(keys.baseAddress! + a.start, keys.baseAddress! + b.start, common)
                    return compared != 0 ? compared < 0 : a.count < b.count
                }
            }
        }
        return order.map { entries[$0] }
    }
}
