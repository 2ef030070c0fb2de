import CongKhaiModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file found under `content/`, with what it is and where it goes.
public struct ContentFile: Sendable {
    /// The file's absolute path; a `URL` per file cost more than reading most of them.
    public var filePath: String
    public var url: URL { URL(fileURLWithPath: filePath, isDirectory: false) }
    /// `content/tin-tuc/a.md`: how the editor sees the path.
    public var displayPath: String
    var role: ContentLoader.Role
    public var size: Int
}

/// Lists `content/` in a stable order and maps each file to its place on the site.
enum ContentWalker {
    static func files(in contentFolder: URL, units: [any LoadingUnit] = [], log: DiagnosticLog) -> [ContentFile] {
        let rootPath = contentFolder.resolvingSymlinksInPath().path
        var files: [ContentFile] = []
        walk(rootPath, relative: "", rootPath: rootPath, units: units, into: &files, log: log)
        return files.sorted { $0.displayPath < $1.displayPath }
    }

    /// readdir and lstat directly: Foundation's enumerator with resource values and a symlink
    /// resolution per file took seconds on a 10,000-file tree.
    private static func walk(_ folder: String, relative: String, rootPath: String, units: [any LoadingUnit],
                             into files: inout [ContentFile], log: DiagnosticLog) {
        // The folder's names slugged once for all its files (the slug of each folder per file was
        // most of the time of a 10,000-file walk). NFC composes nothing across a "/".
        let folderSlugs = relative.isEmpty ? [] : relative.nfc.split(separator: "/").map { TextFolding.slug(String($0)) }
        for name in DirectoryNames.of(folder) {
            if name.hasPrefix(".") || name.hasPrefix("~$") || name.hasPrefix("_") && !name.hasPrefix("_index.") { continue }
            let path = folder + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let relativeNFC = childRelative.nfc
            let displayPath = "content/" + relativeNFC
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let resolved = realpath(path, nil) else { continue }
                let target = String(cString: resolved)
                free(resolved)
                guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                    log.report(.error("path.outside", at: SourceLocation(path: displayPath),
                                      "Liên kết tượng trưng này trỏ ra ngoài thư mục content/.",
                                      hint: "Chép tệp vào trong content/ thay vì dùng liên kết."))
                    continue
                }
                // A link inside content/ counts as the file it points to; linked folders are not entered.
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            } else if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, relative: childRelative, rootPath: rootPath, units: units, into: &files, log: log)
                continue
            } else if (info.st_mode & S_IFMT) != S_IFREG {
                continue
            }
            let role = role(of: relativeNFC, displayPath: displayPath, units: units, log: log, folderSlugs: folderSlugs)
            files.append(ContentFile(filePath: path, displayPath: displayPath, role: role, size: Int(info.st_size)))
        }
    }

    /// Decides what a file is from its place and name. Folder and file names are slugged,
    /// so `Tin tức/Lễ hội.md` is published at `tin-tuc/le-hoi/`.
    /// `folderSlugs`: the slugs of the file's folders when the caller has them already.
    static func role(of relative: String, displayPath: String, units: [any LoadingUnit] = [], log: DiagnosticLog,
                     folderSlugs: [String]? = nil) -> ContentLoader.Role {
        var segments = relative.split(separator: "/").map(String.init)
        let fileName = segments.removeLast()
        let folder = folderSlugs ?? segments.map { TextFolding.slug($0) }
        if folder.contains("") {
            log.report(.error("path.slug", at: SourceLocation(path: displayPath),
                              "Tên thư mục không có chữ hay số nào để làm địa chỉ trang.",
                              hint: "Đặt tên thư mục bằng chữ, ví dụ “tin-tuc”."))
            return .ignored
        }
        // CongKhai fills these folders itself: content there would mix with, or overwrite, what it writes.
        if let first = folder.first, first == "in" || first == "assets" {
            log.report(.error("path.reserved", at: SourceLocation(path: displayPath),
                              "Thư mục “\(first)/” dành cho \(first == "in" ? "các bản in niêm yết" : "giao diện") do CongKhai tạo; tệp này sẽ lẫn vào đó.",
                              hint: "Đổi tên thư mục chứa tệp trong content/, ví dụ “\(first)-tai-lieu/”."))
            return .ignored
        }
        let folderPath = folder.isEmpty ? "" : folder.joined(separator: "/") + "/"
        let stem = (fileName as NSString).deletingPathExtension
        let ext = (fileName as NSString).pathExtension.lowercased()
        if ext == "yaml", stem == "site", folder.isEmpty { return .siteConfig }
        let place = ContentPlace(folders: folder, stem: stem, ext: ext, displayPath: displayPath)
        for unit in units {
            switch unit.claim(place) {
            case let .load(path)?: return .unit(unit, path: path)
            case .ignore?: return .ignored
            case nil: continue
            }
        }
        switch (ext, stem) {
        case ("md", "_index"), ("md", "index"):
            return .page(folder.isEmpty ? .home : (stem == "_index" ? .section : .page), path: folderPath)
        case ("md", _), ("markdown", _):
            guard !TextFolding.slug(stem).isEmpty else { return unnamed(displayPath, log) }
            return .page(.page, path: folderPath + TextFolding.slug(stem) + "/")
        case ("yaml", _), ("yml", _), ("csv", _):
            log.report(.warning("file.unused", at: SourceLocation(path: displayPath),
                                "Tệp dữ liệu này chưa được CongKhai sử dụng nên không được đăng.",
                                hint: "Kiểm tra tên và vị trí tệp theo hướng dẫn trong README."))
            return .ignored
        default:
            guard !TextFolding.slug(stem).isEmpty else { return unnamed(displayPath, log) }
            return .attachment(path: folderPath + TextFolding.slug(stem) + (ext.isEmpty ? "" : "." + ext))
        }
    }

    private static func unnamed(_ displayPath: String, _ log: DiagnosticLog) -> ContentLoader.Role {
        log.report(.error("path.slug", at: SourceLocation(path: displayPath),
                          "Tên tệp không có chữ hay số nào để làm địa chỉ trang.",
                          hint: "Đổi tên tệp, ví dụ “thong-bao-1.md”."))
        return .ignored
    }
}
