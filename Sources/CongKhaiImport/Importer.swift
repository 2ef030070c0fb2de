import CongKhaiModel
import Foundation

public enum ImportKind: String, Sendable, CaseIterable {
    case dvc
    case csv
    case xlsx
}

/// A file to import: where it is, and how messages name it (as the editor typed it).
public struct ImportSource: Sendable {
    public var url: URL
    public var displayPath: String

    public init(url: URL, displayPath: String) {
        self.url = url
        self.displayPath = displayPath
    }
}

public struct ImportReport: Sendable {
    public struct Move: Sendable, Equatable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// Paths under the site folder: `content/thu-tuc/ho-tich/1.001193.md`.
    public var created: [String] = []
    public var updated: [String] = []
    public var moved: [Move] = []
    /// Files written whose record still needs the editor, with what to check.
    public var toCheck: [(path: String, checks: [ImportCheck])] = []
    /// Portal page furniture removed over the whole import.
    public var furniture = 0

    public var total: Int { created.count + updated.count }

    /// `Đã bỏ 250 cụm chữ trang trí của trang Cổng DVC; 12 thủ tục cần kiểm tra thêm.`, or nil.
    public var cleanup: String? {
        var parts: [String] = []
        if furniture > 0 { parts.append("đã bỏ \(furniture) cụm chữ trang trí của trang Cổng DVC (nhãn, ô chọn, nút bấm)") }
        if !toCheck.isEmpty { parts.append("\(toCheck.count) thủ tục cần kiểm tra thêm") }
        guard !parts.isEmpty else { return nil }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// `Đã nhập N thủ tục (M mới, K cập nhật), W cảnh báo.`, with the errors when there are any.
    public func summary(errors: Int, warnings: Int) -> String {
        let problems = errors > 0 ? "\(errors) lỗi, \(warnings) cảnh báo" : "\(warnings) cảnh báo"
        return "Đã nhập \(total) thủ tục (\(created.count) mới, \(updated.count) cập nhật), \(problems)."
    }
}

/// `congkhai import`: reads the sources, turns each record into a draft and writes it into
/// `content/thu-tuc/`, updating the file that already has the same code wherever it is.
/// Every problem goes to the log; nothing is ever written outside `content/thu-tuc/`.
public enum Importer {
    /// `contentName` is the folder that holds the site's content: `content`, or `tinh` for a
    /// province's catalogue, which every commune inherits.
    public static func run(kind: ImportKind, files: [ImportSource], siteFolder: URL, contentName: String = "content", log: DiagnosticLog) -> ImportReport {
        var report = ImportReport()
        let contentFolder = siteFolder.appendingPathComponent(contentName)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
            log.report(.error("import.no-content", at: SourceLocation(path: contentName + "/"),
                              "Không tìm thấy thư mục \(contentName)/ trong \(siteFolder.path).",
                              hint: "Chạy lệnh trong thư mục của trang, hoặc chỉ rõ bằng --source THU_MUC."))
            return report
        }
        var store = ProcedureStore(siteFolder: siteFolder, contentName: contentName, log: log)
        guard store.isSafe else { return report }
        var seen: [String: String] = [:]
        for file in files {
            guard let data = read(file, log: log) else { continue }
            for draft in drafts(kind: kind, data: data, path: file.displayPath, log: log) {
                if let earlier = seen[ProcedureCode.base(draft.code)] {
                    log.report(.warning("import.repeated", at: SourceLocation(path: file.displayPath),
                                        "hồ sơ \(draft.code) đã có trong \(earlier); bản sau cập nhật lên bản trước.",
                                        hint: "Kiểm tra xem dữ liệu nhập có bị trùng mã không."))
                }
                seen[ProcedureCode.base(draft.code)] = file.displayPath
                store.write(draft, source: file.displayPath, report: &report)
            }
        }
        return report
    }

    /// The largest source read: a province's whole export is tens of megabytes; reading
    /// something bigger whole would hold the machine's memory hostage.
    static let maximumSourceBytes = 128 * 1024 * 1024

    /// A regular file (a FIFO or a device would block or never end) of a sane size.
    static func read(_ file: ImportSource, log: DiagnosticLog) -> Data? {
        let at = SourceLocation(path: file.displayPath)
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.url.resolvingSymlinksInPath().path)
        guard let attributes else {
            log.report(.error("import.unreadable", at: at, "Không tìm thấy tệp.", hint: "Kiểm tra lại đường dẫn và tên tệp."))
            return nil
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            log.report(.error("import.unreadable", at: at, "Đây không phải một tệp thường (có thể là thư mục hoặc thiết bị) nên không đọc.",
                              hint: "Chỉ rõ tệp .json, .csv hoặc .xlsx cần nhập."))
            return nil
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        guard size <= maximumSourceBytes else {
            log.report(.error("import.too-large", at: at,
                              "Tệp lớn \(size / (1024 * 1024)) MB, quá giới hạn \(maximumSourceBytes / (1024 * 1024)) MB của lệnh nhập.",
                              hint: "Tách dữ liệu thành nhiều tệp nhỏ hơn rồi nhập từng tệp."))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            log.report(.error("import.unreadable", at: at, "Không đọc được tệp.", hint: "Kiểm tra quyền đọc của tệp."))
            return nil
        }
        return data
    }

    static func drafts(kind: ImportKind, data: Data, path: String, log: DiagnosticLog) -> [ProcedureDraft] {
        switch kind {
        case .dvc:
            return (DVCRecordParser.parse(data, path: path, log: log) ?? []).compactMap { DVCMapper.draft(from: $0, path: path, log: log) }
        case .csv:
            return CatalogueListReader.drafts(from: data, format: .csv, path: path, log: log) ?? []
        case .xlsx:
            return CatalogueListReader.drafts(from: data, format: .xlsx, path: path, log: log) ?? []
        }
    }
}

/// The procedure files under `content/thu-tuc/`, found by code, and the only place files are written.
struct ProcedureStore {
    let siteFolder: URL
    /// `content/thu-tuc`, or `tinh/thu-tuc` for a province's catalogue.
    let catalogue: String
    let root: URL
    let log: DiagnosticLog
    /// National code (`ProcedureCode.base`) → paths (relative to the site folder) of the files
    /// that declare it or a province's copy of it: both are the same procedure, one page.
    var byCode: [String: [String]] = [:]
    /// Path → the code its `ma` says, to prefer the file with exactly the imported code.
    var codeOf: [String: String] = [:]
    /// Procedure files whose front matter could not be read: maybe this very procedure.
    var unreadable: Set<String> = []
    var isSafe = true

    init(siteFolder: URL, contentName: String = "content", log: DiagnosticLog) {
        self.siteFolder = siteFolder.standardizedFileURL
        self.catalogue = contentName + "/thu-tuc"
        self.root = self.siteFolder.appendingPathComponent(catalogue)
        self.log = log
        let contentReal = self.siteFolder.appendingPathComponent(contentName).resolvingSymlinksInPath().path
        if FileManager.default.fileExists(atPath: root.path), !root.resolvingSymlinksInPath().path.hasPrefix(contentReal + "/") {
            log.report(.error("import.path", at: SourceLocation(path: catalogue + "/"),
                              "Thư mục \(catalogue)/ là liên kết trỏ ra ngoài \(contentName)/; không ghi vào đó.",
                              hint: "Thay liên kết bằng một thư mục thật."))
            isSafe = false
            return
        }
        index()
    }

    mutating func index() {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            // What the loader skips (hidden, Office lock files, `_nháp`) is not the procedure's file.
            if name.hasPrefix(".") || name.hasPrefix("~$") || (name.hasPrefix("_") && name != "_index.md") {
                enumerator.skipDescendants()
                continue
            }
            guard url.pathExtension.lowercased() == "md", !["_index.md", "index.md"].contains(name.lowercased()) else { continue }
            guard let text = read(url), case let .success(file) = ExistingProcedureFile.read(text: text, path: relative(url)) else {
                unreadable.insert(relative(url))
                continue
            }
            guard !file.code.isEmpty else { continue }
            byCode[ProcedureCode.base(file.code), default: []].append(file.path)
            codeOf[file.path] = file.code
        }
        for key in byCode.keys { byCode[key]?.sort() }
    }

    func relative(_ url: URL) -> String {
        let base = siteFolder.path + "/"
        let path = url.standardizedFileURL.path
        return (path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path).nfc
    }

    func read(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).flatMap { String(data: $0, encoding: .utf8) }
    }

    func url(_ relativePath: String) -> URL {
        siteFolder.appendingPathComponent(relativePath)
    }

    /// Inside `content/thu-tuc/` once every link on the way is followed.
    func isInside(_ target: URL) -> Bool {
        let rootReal = root.resolvingSymlinksInPath().path + "/"
        var existing = target.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: existing.path), existing.path.count > root.path.count {
            existing = existing.deletingLastPathComponent()
        }
        let real = existing.resolvingSymlinksInPath().path + "/"
        return target.standardizedFileURL.path.hasPrefix(root.path + "/") && real.hasPrefix(rootReal)
    }

    mutating func write(_ draft: ProcedureDraft, source: String, report: inout ImportReport) {
        var draft = draft
        let at = SourceLocation(path: source)
        // The file with exactly this code first, then the province's or national copy.
        let candidates = byCode[ProcedureCode.base(draft.code)] ?? []
        let paths = candidates.filter { codeOf[$0] == draft.code } + candidates.filter { codeOf[$0] != draft.code }
        if paths.count > 1 {
            log.report(.warning("import.duplicate", at: SourceLocation(path: paths[1]),
                                "Mã \(draft.code) có ở nhiều tệp (\(paths.joined(separator: ", "))); chỉ cập nhật \(paths[0]).",
                                hint: "Mỗi thủ tục chỉ nên có một tệp; xóa các tệp thừa."))
        }
        var existing: ExistingProcedureFile?
        if let path = paths.first {
            guard let text = read(url(path)), case let .success(file) = ExistingProcedureFile.read(text: text, path: path) else {
                log.report(.error("import.existing", at: SourceLocation(path: path),
                                  "Không cập nhật được thủ tục \(draft.code) vì không đọc được tệp hiện có (phần đầu tệp có lỗi hoặc viết theo kiểu {…}).",
                                  hint: "Chạy `congkhai check` để sửa tệp này rồi nhập lại."))
                return
            }
            existing = file
            existing?.yieldSamples(to: draft)
            // The editor's file keeps its own code; the import's is said in a comment.
            if file.code != draft.code {
                draft.note("ma", "Mã trong dữ liệu nhập (\(source)): \(draft.code), cùng thủ tục với mã \(file.code) của tệp này.")
                draft.code = file.code
            }
        }
        guard let field = draft.field ?? existing?.field.map(ImportText.oneLine), existing != nil || draft.name != nil else {
            let missing = draft.name == nil ? "tên thủ tục" : "lĩnh vực"
            log.report(.warning("import.incomplete", at: at,
                                "hồ sơ \(draft.code): thiếu \(missing) nên không tạo được tệp thủ tục; đã bỏ qua.",
                                hint: "Bổ sung \(missing) trong dữ liệu nhập rồi nhập lại."))
            return
        }
        let slug = TextFolding.slug(field)
        guard !slug.isEmpty else {
            log.report(.warning("import.incomplete", at: at,
                                "hồ sơ \(draft.code), trường linh_vuc: “\(field)” không có chữ hay số nào để làm tên thư mục; đã bỏ qua.",
                                hint: "Sửa lĩnh vực trong dữ liệu nhập, ví dụ “Hộ tịch”."))
            return
        }
        let target = targetPath(for: draft, slug: slug, existing: existing, at: at)
        let targetURL = url(target)
        guard isInside(targetURL) else {
            log.report(.error("import.path", at: SourceLocation(path: target),
                              "Không ghi \(target): đường dẫn trỏ ra ngoài \(catalogue)/.",
                              hint: "Kiểm tra các liên kết tượng trưng trong \(catalogue)/."))
            return
        }
        if existing?.path != target, unreadable.contains(target) {
            log.report(.error("import.existing", at: SourceLocation(path: target),
                              "Không ghi thủ tục \(draft.code): tệp \(target) đã có nhưng không đọc được phần đầu tệp (có lỗi hoặc viết theo kiểu {…}), nên không biết tệp mang mã nào.",
                              hint: "Chạy `congkhai check` để sửa tệp này rồi nhập lại."))
            return
        }
        if existing?.path != target, FileManager.default.fileExists(atPath: targetURL.path) {
            log.report(.error("import.occupied", at: SourceLocation(path: target),
                              "Không ghi thủ tục \(draft.code): tệp \(target) đã có và không mang mã này.",
                              hint: "Đổi tên hoặc sửa tệp đó, rồi nhập lại."))
            return
        }
        SectionGuard.apply(&draft, existing: existing, source: source, log: log)
        let text = ProcedureFileWriter.render(draft, existing: existing)
        do {
            if existing.flatMap({ read(url($0.path)) }) != text || existing?.path != target {
                try FileManager.default.createDirectory(at: targetURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: targetURL, options: .atomic)
            }
            if let old = existing?.path, old != target {
                try FileManager.default.removeItem(at: url(old))
                report.moved.append(.init(from: old, to: target))
            }
        } catch {
            log.report(.error("import.write", at: SourceLocation(path: target),
                              "Không ghi được tệp: \(error.localizedDescription)",
                              hint: "Kiểm tra quyền ghi và dung lượng đĩa."))
            return
        }
        byCode[ProcedureCode.base(draft.code)] = [target] + paths.dropFirst()
        codeOf[target] = draft.code
        if existing == nil { report.created.append(target) } else { report.updated.append(target) }
        report.furniture += draft.furniture
        if !draft.checks.isEmpty { report.toCheck.append((target, draft.checks)) }
    }

    /// New files go to `thu-tuc/<lĩnh vực>/<mã>.md`. An updated file keeps its name; it moves
    /// when its lĩnh vực changed, unless forms sit beside it (they would be left behind).
    func targetPath(for draft: ProcedureDraft, slug: String, existing: ExistingProcedureFile?, at: SourceLocation) -> String {
        guard let existing else { return "\(catalogue)/\(slug)/\(draft.code).md" }
        let components = existing.path.split(separator: "/")
        let currentFolder = components.count >= 2 ? String(components[components.count - 2]) : ""
        guard TextFolding.slug(currentFolder) != slug else { return existing.path }
        let moved = "\(catalogue)/\(slug)/\(components.last ?? Substring(draft.code + ".md"))"
        if existing.block("mau_don") != nil || FileManager.default.fileExists(atPath: url(moved).path) {
            log.report(.warning("import.not-moved", at: SourceLocation(path: existing.path),
                                "Thủ tục \(draft.code) nay thuộc lĩnh vực “\(draft.field ?? slug)” nhưng tệp vẫn để ở chỗ cũ vì có mẫu đơn đi kèm hoặc chỗ mới đã có tệp.",
                                hint: "Tự chuyển tệp (cùng các tệp mẫu đơn) sang \(catalogue)/\(slug)/."))
            return existing.path
        }
        return moved
    }
}
