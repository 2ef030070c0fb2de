import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an SVG as the XML a browser would read and names the first thing in it that can run
/// code or pull in another document. A text search missed script behind a namespace prefix,
/// in UTF-16, behind an entity or past a size limit; here the whole file is decoded once and
/// the parser sees exactly the text that was checked.
enum SVGInspector {
    enum Problem: Equatable, Sendable {
        case undecodable
        case declarations
        case unparseable(String)
        case element(String)
        case eventAttribute(String)
        case reference(String)
        case processingInstruction(String)

        var vietnamese: String {
            switch self {
            case .undecodable: "không đọc được bảng mã của tệp (chỉ nhận UTF-8, UTF-16 hoặc bảng mã khai trong <?xml ... ?>)"
            case .declarations: "có khai báo <!DOCTYPE> hoặc <!ENTITY>, có thể chèn mã vào hình"
            case let .unparseable(reason): "tệp không phải XML hợp lệ (\(reason))"
            case let .element(name): "có thẻ <\(name)> chạy được mã hoặc nhúng trang khác"
            case let .eventAttribute(name): "có thuộc tính \(name)=... chạy mã khi xem hình"
            case let .reference(value): "có liên kết “\(value)” chạy mã hoặc nhúng dữ liệu"
            case let .processingInstruction(name): "có chỉ thị <?\(name) ...?> nạp tệp khác"
            }
        }
    }

    /// Elements that run script or embed another document, by local name (any prefix).
    static let forbiddenElements: Set<String> = [
        "script", "foreignobject", "handler", "listener", "iframe", "embed", "object", "frame", "frameset", "applet", "base",
    ]

    /// nil when the SVG is a plain drawing.
    static func problem(in data: Data) -> Problem? {
        guard let text = decode(data) else { return .undecodable }
        let body = droppingDeclaration(text)
        let folded = body.lowercased()
        // Checked on the decoded text, so no encoding trick hides them; nothing in a drawing needs them.
        if folded.contains("<!doctype") || folded.contains("<!entity") { return .declarations }
        // `<?xml-stylesheet?>` would apply XSLT (which can write script) to the drawing.
        if let instruction = folded.range(of: "<?") {
            return .processingInstruction(String(folded[instruction.upperBound...].prefix { $0.isLetter || $0 == "-" }))
        }
        let inspector = Inspection()
        let parser = XMLParser(data: Data(body.utf8))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = inspector
        let parsed = parser.parse()
        if let found = inspector.problem { return found }
        // Foundation parses in libxml2's recover mode: a reported error is a failure even when parse() says true.
        guard parsed, parser.parserError == nil, inspector.error == nil else {
            let reason = parser.parserError.map { "dòng \(parser.lineNumber): \(($0 as NSError).code)" } ?? "dòng \(parser.lineNumber)"
            return .unparseable(reason)
        }
        return nil
    }

    /// The whole file as text: a byte-order mark, or the `<` of UTF-16 without one, or the
    /// encoding the XML declaration names; otherwise UTF-8. nil when the bytes do not decode.
    static func decode(_ data: Data) -> String? {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: TextBytes.utf8BOM) { return String(data: TextBytes.droppingBOM(data), encoding: .utf8) }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return nil }
        if bytes.starts(with: [0xFF, 0xFE]) { return String(data: data.dropFirst(2), encoding: .utf16LittleEndian) }
        if bytes.starts(with: [0xFE, 0xFF]) { return String(data: data.dropFirst(2), encoding: .utf16BigEndian) }
        if bytes.count >= 2, bytes[0] != 0, bytes[1] == 0 { return String(data: data, encoding: .utf16LittleEndian) }
        if bytes.count >= 2, bytes[0] == 0, bytes[1] != 0 { return String(data: data, encoding: .utf16BigEndian) }
        let head = String(decoding: data.prefix(200), as: UTF8.self).lowercased()
        if head.hasPrefix("<?xml"), let declared = declaredEncoding(head) {
            switch declared {
            case "utf-8", "utf8", "us-ascii", "ascii": return String(data: data, encoding: .utf8)
            case "iso-8859-1", "latin1", "iso_8859-1": return String(data: data, encoding: .isoLatin1)
            case "windows-1252", "cp1252": return String(data: data, encoding: .windowsCP1252)
            default: return nil
            }
        }
        guard !data.contains(0) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    private static func declaredEncoding(_ head: String) -> String? {
        guard let end = head.range(of: "?>"), let key = head.range(of: "encoding", range: head.startIndex..<end.lowerBound) else { return nil }
        let rest = head[key.upperBound..<end.lowerBound].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// The parser is given UTF-8; an XML declaration naming another encoding would contradict it.
    static func droppingDeclaration(_ text: String) -> String {
        let trimmed = text.drop { $0 == "\u{FEFF}" }
        guard trimmed.hasPrefix("<?xml"), trimmed.dropFirst(5).first?.isWhitespace == true,
              let end = trimmed.range(of: "?>") else { return String(trimmed) }
        return String(trimmed[end.upperBound...])
    }

    /// `javascript:`, `vbscript:` or `data:` once white space and control characters (which
    /// browsers skip inside a URL scheme) are removed.
    static func runnableReference(_ value: String, includingData: Bool) -> Bool {
        let squeezed = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        if squeezed.contains("javascript:") || squeezed.contains("vbscript:") { return true }
        return includingData && squeezed.contains("data:")
    }

    /// `url(...)` in a style names a resource; the same schemes are refused there.
    static func styleReference(_ css: String) -> Bool {
        let squeezed = String(String.UnicodeScalarView(css.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        if squeezed.contains("javascript:") || squeezed.contains("vbscript:") || squeezed.contains("expression(") { return true }
        return squeezed.contains("url(data:") || squeezed.contains("url('data:") || squeezed.contains("url(\"data:") || squeezed.contains("@import")
    }

    private final class Inspection: NSObject, XMLParserDelegate {
        var problem: Problem?
        var error: Error?
        private var styleDepth = 0
        private var styleText = ""

        private func found(_ problem: Problem, _ parser: XMLParser) {
            if self.problem == nil { self.problem = problem }
            parser.abortParsing()
        }

        static func localName(_ qualified: String) -> String {
            String(qualified.split(separator: ":").last ?? Substring(qualified)).lowercased()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let name = Self.localName(elementName)
            if SVGInspector.forbiddenElements.contains(name) { return found(.element(elementName), parser) }
            if name == "style" { styleDepth += 1 }
            for (attribute, value) in attributes {
                let local = Self.localName(attribute)
                if local.hasPrefix("on") { return found(.eventAttribute(attribute), parser) }
                // <set attributeName="onclick" to="..."> would add a handler while the drawing animates.
                if local == "attributename", Self.localName(value.trimmingCharacters(in: .whitespaces)).hasPrefix("on") {
                    return found(.eventAttribute(value), parser)
                }
                let isLink = ["href", "src", "action", "formaction", "from", "to", "values", "by"].contains(local)
                if SVGInspector.runnableReference(value, includingData: isLink) {
                    return found(.reference(String(value.prefix(40))), parser)
                }
                if SVGInspector.styleReference(value), local == "style" || value.lowercased().contains("url(") {
                    return found(.reference(String(value.prefix(40))), parser)
                }
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard Self.localName(elementName) == "style", styleDepth > 0 else { return }
            styleDepth -= 1
            if SVGInspector.styleReference(styleText) { found(.reference("<style>"), parser) }
            styleText = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if styleDepth > 0 { styleText += string }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if styleDepth > 0 { styleText += String(decoding: CDATABlock, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = parseError }
        }

        func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
            found(.processingInstruction(target), parser)
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            found(.declarations, parser)
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            found(.declarations, parser)
        }

        func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?, notationName: String?) {
            found(.declarations, parser)
        }

        func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
            found(.declarations, parser)
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            found(.declarations, parser)
            return nil
        }
    }
}
