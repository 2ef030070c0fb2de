import CongKhaiModel
import Foundation

/// A province's content that every commune inherits: `tinh/` beside `tinh.yaml` mirrors a
/// commune's `content/` (`tinh/thu-tuc/<linh-vuc>/<ma>.md` the province's catalogue of
/// commune-level procedures, `tinh/phi-le-phi.yaml` the fee schedule, `tinh/quy-tac.yaml` the
/// rule profile). The commune's own file at the same place replaces the province's, a commune
/// procedure with the same code replaces the province's wherever it is filed, and
/// `content/thu-tuc/khong-ap-dung.yaml` lists the province's procedures the commune does not apply.
///
/// An inherited file keeps its place in the commune's tree (`content/thu-tuc/ho-tich/x.md`), so
/// links, forms and pages treat it as the commune's own; `shown` maps that place back to the file
/// the editor opens (`tinh/thu-tuc/ho-tich/x.md`) for messages.
public struct SharedContent: Sendable {
    public static let folderName = "tinh"
    public static let exclusionPath = "content/thu-tuc/khong-ap-dung.yaml"

    /// The province's folder (the one with `tinh.yaml`).
    public let provinceFolder: URL
    /// Its files as loaded, shared by every copy of this value (every commune of one build).
    public let loads = SharedLoads()

    public init(provinceFolder: URL) {
        self.provinceFolder = provinceFolder.standardizedFileURL
    }

    var folder: URL { provinceFolder.appendingPathComponent(Self.folderName) }

    /// Whether the province has shared content at all.
    public var exists: Bool { FileManager.default.fileExists(atPath: folder.path) }

    /// `content/x` in a commune's tree → `tinh/x`.
    public static func shownPath(_ place: String) -> String {
        place.hasPrefix("content/") ? folderName + "/" + place.dropFirst("content/".count) : place
    }

    /// One procedure of the catalogue a commune does not apply, with its reason.
    public struct Exclusion: Sendable, Hashable {
        public var code: String
        public var reason: String?
        public var location: SourceLocation
    }

    /// A commune's content merged with the province's.
    public struct Scan: Sendable {
        public var files: [ContentFile]
        /// Places (`content/thu-tuc/ho-tich/x.md`) of the files that come from `tinh/`.
        public var inherited: Set<String>
        public var exclusions: [Exclusion]

        /// `diagnostic` with the province's file named when it is about an inherited file.
        public func shown(_ diagnostic: Diagnostic) -> Diagnostic? {
            guard inherited.contains(diagnostic.location.path) else { return nil }
            var moved = diagnostic
            moved.location.path = SharedContent.shownPath(diagnostic.location.path)
            return moved
        }
    }

    /// The province's files, by place in a commune's tree; problems of the walk (reported by the
    /// walker under `content/`) are named under `tinh/`.
    func sharedFiles(units: [any LoadingUnit], log: DiagnosticLog) -> [ContentFile] {
        guard exists else { return [] }
        let walkLog = DiagnosticLog()
        let files = ContentWalker.files(in: folder, units: units, log: walkLog)
        for diagnostic in walkLog.all {
            var moved = diagnostic
            moved.location.path = Self.shownPath(diagnostic.location.path)
            log.report(moved)
        }
        return files.filter { file in
            guard file.displayPath != "content/site.yaml" else {
                log.report(.error("province.shared-site", at: SourceLocation(path: Self.shownPath(file.displayPath)),
                                  "Thư mục tinh/ không được có site.yaml: mỗi xã tự mô tả mình trong content/site.yaml của xã.",
                                  hint: "Xóa tinh/site.yaml; thông tin chung của tỉnh đặt trong tinh.yaml."))
                return false
            }
            return true
        }
    }

    /// The code a procedure file is filed under: its name (`1.000656.md`), as `import` and
    /// `new thu-tuc` write it.
    static func code(of file: ContentFile) -> String? {
        // content/thu-tuc/<linh-vuc>/<ma>.md, by place: the procedure catalogue's own rule.
        let parts = file.displayPath.split(separator: "/")
        guard parts.count == 4, parts[1] == "thu-tuc", file.url.pathExtension.lowercased() == "md" else { return nil }
        let stem = (file.url.lastPathComponent as NSString).deletingPathExtension.nfc
        return stem == "_index" || stem == "index" ? nil : stem
    }

    /// The commune at `siteFolder` with what it inherits; nil (and an error) without `content/`.
    public func scan(siteFolder: URL, units: [any LoadingUnit], log: DiagnosticLog) -> Scan? {
        let walkLog = DiagnosticLog()
        guard let own = ContentLoader.scan(siteFolder: siteFolder, units: units, log: walkLog) else {
            log.report(walkLog.all)
            return nil
        }
        // The exclusion list is read here, not published: the walker's "unused file" is not for it.
        log.report(walkLog.all.filter { !($0.location.path == Self.exclusionPath && $0.key == "file.unused") })
        let exclusions = exclusions(siteFolder: siteFolder, log: log)
        var files = own.filter { $0.displayPath != Self.exclusionPath }
        let shared = sharedFiles(units: units, log: log)
        let ownPlaces = Set(files.map(\.displayPath))
        let ownCodes = Set(files.compactMap(Self.code))
        let excluded = Set(exclusions.map(\.code))
        let catalogue = Set(shared.compactMap(Self.code))
        for exclusion in exclusions where !catalogue.contains(exclusion.code) {
            log.report(.warning("province.exclusion-unknown", at: exclusion.location,
                                "Thủ tục “\(exclusion.code)” không có trong danh mục của tỉnh (tinh/thu-tuc/), nên không cần ghi là không áp dụng.",
                                hint: "Kiểm tra lại mã thủ tục, hoặc xóa dòng này."))
        }
        for exclusion in exclusions where ownCodes.contains(exclusion.code) {
            log.report(.warning("province.exclusion-own", at: exclusion.location,
                                "Xã ghi thủ tục “\(exclusion.code)” là không áp dụng nhưng vẫn có tệp thủ tục riêng với mã này, nên thủ tục vẫn được đăng.",
                                hint: "Xóa tệp thủ tục của xã, hoặc xóa dòng này."))
        }
        var inherited = Set<String>()
        for file in shared where !ownPlaces.contains(file.displayPath) {
            if let code = Self.code(of: file), ownCodes.contains(code) || excluded.contains(code) { continue }
            files.append(file)
            inherited.insert(file.displayPath)
        }
        files.sort { $0.displayPath < $1.displayPath }
        return Scan(files: files, inherited: inherited, exclusions: exclusions)
    }

    /// `content/thu-tuc/khong-ap-dung.yaml`:
    ///
    ///     khong_ap_dung:
    ///       - ma: "1.000656"
    ///         ly_do: "Xã không có ..."
    public func exclusions(siteFolder: URL, log: DiagnosticLog) -> [Exclusion] {
        let url = siteFolder.appendingPathComponent(Self.exclusionPath)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let path = Self.exclusionPath
        guard let source = SourceText.read(url, displayPath: path, log: log),
              let yaml = MappingReader(YAMLDocument.value(source.text, path: path, log: log), path: path, lineOffset: 0,
                                       log: log, what: "Tệp khong-ap-dung.yaml") else { return [] }
        var result: [Exclusion] = []
        var seen = Set<String>()
        for entry in yaml.mappings("khong_ap_dung", "danh sách thủ tục của tỉnh mà xã không áp dụng", required: true) {
            defer { entry.finish(context: "thủ tục không áp dụng") }
            guard let code = entry.string("ma", "mã thủ tục, ví dụ 1.000656", required: true)?.trimmingCharacters(in: .whitespaces) else { continue }
            let reason = entry.string("ly_do", "lý do xã không áp dụng")
            let location = entry.location(ofKey: "ma")
            guard seen.insert(code).inserted else {
                log.report(.warning("province.exclusion-duplicate", at: location, "Thủ tục “\(code)” được ghi hai lần.", hint: "Xóa dòng lặp."))
                continue
            }
            result.append(Exclusion(code: code, reason: reason, location: location))
        }
        yaml.finish(context: "khong-ap-dung.yaml")
        return result
    }

    /// The province's catalogue: every procedure under `tinh/thu-tuc/`, as loaded for a commune
    /// (drafts included: the assessor compares with what the province decided).
    public func catalogue(units: [any LoadingUnit], log: DiagnosticLog) -> [Procedure] {
        procedures(sharedFiles(units: units, log: DiagnosticLog()), shared: true, log: log)
    }

    /// The commune's own procedure files (not inherited ones), loaded.
    public func ownProcedures(siteFolder: URL, units: [any LoadingUnit], log: DiagnosticLog) -> [Procedure] {
        procedures(ContentLoader.scan(siteFolder: siteFolder, units: units, log: DiagnosticLog()) ?? [], log: log)
    }

    /// The province's catalogue is loaded through `loads`, the commune's own files directly.
    func procedures(_ files: [ContentFile], shared: Bool = false, log: DiagnosticLog) -> [Procedure] {
        files.filter { Self.code(of: $0) != nil }.compactMap { file in
            let loaded = shared ? loads.load(file) : ContentLoader.loadFile(file)
            log.report(loaded.diagnostics)
            switch loaded.item {
            case let .unit(_, value)?, let .unwritten(_, .unit(_, value))?: return value as? Procedure
            default: return nil
            }
        }
    }
}
