import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks the output's folders by descriptor (`openat` of each name in its parent), the names
/// with the type readdir gives: at 20,000 page folders, resolving each folder's whole path
/// again was most of a walk's kernel time. Links are never followed into.
enum FolderListing {
    struct Entry {
        var name: String
        /// `DT_DIR`, `DT_REG`, `DT_LNK`, …; `DT_UNKNOWN` only when even a stat could not tell.
        var type: Int32
    }

    /// Calls `visit` for each entry under the folder at `root`, depth first, with its path
    /// relative to `root` and the descriptor of the folder it is in (valid during the call).
    /// `visit` returns whether to descend into a folder.
    static func walk(_ root: String, _ visit: (_ path: String, _ entry: Entry, _ parent: Int32) -> Bool) {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        descend(descriptor, prefix: "", visit)
    }

    /// Lists the folder open at `descriptor`, then visits; closes the descriptor.
    private static func descend(_ descriptor: Int32, prefix: String, _ visit: (String, Entry, Int32) -> Bool) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let item = readdir(directory) {
            let name = withUnsafePointer(to: item.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name == "." || name == ".." { continue }
            var type = Int32(item.pointee.d_type)
            // Only a file system that gives no type with the name costs a stat.
            if type == DT_UNKNOWN {
                var info = stat()
                if fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = Int32(DT_DIR)
                    case S_IFREG: type = Int32(DT_REG)
                    case S_IFLNK: type = Int32(DT_LNK)
                    default: break
                    }
                }
            }
            entries.append(Entry(name: name, type: type))
        }
        for entry in entries {
            let path = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            guard visit(path, entry, descriptor), entry.type == DT_DIR else { continue }
            let child = openat(descriptor, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 { descend(child, prefix: path, visit) }
        }
    }
}
