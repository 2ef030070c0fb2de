import CongKhaiLoad
import CongKhaiMarkdown
import FuzzSupport

/// The cmark-gfm wrapper, with and without raw HTML. The rewrite hook hands back a hostile URL
/// for every other link: in safe mode no `<script` may reach the HTML, whatever the input.
@main
enum Target {
    static func main() { FuzzDriver.run { start, count in fuzzMarkdown(start, count) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let source = FuzzInput.decode(FuzzInput.bytes(start, count), path: "content/tin-tuc/fuzz.md") else { return 0 }
    let lineCount = Oracle.lineCount(source.text)
    for allowRawHTML in [false, true] {
        var seen = 0
        let rendered = MarkdownRenderer.render(source.text, allowRawHTML: allowRawHTML) { reference in
            Oracle.require((1...lineCount).contains(reference.line), "link on line \(reference.line) of \(lineCount)")
            seen += 1
            return seen % 2 == 0 ? "/\"><script>alert(1)</script>/" : nil
        }
        Oracle.require(rendered.droppedHTMLLines.allSatisfy { (1...lineCount).contains($0) }, "dropped HTML line outside the text")
        if !allowRawHTML {
            Oracle.require(!rendered.html.lowercased().contains("<script"), "a script element reached safe-mode HTML")
        }
    }
    return 0
}
