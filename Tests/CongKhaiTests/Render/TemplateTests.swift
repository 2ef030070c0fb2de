import CongKhaiModel
import Testing

@Suite("Templates: errors at the template's file and line, overrides without Swift")
struct TemplateTests {
    @Test func unknownPartialIsReported() throws {
        let site = try TestSite.minimal()
        try site.write("templates/layouts/page.mustache", "{{<layouts/base}}{{$main}}\n{{> partials/khong-co}}\n{{/main}}{{/layouts/base}}")
        let found = site.build().diagnostics("template.unknown-partial")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: "templates/layouts/page.mustache", line: 2, column: 1))
    }

    @Test func unclosedSectionIsReportedWhereItOpens() throws {
        let site = try TestSite.minimal()
        try site.write("templates/partials/footer.mustache", "<footer>\n{{#site.email}}\n<p>{{site.email}}</p>\n</footer>\n")
        let found = site.build().diagnostics("template.unclosed")
        #expect(found.count == 1)
        #expect(found.first?.location.path == "templates/partials/footer.mustache")
        #expect(found.first?.location.line == 2)
    }

    @Test func missingLayoutIsReported() throws {
        let site = try TestSite.minimal(["content/a.md": "---\ntieu_de: A\nbo_cuc: khong-co\n---\n"])
        let found = site.build().diagnostics("template.unknown-layout")
        #expect(found.map(\.location.path) == ["content/a.md"])
    }

    @Test func sectionLayoutOverridesTheDefault() throws {
        let site = try TestSite.minimal([
            "content/van-ban/_index.md": "---\ntieu_de: Văn bản\n---\n",
            "content/van-ban/a.md": "---\ntieu_de: A\n---\n",
            "templates/layouts/van-ban/page.mustache": "<p>Bố cục riêng: {{page.title}}</p>",
        ])
        let result = site.build()
        #expect(result.text(of: "van-ban/a/index.html") == "<p>Bố cục riêng: A</p>")
    }
}
