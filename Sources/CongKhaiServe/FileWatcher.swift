import CongKhaiLoad
import CongKhaiModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices edited, added and removed files under `content/` and `templates/` by comparing
/// modification times. On Linux the comparison runs when inotify reports a change
/// (`ChangeNotifier`); elsewhere, or when inotify is refused, it polls, which works the same on
/// every filesystem an editor may use and costs a few milliseconds per 10,000 files.
struct FileWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

    let siteFolder: URL
    /// Below `siteFolder`; a province's serve watches its shared and commune folders.
    var folders = ["content", "templates"]

    /// Every regular file's stamp, keyed by its path relative to the site folder.
    func snapshot() -> [String: Stamp] {
        var found: [String] = []
        return snapshot(folders: &found)
    }

    /// Also collects every folder walked (absolute paths), for `ChangeNotifier` to watch.
    func snapshot(folders found: inout [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            let path = siteFolder.appendingPathComponent(folder).path
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { found.append(path) }
            walk(path, relative: folder, into: &stamps, folders: &found, depth: 0)
        }
        return stamps
    }

    /// `previous` with the files below `changed` (absolute folders, as inotify named them)
    /// compared again: their old stamps dropped, the folders walked again; also collects the
    /// folders walked. nil when a folder is not below one of `folders` (the site's own folder,
    /// where a province's `tinh.yaml` lies): then everything is compared.
    func rescan(_ changed: Set<String>, previous: [String: Stamp], folders found: inout [String]) -> [String: Stamp]? {
        let base = siteFolder.path + "/"
        var relatives: [String] = []
        for folder in changed {
            guard folder.hasPrefix(base) else { return nil }
            let relative = String(folder.dropFirst(base.count))
            guard let top = relative.split(separator: "/").first, folders.contains(String(top)) else { return nil }
            relatives.append(relative)
        }
        // A folder below another one named is walked with it.
        let outermost = relatives.sorted().reduce(into: [String]()) { kept, relative in
            if let last = kept.last, relative == last || relative.hasPrefix(last + "/") { return }
            kept.append(relative)
        }
        var stamps = previous
        for relative in outermost {
            let prefix = relative.nfc + "/"
            for key in stamps.keys where key.hasPrefix(prefix) { stamps[key] = nil }
            let path = base + relative
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            found.append(path)
            walk(path, relative: relative, into: &stamps, folders: &found, depth: relative.split(separator: "/").count - 1)
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

    private func walk(_ path: String, relative: String, into stamps: inout [String: Stamp], folders: inout [String], depth: Int) {
        guard depth < 32 else { return }
        for name in DirectoryNames.of(path) {
            // Editors' swap and lock files come and go while typing; they are not content.
            if name.hasPrefix(".") || name.hasPrefix("~") || name.hasSuffix("~") { continue }
            let full = path + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else { continue }
            let child = relative + "/" + name
            if (info.st_mode & S_IFMT) == S_IFDIR {
                folders.append(full)
                walk(full, relative: child, into: &stamps, folders: &folders, depth: depth + 1)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                stamps[child.nfc] = Stamp(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int(info.st_size))
            }
        }
    }
}
