import CongKhaiLoad
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices edited, added and removed files under `content/` and `templates/` by comparing
/// modification times. Polling works the same on every filesystem an editor may use (USB
/// sticks and network shares included) and costs a few milliseconds per 10,000 files.
struct FileWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

    let siteFolder: URL
    let folders = ["content", "templates"]

    /// Every regular file's stamp, keyed by its path relative to the site folder.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            walk(siteFolder.appendingPathComponent(folder).path, relative: folder, into: &stamps, depth: 0)
        }
        return stamps
    }

    /// Paths whose stamp differs, appeared or disappeared.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    private func walk(_ path: String, relative: String, into stamps: inout [String: Stamp], depth: Int) {
        guard depth < 32 else { return }
        for name in DirectoryNames.of(path) {
            // Editors' swap and lock files come and go while typing; they are not content.
            if name.hasPrefix(".") || name.hasPrefix("~") || name.hasSuffix("~") { continue }
            let full = path + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else { continue }
            let child = relative + "/" + name
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(full, relative: child, into: &stamps, depth: depth + 1)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                stamps[child.precomposedStringWithCanonicalMapping] = Stamp(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int(info.st_size))
            }
        }
    }
}
