import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The names in a folder, straight from readdir: the content walk and `serve`'s watcher look
/// at every file of a large tree, where Foundation's enumerator cost seconds.
public enum DirectoryNames {
    /// Every entry except `.` and `..`, in the order the file system gives; empty when the folder
    /// cannot be opened.
    public static func of(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
