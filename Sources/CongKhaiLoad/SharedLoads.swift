import CongKhaiModel
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The province's shared files, loaded once for all its communes: each commune inherits the
/// same `tinh/thu-tuc/...` at the same place, so parsing it again per commune (100 times in a
/// province of 100) only repeated the work. Keyed by the file, its place and its stamp (time and
/// size), so an edit under `serve` is loaded again; read-only once loaded, shared across the
/// communes building in parallel.
public final class SharedLoads: Sendable {
    struct Key: Hashable {
        var path: String
        var place: String
    }

    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

    private let loaded = Mutex<[Key: (stamp: Stamp, file: ContentLoader.LoadedFile)]>([:])

    public init() {}

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int(info.st_size))
    }

    /// `file` as `ContentLoader.loadFile` loads it, from the cache when it has not changed.
    public func load(_ file: ContentFile) -> ContentLoader.LoadedFile {
        let key = Key(path: file.filePath, place: file.displayPath)
        guard let stamp = Self.stamp(key.path) else { return ContentLoader.loadFile(file) }
        if let known = loaded.withLock({ $0[key] }), known.stamp == stamp { return known.file }
        let fresh = ContentLoader.loadFile(file)
        loaded.withLock { $0[key] = (stamp, fresh) }
        return fresh
    }

    /// How many files it holds (tests).
    public var count: Int { loaded.withLock { $0.count } }
}

extension SharedContent {
    /// Every file of a commune's scan loaded, in order: the province's through `loads`, the
    /// commune's own as `ContentLoader.loadAll` loads them.
    public func loadAll(_ files: [ContentFile]) -> [ContentLoader.LoadedFile] {
        let sharedRoot = folder.resolvingSymlinksInPath().path + "/"
        let isShared = files.map { $0.url.resolvingSymlinksInPath().path.hasPrefix(sharedRoot) }
        let own = ContentLoader.loadAll(files.indices.filter { !isShared[$0] }.map { files[$0] })
        var ownResults = own.makeIterator()
        return files.indices.compactMap { index in isShared[index] ? loads.load(files[index]) : ownResults.next() }
    }
}
