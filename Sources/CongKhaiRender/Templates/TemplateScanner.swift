import CongKhaiModel
import Mustache

/// What swift-mustache does not report itself: it renders a missing partial as nothing,
/// and reports an unclosed section at the end of the file instead of where it opened.
enum TemplateScanner {
    struct Tag {
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    /// The `{{...}}` tags of a template (default delimiters only), read by `TemplateReader` as
    /// `FastTemplate` reads them, with the line and column where each `{{` is.
    static func tags(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var reader = TemplateReader(text)
        var line = 1
        var column = 1
        var counted = 0
        func count(to end: Int) {
            while counted < end {
                if TemplateReader.isLineEnd(reader.characters[counted]) { line += 1; column = 1 } else { column += 1 }
                counted += 1
            }
        }
        while !reader.atEnd {
            guard reader.read("{{") else {
                reader.position += 1
                continue
            }
            count(to: reader.position - 2)
            if let tag = reader.readTag() {
                tags.append(Tag(sigil: tag.sigil, name: tag.content, line: line, column: column))
            }
        }
        return tags
    }

    /// Sections opened and closed in the right order; false (with a finding) otherwise.
    static func checkStructure(_ text: String, path: String, log: DiagnosticLog) -> Bool {
        var open: [Tag] = []
        var fine = true
        for tag in tags(text) {
            switch tag.sigil {
            case "#", "^", "$", "<":
                open.append(tag)
            case "/":
                if let last = open.last, last.name == tag.name {
                    open.removeLast()
                } else {
                    let expected = open.last.map { "“{{/\($0.name)}}” (mở ở dòng \($0.line))" } ?? "không có thẻ nào đang mở"
                    log.report(.error("template.section-mismatch", at: SourceLocation(path: path, line: tag.line, column: tag.column),
                                      "Thẻ đóng “{{/\(tag.name)}}” không khớp; đang chờ \(expected).",
                                      hint: "Mỗi {{#ten}} hay {{^ten}} cần đúng một {{/ten}} cùng tên."))
                    fine = false
                }
            default:
                continue
            }
        }
        for tag in open {
            log.report(.error("template.unclosed", at: SourceLocation(path: path, line: tag.line, column: tag.column),
                              "Thẻ “{{\(tag.sigil.map(String.init) ?? "")\(tag.name)}}” mở ở đây nhưng không được đóng.",
                              hint: "Thêm “{{/\(tag.name)}}” ở chỗ phần này kết thúc."))
            fine = false
        }
        return fine
    }

    /// Every partial and parent a template names must exist.
    static func checkReferences(_ text: String, path: String, known: Set<String>, log: DiagnosticLog) {
        for tag in tags(text) where tag.sigil == ">" || tag.sigil == "<" {
            guard !known.contains(tag.name) else { continue }
            let near = NearMiss.closest(to: tag.name, among: known.sorted())
            log.report(.error("template.unknown-partial", at: SourceLocation(path: path, line: tag.line, column: tag.column),
                              "Mẫu con “\(tag.name)” không tồn tại (không có tệp templates/\(tag.name).mustache).",
                              hint: near.map { "Có phải ý bạn là “\($0)”?" } ?? "Tạo tệp đó hoặc sửa tên trong thẻ."))
        }
    }

    static func explain(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "thẻ đóng không cùng tên với thẻ mở"
        case .unfinishedName?: return "thẻ chưa đóng bằng “}}”"
        case .expectedSectionEnd?: return "thiếu thẻ đóng của một phần"
        case .invalidSetDelimiter?: return "thẻ đổi dấu phân cách viết sai"
        case .textInsideInheritSection?, .illegalTokenInsideInheritSection?: return "trong phần kế thừa {{<...}} chỉ được có các khối {{$...}}"
        default: return "cấu trúc thẻ không đúng"
        }
    }
}
