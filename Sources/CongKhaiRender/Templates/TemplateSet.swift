import CongKhaiModel
import Foundation
import Mustache

/// The theme: every `.mustache` file under `templates/`, parsed once, with each problem
/// reported at its template file and line (a missing partial, an unclosed section).
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    public let names: Set<String>
    /// The partials (and parents) each template names directly, for `serve` to tell which
    /// pages a changed template touches.
    public let references: [String: Set<String>]
    /// The same templates compiled by `FastTemplate`, when it can render them.
    let compiled: [String: FastTemplate]
    /// The layouts `FastTemplate` renders: compiled, with every partial they use (worked out
    /// once here, not for every page).
    let fastLayouts: Set<String>
    /// The page chrome kept across the pages this theme renders (nil: every partial rendered).
    let memo: PartialMemo?
    /// The render threads' output buffers, kept with their capacity from page to page.
    let buffers = RenderBuffers()
    /// The names each template's tags read (`mentions`), from their tags, whichever engine
    /// renders them.
    var fieldNames: [String: Set<String>] = [:]

    public init(library: MustacheLibrary, names: Set<String>, references: [String: Set<String>] = [:]) {
        self.init(library: library, names: names, references: references, compiled: [:])
    }

    init(library: MustacheLibrary, names: Set<String>, references: [String: Set<String>], compiled: [String: FastTemplate], keepsChrome: Bool = true) {
        self.library = library
        self.names = names
        self.references = references
        self.compiled = compiled
        fastLayouts = Set(compiled.keys.filter { name in
            TemplateSet.closure(of: name, references: references).allSatisfy { compiled[$0] != nil || !names.contains($0) }
        })
        memo = keepsChrome && !compiled.isEmpty ? PartialMemo(partials: compiled) : nil
    }

    /// The same theme rendered by swift-mustache alone.
    public var referenceEngineOnly: TemplateSet {
        var set = TemplateSet(library: library, names: names, references: references, compiled: [:])
        set.fieldNames = fieldNames
        return set
    }

    /// The same theme with every partial rendered on every page (what `PartialMemo` must equal).
    var renderingEveryPartial: TemplateSet {
        var set = TemplateSet(library: library, names: names, references: references, compiled: compiled, keepsChrome: false)
        set.fieldNames = fieldNames
        return set
    }

    /// A page through its layout: with `FastTemplate` when the layout and every partial it uses
    /// compiled, otherwise with swift-mustache.
    func render(_ context: [String: Any], layout: String) -> String? {
        renderNotingRows(context, layout: layout)?.html
    }

    /// `render`, with where the rows of its long lists are (`RowLayout`, empty when it has none;
    /// nil when swift-mustache rendered it).
    func renderNotingRows(_ context: [String: Any], layout: String) -> (html: String, rows: RowLayout?)? {
        renderBytes(context, layout: layout).map { (String(decoding: $0.bytes, as: UTF8.self), $0.rows) }
    }

    /// The page as the bytes of its file, as `FastTemplate` writes them (no text decoded or
    /// encoded on the way), with its rows.
    func renderBytes(_ context: [String: Any], layout: String) -> (bytes: Data, rows: RowLayout?)? {
        renderBytes(FastTemplate.Context(root: context), layout: layout) { library.render(context, withTemplate: layout) }
    }

    /// `state` through the compiled `layout` with its rows noted; `reference` (swift-mustache)
    /// when the layout or a partial it uses did not compile.
    private func renderBytes(_ state: FastTemplate.Context, layout: String, reference: () -> String?) -> (bytes: Data, rows: RowLayout?)? {
        guard fastLayouts.contains(layout), let template = compiled[layout] else { return reference().map { (Data($0.utf8), nil) } }
        var state = state
        let recorder = RowRecorder()
        state.recorder = recorder
        state.memo = memo
        let bytes = buffers.using { out in
            template.render(&state, partials: compiled, into: &out)
            return Data(out)
        }
        return (bytes, recorder.layout)
    }

    /// Whether a template `layout` renders with reads `name` anywhere (`children`).
    func reads(_ name: String, layout: String) -> Bool {
        closure(of: layout).contains { compiled[$0]?.reads(name) ?? true }
    }

    /// Whether the layout `page` renders with shows the links between the pages of a list split
    /// into pages (`pagination`, partials followed). A site's own layout written before lists
    /// were split does not: its list is then kept whole on one page, as it was, rather than
    /// cut into pages no link leads to.
    public func paginates(_ page: Page) -> Bool {
        mentions("pagination", for: page)
    }

    /// Whether `layout` or a partial it uses names the value `field` in a tag, at any depth of
    /// the context (`{{field}}`, `{{#field}}`, `{{field.x}}`, `{{x.field}}`, `{{#empty(field)}}`;
    /// not in a comment). What a site's own layout written before a value existed does not read,
    /// it does not show: the value's pages (a list it would link to) are then not made, and the
    /// page shows what it used to.
    public func mentions(_ field: String, in layout: String) -> Bool {
        closure(of: layout).contains { fieldNames[$0]?.contains(field) ?? false }
    }

    /// `mentions(_:in:)` for the layout `page` renders with (false when it has none).
    public func mentions(_ field: String, for page: Page) -> Bool {
        guard let layout = layout(for: page, log: DiagnosticLog()) else { return false }
        return mentions(field, in: layout)
    }

    /// The names a tag reads: each part of a dotted name, of a transform's argument
    /// (`empty(procedures)` reads `procedures`); none for a comment, a partial or the context itself.
    static func fieldNames(of tag: TemplateScanner.Tag) -> [String] {
        guard tag.sigil != "!", tag.sigil != ">", tag.sigil != "<" else { return [] }
        var name = Substring(tag.name.trimmingCharacters(in: .whitespaces))
        if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            name = name[name.index(after: open)..<close]
        }
        return name.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A page through its layout from its typed view model; swift-mustache (a layout
    /// `FastTemplate` does not compile) reads the same values as a dictionary.
    func render(_ view: TemplateNode, layout: String) -> String? {
        renderNotingRows(view, layout: layout)?.html
    }

    /// The same from a typed view model, with where its rows are.
    func renderNotingRows(_ view: TemplateNode, layout: String) -> (html: String, rows: RowLayout?)? {
        renderBytes(view, layout: layout).map { (String(decoding: $0.bytes, as: UTF8.self), $0.rows) }
    }

    /// The same as the bytes of the page's file.
    func renderBytes(_ view: TemplateNode, layout: String) -> (bytes: Data, rows: RowLayout?)? {
        renderBytes(FastTemplate.Context(root: view), layout: layout) { library.render(view.dictionary, withTemplate: layout) }
    }

    /// Every template a layout renders with, itself included.
    public func closure(of layout: String) -> Set<String> {
        Self.closure(of: layout, references: references)
    }

    static func closure(of layout: String, references: [String: Set<String>]) -> Set<String> {
        var seen: Set<String> = [layout]
        var pending = [layout]
        while let name = pending.popLast() {
            for next in references[name] ?? [] where seen.insert(next).inserted { pending.append(next) }
        }
        return seen
    }

    public static func load(from folder: URL, displayRoot: String = "templates", log: DiagnosticLog) -> TemplateSet {
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        return load(files: files.map { relative in
            (relative, "\(displayRoot)/\(relative)", { FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) })
        }, log: log)
    }

    /// The templates among `files` (paths under `templates/`, the name diagnostics use, and a
    /// way to read the bytes): the site's folder, or the embedded theme overlaid with it.
    public static func load(files: [(path: String, displayPath: String, read: () -> Data?)], log: DiagnosticLog) -> TemplateSet {
        var library = MustacheLibrary()
        var names = Set<String>()
        var sources: [(name: String, path: String, text: String)] = []
        for file in files where file.path.hasSuffix(".mustache") {
            let relative = file.path, displayPath = file.displayPath
            guard let source = readTemplate(file.read(), displayPath: displayPath, log: log) else { continue }
            let name = String(relative.dropLast(".mustache".count))
            names.insert(name)
            sources.append((name, displayPath, source))
            guard TemplateScanner.checkStructure(source, path: displayPath, log: log) else { continue }
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch let error as MustacheTemplate.ParserError {
                log.report(.error("template.syntax", at: SourceLocation(path: displayPath, line: error.context.lineNumber, column: error.context.columnNumber),
                                  "Mẫu trang viết sai cú pháp Mustache: \(TemplateScanner.explain(error.error)).",
                                  hint: "Kiểm tra các thẻ {{#...}} / {{/...}} ở quanh dòng này."))
            } catch {
                log.report(.error("template.syntax", at: SourceLocation(path: displayPath), "Không đọc được mẫu trang."))
            }
        }
        var references: [String: Set<String>] = [:]
        var compiled: [String: FastTemplate] = [:]
        var fieldNames: [String: Set<String>] = [:]
        for source in sources {
            if library.getTemplate(named: source.name) != nil, let template = try? FastTemplate.compile(source.text) {
                compiled[source.name] = template
            }
            TemplateScanner.checkReferences(source.text, path: source.path, known: names, log: log)
            let tags = TemplateScanner.tags(source.text)
            references[source.name] = Set(tags.filter { $0.sigil == ">" || $0.sigil == "<" }.map(\.name))
            fieldNames[source.name] = Set(tags.flatMap(fieldNames(of:)))
        }
        var set = TemplateSet(library: library, names: names, references: references, compiled: compiled)
        set.fieldNames = fieldNames
        return set
    }

    /// Which layout renders a page: the page's own `bo_cuc`, then a section override
    /// (`layouts/tin-tuc/page`), then the default for its kind (`layouts/page`).
    public func layout(for page: Page, log: DiagnosticLog) -> String? {
        if let custom = page.layout {
            let name = "layouts/" + custom
            if names.contains(name) { return name }
            log.report(.error("template.unknown-layout", at: SourceLocation(path: page.source, line: 2),
                              "Không có bố cục “\(custom)” (tệp templates/\(name).mustache).",
                              hint: "Các bố cục có sẵn: \(names.filter { $0.hasPrefix("layouts/") }.map { String($0.dropFirst(8)) }.sorted().joined(separator: ", "))."))
            return nil
        }
        if let section = page.section, names.contains("layouts/\(section)/\(page.kind.rawValue)") {
            return "layouts/\(section)/\(page.kind.rawValue)"
        }
        let name = "layouts/\(page.kind.rawValue)"
        if names.contains(name) { return name }
        // Without any template the missing folder was already reported once; one line per page would bury it.
        guard !names.isEmpty else { return nil }
        log.report(.error("template.missing", at: SourceLocation(path: "templates/\(name).mustache"),
                          "Thiếu mẫu trang templates/\(name).mustache để dựng các trang loại “\(page.kind.rawValue)”.",
                          hint: "Chép tệp này từ bộ mẫu mặc định của CongKhai."))
        return nil
    }
}

private func readTemplate(_ data: Data?, displayPath: String, log: DiagnosticLog) -> String? {
    guard let data, let text = String(data: data, encoding: .utf8) else {
        log.report(.error("template.encoding", at: SourceLocation(path: displayPath),
                          "Mẫu trang không đọc được dưới dạng văn bản UTF-8.",
                          hint: "Lưu lại tệp với mã hóa UTF-8."))
        return nil
    }
    return text.nfc
}
