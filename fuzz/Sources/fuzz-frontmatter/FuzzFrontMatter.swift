@testable import CongKhaiLoad
import CongKhaiModel
import FuzzSupport

/// Front matter splitting, then every loader that opens front matter (pages, procedures,
/// reform reports, other disclosures) on the same text.
@main
enum Target {
    static func main() { FuzzDriver.run { start, count in fuzzFrontMatter(start, count) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let path = "content/thu-tuc/ho-tich/fuzz.md"
    guard let source = FuzzInput.decode(FuzzInput.bytes(start, count), path: path) else { return 0 }
    let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
    if let parts = FrontMatter.split(source.text) {
        if parts.hasFrontMatter {
            let bodyLines = parts.body.split(separator: "\n", omittingEmptySubsequences: false)
            // A file that ends on its closing fence has an empty body on the line after it.
            let endsOnFence = parts.body.isEmpty && !source.text.hasSuffix("\n")
            Oracle.require(parts.bodyLine - 1 + bodyLines.count == lines.count + (endsOnFence ? 1 : 0),
                           "bodyLine \(parts.bodyLine) does not count the lines above the body")
            Oracle.require(lines[parts.bodyLine - 2].trimmingWhitespace() == "---" || lines[parts.bodyLine - 2].trimmingWhitespace() == "...",
                           "the line above the body is not the closing fence")
            Oracle.require(parts.yaml.isEmpty || lines[parts.yamlLine - 1] == parts.yaml.split(separator: "\n", omittingEmptySubsequences: false)[0],
                           "yamlLine does not point at the first YAML line")
        } else {
            Oracle.require(parts.body == source.text && parts.bodyLine == 1, "a file without front matter lost text")
        }
    }
    let log = DiagnosticLog()
    _ = PageLoader.load(source, path: "fuzz/", kind: .page, log: log)
    _ = ProcedureLoader.load(source, fieldSlug: "ho-tich", log: log)
    _ = ReformReportLoader.load(source, log: log)
    _ = DisclosureLoader.load(source, log: log)
    Oracle.check(log, paths: [path], lineCount: Oracle.lineCount(source.text))
    return 0
}
