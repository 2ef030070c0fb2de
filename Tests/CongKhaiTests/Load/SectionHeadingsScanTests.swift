@testable import CongKhaiLoad
import Testing

/// `SectionHeadings.all` looks only at lines whose bytes may matter: it must find what feeding
/// every line to `heading` finds.
@Suite("Section headings: only the lines that can matter")
struct SectionHeadingsScanTests {
    static func everyLine(_ body: String) -> [String] {
        var scanner = SectionHeadings()
        return body.utf8.split(separator: UInt8(ascii: "\n")).compactMap { scanner.heading(Substring($0)) }
    }

    @Test(arguments: [
        "## Trình tự thực hiện\n\n1. Bước\n## Cách thức\n",
        "```\n## trong rào\n```\n## ngoài rào",
        "   ```\n## trong\n   ```\n## sau",
        "    ```\n## không phải rào\n",
        "~~~~\n## trong\n~~~\n## vẫn trong\n~~~~\n## sau\n",
        "``` swift\n## trong\n```   \n## sau",
        "##x\n## \n##\u{301} dấu\n## \u{301}a\n#\n",
        "`\u{301}``\n## rào có dấu\n",
        " \u{301}```\n## sau dấu cách có dấu\n",
        "\n\n\n", "", "## a", "## a\r\n## b\r\n",
    ])
    func findsWhatEveryLineFinds(_ body: String) {
        #expect(SectionHeadings.all(in: body) == Self.everyLine(body))
    }
}
