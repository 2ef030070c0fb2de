import CCmarkGFM
import Foundation

/// A link or image target found in Markdown, with the line it is on (counted from the
/// start of the Markdown text, 1-based).
public struct MarkdownReference: Sendable, Equatable {
    public var url: String
    public var line: Int
    public var isImage: Bool
}

/// What rendering produced: HTML and what the editor should hear about.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// Lines where raw HTML was written but dropped because the page does not allow it.
    public var droppedHTMLLines: [Int]
}

/// Markdown to HTML with cmark-gfm: GitHub tables, strikethrough, autolinks, task lists
/// and footnotes. Raw HTML is dropped unless the page explicitly allows it. Tables come out
/// accessible (`scope="col"`, classes instead of the deprecated `align=`).
public enum MarkdownRenderer {
    /// cmark-gfm's registry has no lock: register once, lazily and thread-safely.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// `rewrite` sees every link and image target and returns the URL to publish
    /// (or nil to keep it); it is where internal links are resolved and checked.
    public static func render(
        _ markdown: String,
        allowRawHTML: Bool = false,
        rewrite: (MarkdownReference) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        _ = registered
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", droppedHTMLLines: []) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "", droppedHTMLLines: []) }
        defer { cmark_node_free(document) }
        let dropped = walk(document, allowRawHTML: allowRawHTML, rewrite: rewrite)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", droppedHTMLLines: dropped)
        }
        defer { free(rendered) }
        // Polished and labelled as bytes straight from cmark's buffer: one String made, at the end
        // (repairing any invalid UTF-8 as `String(cString:)` did; every pattern is ASCII).
        let source = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
        let html = TableLabels.apply(HTMLPolish.apply(source))
        return RenderedMarkdown(html: String(decoding: html, as: UTF8.self), droppedHTMLLines: dropped)
    }

    private static func walk(_ document: OpaquePointer, allowRawHTML: Bool, rewrite: (MarkdownReference) -> String?) -> [Int] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var dropped: [Int] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let reference = MarkdownReference(url: url, line: line(of: node), isImage: type == CMARK_NODE_IMAGE)
                if let replacement = rewrite(reference), replacement != url {
                    cmark_node_set_url(node, replacement)
                }
            } else if !allowRawHTML, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                dropped.append(line(of: node))
            }
        }
        return dropped
    }

    /// Inline nodes often carry no position; the nearest block that has one is close enough.
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 1
    }
}

/// Small textual fixes on cmark-gfm's HTML. Content text is escaped by then
/// (`"` becomes `&quot;`), so these patterns can only match markup cmark wrote.
enum HTMLPolish {
    static let replacements: [(String, String)] = [
        // A wide table scrolls inside its own box on a phone; the box must be reachable by keyboard.
        ("<table>", "<div class=\"table-wrap\" role=\"region\" aria-label=\"Bảng\" tabindex=\"0\">\n<table>"),
        ("</table>", "</table>\n</div>"),
        ("<th align=\"left\">", "<th scope=\"col\" class=\"align-left\">"),
        ("<th align=\"center\">", "<th scope=\"col\" class=\"align-center\">"),
        ("<th align=\"right\">", "<th scope=\"col\" class=\"align-right\">"),
        ("<th>", "<th scope=\"col\">"),
        ("<td align=\"left\">", "<td class=\"align-left\">"),
        ("<td align=\"center\">", "<td class=\"align-center\">"),
        ("<td align=\"right\">", "<td class=\"align-right\">"),
        ("aria-label=\"Back to reference ", "aria-label=\"Quay lại chỗ chú thích "),
        ("<section class=\"footnotes\" data-footnotes>", "<section class=\"footnotes\" data-footnotes aria-label=\"Chú thích\">"),
        ("<li><input type=\"checkbox\" disabled=\"\" /> ", "<li class=\"task\"><input type=\"checkbox\" disabled=\"\" aria-label=\"Chưa xong\" /> "),
        ("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> ", "<li class=\"task\"><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Đã xong\" /> "),
    ]

    private static let patterns: [(from: [UInt8], to: [UInt8])] = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// One pass over the bytes: every pattern starts with `<` or `a`, so other bytes are copied
    /// straight through. (Foundation's replacingOccurrences was a quarter of the build time.)
    static func apply(_ html: String) -> String {
        var html = html
        return html.withUTF8 { String(decoding: apply($0), as: UTF8.self) }
    }

    /// Unchanged runs are copied whole, not byte by byte.
    static func apply(_ source: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(source.count + source.count / 8)
        var index = 0
        var copied = 0
        let count = source.count
        scan: while index < count {
            let byte = source[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "a") {
                for pattern in patterns where pattern.from[0] == byte && count - index >= pattern.from.count {
                    if matches(pattern.from, in: source, at: index) {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<index]))
                        output.append(contentsOf: pattern.to)
                        index += pattern.from.count
                        copied = index
                        continue scan
                    }
                }
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<count]))
        return output
    }

    private static func matches(_ pattern: [UInt8], in source: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        for offset in 1..<pattern.count where source[start + offset] != pattern[offset] { return false }
        return true
    }
}
