import CongKhaiModel
import Foundation

/// One file found under `content/`, with what it is and where it goes.
public struct ContentFile: Sendable {
    public var url: URL
    /// `content/tin-tuc/a.md`: how the editor sees the path.
    public var displayPath: String
    var role: ContentLoader.Role
    public var size: Int
}

/// Lists `content/` in a stable order and maps each file to its place on the site.
enum ContentWalker {
    static func files(in contentFolder: URL, log: DiagnosticLog) -> [ContentFile] {
        let manager = FileManager.default
        let rootPath = contentFolder.resolvingSymlinksInPath().path
        guard let enumerator = manager.enumerator(at: contentFolder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey]) else { return [] }
        var files: [ContentFile] = []
        for case let url as URL in enumerator {
            let relative = String(url.path.dropFirst(contentFolder.path.count + 1))
            let name = url.lastPathComponent
            if name.hasPrefix(".") || name.hasPrefix("~$") || name.hasPrefix("_") && !name.hasPrefix("_index.") {
                enumerator.skipDescendants()
                continue
            }
            let displayPath = "content/" + relative.nfc
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey])
            if values?.isSymbolicLink == true {
                let target = url.resolvingSymlinksInPath().path
                guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                    log.report(.error("path.outside", at: SourceLocation(path: displayPath),
                                      "Liên kết tượng trưng này trỏ ra ngoài thư mục content/.",
                                      hint: "Chép tệp vào trong content/ thay vì dùng liên kết."))
                    enumerator.skipDescendants()
                    continue
                }
            }
            guard (try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let role = role(of: relative.nfc, displayPath: displayPath, log: log)
            files.append(ContentFile(url: url, displayPath: displayPath, role: role, size: values?.fileSize ?? 0))
        }
        return files.sorted { $0.displayPath < $1.displayPath }
    }

    /// Decides what a file is from its place and name. Folder and file names are slugged,
    /// so `Tin tức/Lễ hội.md` is published at `tin-tuc/le-hoi/`.
    static func role(of relative: String, displayPath: String, log: DiagnosticLog) -> ContentLoader.Role {
        var segments = relative.split(separator: "/").map(String.init)
        let fileName = segments.removeLast()
        let folder = segments.map { TextFolding.slug($0) }
        if folder.contains("") {
            log.report(.error("path.slug", at: SourceLocation(path: displayPath),
                              "Tên thư mục không có chữ hay số nào để làm địa chỉ trang.",
                              hint: "Đặt tên thư mục bằng chữ, ví dụ “tin-tuc”."))
            return .ignored
        }
        let folderPath = folder.isEmpty ? "" : folder.joined(separator: "/") + "/"
        let stem = (fileName as NSString).deletingPathExtension
        let ext = (fileName as NSString).pathExtension.lowercased()
        switch (ext, stem) {
        case ("yaml", "site") where folder.isEmpty:
            return .siteConfig
        case ("yaml", "phi-le-phi") where folder.isEmpty:
            return .fees
        case ("md", _) where folder.count == 2 && folder[0] == "thu-tuc" && stem != "_index" && stem != "index":
            return .procedure(fieldSlug: folder[1])
        case ("yaml", _) where folder.count == 2 && folder[0] == "ngan-sach":
            return .budget(yearFolder: folder[1])
        case ("csv", _) where folder.count == 2 && folder[0] == "ngan-sach":
            return .ignored
        case ("md", _) where folder.count == 1 && folder[0] == "cchc" && stem != "_index" && stem != "index":
            return .reformReport
        case ("md", _) where folder.count == 1 && folder[0] == "cong-khai" && stem != "_index" && stem != "index":
            return .disclosure
        case ("yaml", "quy-tac") where folder.isEmpty:
            return .ruleOverrides
        case ("md", "_index"), ("md", "index"):
            return .page(folder.isEmpty ? .home : (stem == "_index" ? .section : .page), path: folderPath)
        case ("yaml", "lanh-dao"):
            return .leaders(path: folderPath + "lanh-dao/")
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
