@testable import CongKhaiBuild
import CongKhaiModel
@testable import CongKhaiRender
import Foundation
import Testing

@Suite("FastTemplate renders exactly as swift-mustache")
struct FastTemplateTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)!

    func bytes(_ file: OutputFile) -> Data? {
        if case let .bytes(data) = file.body { return data }
        return nil
    }

    @Test func theExampleSiteIsByteIdenticalWithBothEngines() throws {
        var reference = BuildOptions(siteFolder: TestSite.repositoryRoot, asOf: Self.asOf)
        reference.referenceTemplateEngine = true
        let slow = Pipeline.run(reference)
        let fast = Pipeline.run(BuildOptions(siteFolder: TestSite.repositoryRoot, asOf: Self.asOf))
        #expect(fast.errorCount == 0)
        #expect(fast.pageCount > 100)
        #expect(fast.files.map(\.path) == slow.files.map(\.path))
        let slowByPath = Dictionary(slow.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for file in fast.files where file.path.hasSuffix(".html") {
            #expect(bytes(file) == slowByPath[file.path].flatMap(bytes), "\(file.path) differs between the engines")
        }
    }

    @Test func theDefaultThemeCompilesCompletely() {
        let templates = TemplateSet.load(from: TestSite.repositoryRoot.appendingPathComponent("templates"), log: DiagnosticLog())
        #expect(Set(templates.compiled.keys) == templates.names)
    }

    @Test func edgeCasesOfTheTemplateLanguage() throws {
        let site = try TestSite.minimal([
            "templates/layouts/page.mustache": """
            <ul>
              {{#items}}
              <li>{{#first()}}[{{/first()}}{{name}}{{#last()}}]{{/last()}} {{index()}}</li>
              {{/items}}
            </ul>
            {{^none}}không có{{/none}} {{count(items)}} {{#empty(none)}}rỗng{{/empty(none)}}
              {{> partials/thu}}
            {{! chú thích }}
            {{{raw}}} {{&raw}} {{escaped}} {{missing}}{{.missing}}
            {{#nested}}{{inner.value}} {{outer}}{{/nested}}
            """,
            "templates/partials/thu.mustache": "dòng 1\n{{#items}}\n{{name}}\n{{/items}}\n",
            "content/trang.md": "---\ntieu_de: Thử\n---\nNội dung.\n",
        ])
        // Both engines see the same context; only the engine differs.
        let templates = TemplateSet.load(from: site.folder.appendingPathComponent("templates"), log: DiagnosticLog())
        let context: [String: Any] = [
            "items": [["name": "a"], ["name": "<b>"], ["name": "c'"]] as [[String: Any]],
            "none": [[String: Any]](),
            "raw": "<em>x</em>", "escaped": "<em>\"x\" & 'y'</em>",
            "nested": ["inner": ["value": "v"] as [String: Any]] as [String: Any],
            "outer": "ngoài",
        ]
        // Otherwise both answers would come from swift-mustache and the comparison would prove nothing.
        #expect(templates.compiled["layouts/page"] != nil && templates.compiled["partials/thu"] != nil)
        let fast = templates.render(context, layout: "layouts/page")
        let slow = templates.referenceEngineOnly.render(context, layout: "layouts/page")
        #expect(fast != nil)
        #expect(fast == slow)
    }
}
