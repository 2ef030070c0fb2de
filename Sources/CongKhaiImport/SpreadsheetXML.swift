import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One part of a workbook read as a stream of elements with Foundation's `XMLParser` over an
/// `InputStream`: fed in chunks, libxml2 reads parts of any size (a whole buffer over ~10 MB
/// hits its default limit and fails at the end), builds no tree, and nesting deeper than
/// SpreadsheetML ever goes is refused before it can cost anything.
final class SpreadsheetXML: NSObject, XMLParserDelegate {
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    enum Problem: Error {
        case malformed
        case tooDeep
        case doctype
        /// Thrown by a handler to stop reading; passed on unchanged.
        case handler(Error)
    }

    /// SpreadsheetML needs about ten levels (`worksheet/sheetData/row/c/is/r/t` plus extensions).
    static let maximumDepth = 64

    private let handle: (Event) throws -> Void
    private var depth = 0
    private var problem: Problem?
    private weak var parser: XMLParser?

    private init(handle: @escaping (Event) throws -> Void) {
        self.handle = handle
    }

    /// Calls `handle` for every element start, end and text run, in document order.
    static func read(_ data: Data, handle: @escaping (Event) throws -> Void) throws {
        // A part with a DTD is not from a spreadsheet program, and entities are how XML bombs work.
        if declaresDoctype(data) { throw Problem.doctype }
        let reader = SpreadsheetXML(handle: handle)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        reader.parser = parser
        let finished = parser.parse()
        if let problem = reader.problem { throw problem }
        if !finished { throw Problem.malformed }
    }

    /// `<!DOCTYPE` before the first element.
    static func declaresDoctype(_ data: Data) -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        var index = data.startIndex
        while index < data.endIndex {
            guard data[index] == UInt8(ascii: "<") else { index += 1; continue }
            let next = data.index(after: index)
            guard next < data.endIndex else { return false }
            if data[next] == UInt8(ascii: "!"), data[index...].starts(with: marker) { return true }
            if data[next] != UInt8(ascii: "?"), data[next] != UInt8(ascii: "!") { return false }
            index = next
        }
        return false
    }

    private func stop(_ problem: Problem) {
        if self.problem == nil { self.problem = problem }
        parser?.abortParsing()
    }

    private func deliver(_ event: Event) {
        guard problem == nil else { return }
        do {
            try handle(event)
        } catch {
            stop(.handler(error))
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        depth += 1
        guard depth <= Self.maximumDepth else { return stop(.tooDeep) }
        deliver(.start(elementName, attributeDict))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        deliver(.end(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        deliver(.text(string))
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        deliver(.text(String(decoding: CDATABlock, as: UTF8.self)))
    }
}
