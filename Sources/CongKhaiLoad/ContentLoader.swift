import CongKhaiModel
import Foundation
import Synchronization

/// Stage 1 of the pipeline: walks `content/`, decides what each file is and where it is
/// published, and loads it. Files are independent, so they load in parallel.
public enum ContentLoader {
    /// What a file under `content/` is.
    /// What a file under `content/` is: the site's settings, a unit's file, or one of the
    /// generic kinds every site has (Markdown pages, attachments).
    enum Role: Sendable {
        case siteConfig
        case page(PageKind, path: String)
        /// Claimed by a content unit (`LoadingUnit.claim`).
        case unit(any LoadingUnit, path: String)
        case attachment(path: String)
        case ignored
    }

    public static func load(siteFolder: URL, units: [any LoadingUnit] = [], log: DiagnosticLog) -> SiteContent? {
        guard let files = scan(siteFolder: siteFolder, units: units, log: log) else { return nil }
        let loaded = loadAll(files)
        for file in loaded { log.report(file.diagnostics) }
        return assemble(files: files, loaded: loaded, units: units, log: log)
    }

    /// Every file under `content/` in a stable order; nil (and an error) without a content folder.
    public static func scan(siteFolder: URL, units: [any LoadingUnit] = [], log: DiagnosticLog) -> [ContentFile]? {
        let contentFolder = siteFolder.appendingPathComponent("content").resolvingSymlinksInPath()
        guard FileManager.default.fileExists(atPath: contentFolder.path) else {
            log.report(.error("site.no-content", at: SourceLocation(path: "content/"),
                              "Không tìm thấy thư mục content/ trong \(siteFolder.path).",
                              hint: "Chạy lệnh trong thư mục của trang, hoặc chỉ rõ bằng --source THU_MUC."))
            return nil
        }
        return ContentWalker.files(in: contentFolder, units: units, log: log)
    }

    /// Loads files in parallel; each keeps its own findings, so `serve` can reload one file
    /// and replace just that file's messages.
    public static func loadAll(_ files: [ContentFile]) -> [LoadedFile] {
        let loaded = Mutex<[Int: LoadedFile]>([:])
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = loadFile(files[index])
            loaded.withLock { $0[index] = file }
        }
        return loaded.withLock { dictionary in files.indices.compactMap { dictionary[$0] } }
    }

    public static func loadFile(_ file: ContentFile) -> LoadedFile {
        let log = DiagnosticLog()
        let (item, digest) = load(file, log: log)
        return LoadedFile(displayPath: file.displayPath, item: item, diagnostics: log.all, digest: digest)
    }

    /// Joins loaded files into the site: the pages as written, then what each unit assembles
    /// from its files (in registry order), then the section pages nobody wrote.
    public static func assemble(files: [ContentFile], loaded: [LoadedFile], units: [any LoadingUnit] = [], log: DiagnosticLog) -> SiteContent? {
        var config: SiteConfig?
        var pages: [Page] = []
        var attachments: [Attachment] = []
        var unwritten: [UnwrittenFile] = []
        var unitValues: [String: [any Sendable]] = [:]
        for item in loaded.compactMap(\.item) {
            switch item {
            case let .config(value): config = value
            case let .page(page): if !page.isDraft { pages.append(page) }
            case let .attachment(attachment): attachments.append(attachment)
            case let .unit(id, value): unitValues[id, default: []].append(value)
            case let .unwritten(mark, _): unwritten.append(mark)
            }
        }
        if !files.contains(where: { if case .siteConfig = $0.role { true } else { false } }) {
            log.report(.error("site.no-config", at: SourceLocation(path: "content/site.yaml"),
                              "Thiếu tệp content/site.yaml mô tả đơn vị.",
                              hint: "Tạo tệp với ít nhất: ten, loai, tinh."))
        }
        guard let config else { return nil }
        var content = SiteContent(config: config, pages: pages, attachments: attachments)
        content.unwritten = unwritten
        content.unreadable = Set(loaded.filter { $0.item == nil && $0.diagnostics.contains { $0.severity == .error } }.map(\.displayPath))
        for unit in units { unit.assemble(unitValues[unit.id] ?? [], into: &content, log: log) }
        content.pages += SectionPages.missing(for: content.pages, heldBack: content.unreadable.union(unwritten.map(\.path)), log: log)
        if let home = SectionPages.home(for: content.pages, config: config) { content.pages.append(home) }
        return content
    }

    /// One file's result: what it became (nil when it could not be read) and what was found wrong.
    public struct LoadedFile: Sendable {
        public var displayPath: String
        var item: Loaded?
        public var diagnostics: [Diagnostic]
        /// The bytes the file was loaded from (nil for a file not read: an attachment, or one
        /// that could not be read), for the build record.
        public var digest: SourceDigest?
    }

    indirect enum Loaded: Sendable {
        case config(SiteConfig)
        case page(Page)
        case attachment(Attachment)
        /// A value of the content unit `id`, for its `assemble`.
        case unit(id: String, any Sendable)
        /// A draft or placeholder file: checked like the rest, then held back from the site.
        case unwritten(UnwrittenFile, Loaded)
    }

    /// What `file` becomes, and the digest of the bytes it was read from: each file is read
    /// once, here, and the build record hashes what was loaded.
    static func load(_ file: ContentFile, log: DiagnosticLog) -> (item: Loaded?, digest: SourceDigest?) {
        switch file.role {
        case let .attachment(path):
            guard ActiveAttachment.allows(file, log: log) else { return (nil, nil) }
            return (.attachment(Attachment(source: file.displayPath, path: path, size: file.size)), nil)
        case .ignored:
            return (nil, nil)
        case .siteConfig, .page, .unit:
            guard let source = SourceText.read(path: file.filePath, displayPath: file.displayPath, log: log) else { return (nil, nil) }
            return (load(source, file: file, log: log), source.digest)
        }
    }

    private static func load(_ source: SourceText, file: ContentFile, log: DiagnosticLog) -> Loaded? {
        switch file.role {
        case .siteConfig:
            return SiteConfigLoader.load(source, log: log).map(Loaded.config)
        case let .page(kind, path):
            return loadHoldingBack(source, log: log) { PageLoader.load($0, path: path, kind: kind, log: log).map(Loaded.page) }
        case let .unit(unit, path):
            return loadUnit(unit, source: source, file: file, path: path, log: log)
        case .attachment, .ignored:
            return nil
        }
    }
}

extension ContentLoader {
    /// A unit's file: loaded by the unit, held back when unwritten (if the unit holds back).
    static func loadUnit(_ unit: any LoadingUnit, source: SourceText, file: ContentFile, path: String, log: DiagnosticLog) -> Loaded? {
        guard let item = unit.load(source, file: ClaimedFile(filePath: file.filePath, displayPath: file.displayPath, path: path), log: log)
        else { return nil }
        let loaded: Loaded
        switch item {
        case let .page(page): loaded = .page(page)
        case let .value(value): loaded = .unit(id: unit.id, value)
        }
        guard unit.holdsBackUnwritten, let mark = unit.unwrittenMark(source, item: item) else { return loaded }
        log.report(mark.diagnostic)
        return .unwritten(mark, loaded)
    }

    /// Loads a content file; a draft or a file still holding placeholders is reported and held
    /// back, so it is validated but never published nor counted by the checklist.
    static func loadHoldingBack(_ source: SourceText, log: DiagnosticLog, _ loader: (SourceText) -> Loaded?) -> Loaded? {
        guard let loaded = loader(source) else { return nil }
        guard let mark = UnwrittenMarker.find(in: source) else { return loaded }
        log.report(mark.diagnostic)
        return .unwritten(mark, loaded)
    }
}

/// A folder whose pages have no `_index.md` still needs a page to list them,
/// or breadcrumbs and menus would point at nothing.
enum SectionPages {
    /// A site made only of `site.yaml` and imported procedures still opens on a home page: the
    /// unit's name and description from `site.yaml`, the search box and the quick links.
    /// Not a warning: the page is complete without an `_index.md`.
    static func home(for pages: [Page], config: SiteConfig) -> Page? {
        guard !pages.contains(where: { $0.kind == .home }) else { return nil }
        var page = Page(source: "content/_index.md", path: "", kind: .home, title: config.name)
        page.description = config.description
        page.body = ""
        return page
    }

    /// `heldBack`: files already reported (unreadable or unwritten); their section is not told
    /// it has no `_index.md`, which would send the editor looking for a file that exists.
    static func missing(for pages: [Page], heldBack: Set<String> = [], log: DiagnosticLog) -> [Page] {
        let existing = Set(pages.map(\.path))
        var needed: [String: String] = [:]
        // A folder already climbed from had its parents climbed too: 10,000 procedures in a
        // few dozen folders climb each folder once, not once per procedure.
        var climbed = Set<String>()
        for page in pages {
            var parent = page.parentPath
            while let folder = parent, !folder.isEmpty, climbed.insert(folder).inserted {
                if !existing.contains(folder), needed[folder] == nil {
                    needed[folder] = page.source
                }
                parent = Page(source: "", path: folder, kind: .section, title: "").parentPath
            }
        }
        return needed.keys.sorted().map { folder in
            let name = String(folder.dropLast().split(separator: "/").last ?? "")
            let sourceFolder = (needed[folder].map { ($0 as NSString).deletingLastPathComponent } ?? "content")
            if !heldBack.contains(sourceFolder + "/_index.md") {
                log.report(.warning("section.no-index", at: SourceLocation(path: sourceFolder),
                                    "Thư mục chưa có trang mục lục _index.md; tạm dùng tiêu đề “\(name)”.",
                                    hint: "Tạo \(sourceFolder)/_index.md với `tieu_de: ...` để đặt tên cho mục này."))
            }
            var page = Page(source: sourceFolder + "/_index.md", path: folder, kind: .section, title: name)
            page.body = ""
            return page
        }
    }
}
