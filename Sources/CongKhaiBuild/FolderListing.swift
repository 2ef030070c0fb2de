import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks the output's folders by descriptor (`openat` of each name in its parent), the names
/// with the type the kernel gives: at 20,000 page folders, resolving each folder's whole path
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
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
        defer { buffer.deallocate() }
        descend(descriptor, prefix: "", buffer: buffer, visit)
    }

    private static let bufferSize = 1 << 16

    private typealias GetDents = @convention(c) (Int32, UnsafeMutableRawPointer?, Int) -> Int
    /// glibc's `getdents64` (2.30 and later), looked up at run time as Swift's Glibc module
    /// does not declare it: `readdir` through `fdopendir` costs three more system calls per
    /// folder (a stat and two fcntl), 60,000 per walk of a 10,000-procedure output.
    private static let getdents: GetDents? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "getdents64")
        .map { unsafeBitCast($0, to: GetDents.self) }

    /// Lists the folder open at `descriptor`, then visits; closes the descriptor.
    private static func descend(_ descriptor: Int32, prefix: String, buffer: UnsafeMutableRawPointer,
                                _ visit: (String, Entry, Int32) -> Bool) {
        defer { close(descriptor) }
        guard let entries = list(descriptor, buffer: buffer) else { return }
        for entry in entries {
            let path = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            guard visit(path, entry, descriptor), entry.type == DT_DIR else { continue }
            let child = openat(descriptor, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 { descend(child, prefix: path, buffer: buffer, visit) }
        }
    }

    /// The names in the folder open at `descriptor` (not `.` and `..`), in the kernel's order.
    private static func list(_ descriptor: Int32, buffer: UnsafeMutableRawPointer) -> [Entry]? {
        guard let getdents else { return listWithReaddir(descriptor) }
        var entries: [Entry] = []
        while true {
            let count = getdents(descriptor, buffer, bufferSize)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? entries : nil }
            var offset = 0
            while offset < count {
                // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
                let record = buffer + offset
                let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                guard length > 0 else { return nil }
                let type = Int32(record.load(fromByteOffset: 18, as: UInt8.self))
                let name = String(cString: (record + 19).assumingMemoryBound(to: CChar.self))
                offset += length
                if name == "." || name == ".." { continue }
                entries.append(Entry(name: name, type: type == DT_UNKNOWN ? statType(descriptor, name) : type))
            }
        }
    }

    /// Only a file system that gives no type with the name costs a stat.
    private static func statType(_ descriptor: Int32, _ name: String) -> Int32 {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return Int32(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        case S_IFLNK: return Int32(DT_LNK)
        default: return Int32(DT_UNKNOWN)
        }
    }

    /// Without `getdents64`: the C library's readdir on a duplicate of the descriptor (closedir
    /// closes what it was given, and the caller still needs the folder open).
    private static func listWithReaddir(_ descriptor: Int32) -> [Entry]? {
        let copy = dup(descriptor)
        guard copy >= 0 else { return nil }
        guard let directory = fdopendir(copy) else {
            close(copy)
            return nil
        }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let item = readdir(directory) {
            let name = withUnsafePointer(to: item.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name == "." || name == ".." { continue }
            let type = Int32(item.pointee.d_type)
            entries.append(Entry(name: name, type: type == DT_UNKNOWN ? statType(descriptor, name) : type))
        }
        return entries
    }
}
