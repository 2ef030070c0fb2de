import CongKhaiLoad
import CongKhaiModel
import Foundation

/// The province, from `tinh.yaml`, and the communes it builds.
public struct ProvinceConfig: Sendable {
    /// One commune: its folder name is its id in URLs (`public/<slug>/`) and in open data.
    public struct Commune: Sendable, Hashable {
        public var slug: String
        public var folder: URL
        /// The commune's own `templates/`, file by file over the province's (either may be
        /// absent: the embedded theme fills in whatever they do not override).
        public var templates: URL
    }

    public static let fileName = "tinh.yaml"
    public static let defaultCommuneFolder = "xa"

    public var folder: URL
    public var name: String
    public var portalURL: String?
    public var communes: [Commune]

    /// The province's theme (`templates/`), under each commune's own.
    public var templates: URL { folder.appendingPathComponent("templates") }
    /// What every commune inherits (`tinh/`); nil when the province shares no content.
    public var sharedContent: SharedContent? { shared.exists ? shared : nil }
    /// One value for the province, so the shared files it loads serve every commune.
    let shared: SharedContent

    /// How to name `province` (a folder) in a command typed at `folder`: `../..` from inside
    /// it, the full path from elsewhere.
    public static func argument(naming province: URL, from folder: URL) -> String {
        let base = province.resolvingSymlinksInPath().pathComponents
        let here = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        guard here.starts(with: base) else { return province.path }
        let depth = here.count - base.count
        return depth == 0 ? "." : Array(repeating: "..", count: depth).joined(separator: "/")
    }

    /// Whether `folder` is a province repository rather than a commune's site.
    public static func isProvince(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName).path)
    }
}

/// Reads `tinh.yaml`: `ten`, `url_cong`, and either `xa` (the communes' folder names, in the
/// order the province lists them) or `thu_muc_xa` (a folder whose sub-folders are the communes).
public enum ProvinceLoader {
    public static func load(_ folder: URL, log: DiagnosticLog) -> ProvinceConfig? {
        let folder = folder.standardizedFileURL
        let path = ProvinceConfig.fileName
        guard let source = SourceText.read(folder.appendingPathComponent(path), displayPath: path, log: log),
              let yaml = MappingReader(YAMLDocument.parse(source.text, path: path, log: log), path: path, lineOffset: 0,
                                       log: log, what: "Tệp tinh.yaml") else { return nil }
        let name = yaml.string("ten", "tên tỉnh", required: true)
        let portal = yaml.string("url_cong", "địa chỉ cổng thông tin điện tử của tỉnh")
        if let portal, !(portal.hasPrefix("https://") || portal.hasPrefix("http://")) {
            log.report(.error("province.portal-url", at: yaml.location(ofKey: "url_cong"),
                              "“url_cong” phải là một địa chỉ web bắt đầu bằng https://.",
                              hint: "Ví dụ: url_cong: \"https://lamdong.gov.vn/\""))
        }
        let listed = yaml.has("xa")
        let communeFolderName = yaml.string("thu_muc_xa", "thư mục chứa các xã") ?? ProvinceConfig.defaultCommuneFolder
        let listLocation = yaml.location(ofKey: listed ? "xa" : "thu_muc_xa")
        // Each listed commune's own line, so a problem with one entry points at it.
        var lines: [String: SourceLocation] = [:]
        if case let .sequence(items)? = yaml.node("xa") {
            for item in items {
                if let text = item.scalar?.string.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces), let mark = item.mark {
                    lines[text] = lines[text] ?? SourceLocation(path: path, line: mark.line, column: mark.column)
                }
            }
        }
        let slugs = listed ? yaml.strings("xa", "danh sách xã") : []
        yaml.finish(context: "tinh.yaml")
        guard !communeFolderName.contains(".."), !communeFolderName.hasPrefix("/") else {
            log.report(.error("province.commune-folder", at: yaml.location(ofKey: "thu_muc_xa"),
                              "“thu_muc_xa” phải là một thư mục nằm trong thư mục của tỉnh.",
                              hint: "Ví dụ: thu_muc_xa: \"xa\""))
            return nil
        }
        let communesFolder = folder.appendingPathComponent(communeFolderName)
        let names = listed ? slugs : discovered(in: communesFolder)
        var communes: [ProvinceConfig.Commune] = []
        var seen = Set<String>()
        for slug in names {
            let listLocation = lines[slug] ?? listLocation
            guard isSlug(slug) else {
                log.report(.error("province.commune-slug", at: listLocation,
                                  "Tên thư mục xã “\(slug)” chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang.",
                                  hint: "Đổi tên thư mục, ví dụ “\(TextFolding.slug(slug).lowercased())”."))
                continue
            }
            guard seen.insert(slug).inserted else {
                log.report(.error("province.commune-duplicate", at: listLocation,
                                  "Xã “\(slug)” được liệt kê hai lần.", hint: "Xóa dòng lặp trong “xa”."))
                continue
            }
            let communeFolder = communesFolder.appendingPathComponent(slug)
            let site = "\(communeFolderName)/\(slug)/content/site.yaml"
            guard FileManager.default.fileExists(atPath: communeFolder.appendingPathComponent("content/site.yaml").path) else {
                log.report(.error("province.commune-missing", at: listLocation,
                                  "Không tìm thấy \(site): thư mục của xã “\(slug)” phải là một trang xã đầy đủ (content/site.yaml, ...).",
                                  hint: "Tạo thư mục \(communeFolderName)/\(slug)/ bằng cách chép một trang xã, hoặc bỏ “\(slug)” khỏi danh sách."))
                continue
            }
            // Neither is required: missing files come from the theme built into congkhai.
            communes.append(.init(slug: slug, folder: communeFolder, templates: communeFolder.appendingPathComponent("templates")))
        }
        // A commune made (`new site`) or copied into the folder but not added to an explicit
        // list is never built: said at the list, since nothing else would show it.
        if listed {
            let unlisted = discovered(in: communesFolder).filter { name in
                !slugs.contains(name) && FileManager.default.fileExists(atPath: communesFolder.appendingPathComponent(name).appendingPathComponent("content/site.yaml").path)
            }
            if !unlisted.isEmpty {
                log.report(.warning("province.commune-unlisted", at: listLocation,
                                    "\(communeFolderName)/ có trang xã \(unlisted.map { "“\($0)”" }.joined(separator: ", ")) nhưng danh sách “xa” không có: các xã này không được dựng.",
                                    hint: "Thêm vào danh sách: xa: [\((slugs + unlisted).joined(separator: ", "))], hoặc chuyển thư mục ra khỏi \(communeFolderName)/ nếu không dùng nữa."))
            }
        }
        if names.isEmpty {
            log.report(.error("province.no-communes", at: listLocation,
                              "Tỉnh chưa có xã nào: thư mục \(communeFolderName)/ trống hoặc không có.",
                              hint: "Mỗi xã là một thư mục \(communeFolderName)/<tên-xã>/ chứa content/ như một trang xã."))
        }
        guard let name, !log.hasErrors else { return nil }
        return ProvinceConfig(folder: folder, name: name, portalURL: portal, communes: communes, shared: SharedContent(provinceFolder: folder))
    }

    /// The sub-folders of `folder` that hold a commune site, in name order (hidden ones skipped).
    static func discovered(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 80 && !text.hasPrefix("-") && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            && !reserved.contains(text)
    }

    /// Names the province pages use at the top of `public/`.
    static let reserved: Set<String> = ["assets", "du-lieu", "tong-hop", "in", "tim-kiem"]
}
