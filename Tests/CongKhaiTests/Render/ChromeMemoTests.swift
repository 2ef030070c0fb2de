@testable import CongKhaiBuild
import CongKhaiModel
@testable import CongKhaiRender
import Foundation
import Testing

/// The page chrome (header, menu, footer) is rendered once per distinct set of values it reads
/// and copied (`PartialMemo`): every page must come out as if each partial were rendered on it,
/// at any folder depth, in any section, and with a site's own partials that read more of the page.
@Suite("Page chrome kept across pages")
struct ChromeMemoTests {
    static func build(overriding files: [String: String] = [:]) throws -> (SiteBuild, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chrome-memo-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent("templates"), to: folder)
        for (path, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(path)) }
        var options = BuildOptions(siteFolder: TestSite.repositoryRoot, asOf: CalendarDate(year: 2026, month: 11, day: 23)!)
        options.templatesFolder = folder
        return (SiteBuild(options: options), folder)
    }

    /// Every web page and notice-board edition of the example site rendered twice with the chrome
    /// kept (the second time from kept bytes) and once rendering every partial; returns how many.
    static func compareEveryPage(_ build: SiteBuild) throws -> (pages: Int, hits: Int) {
        let result = build.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        let renderer = try #require(build.renderer)
        let kept = renderer.templates
        let every = kept.renderingEveryPartial
        #expect(kept.memo != nil && every.memo == nil)
        var compared = 0
        var depths = Set<Int>()
        for web in build.content?.pages ?? [] where web.kind != .notFound {
            var renders: [(page: Page, layout: String, view: () -> PageView)] = []
            if let layout = kept.layout(for: web, log: DiagnosticLog()) {
                renders.append((web, layout, {
                    let view = renderer.builder.view(for: web, bodyHTML: "<p>Thân bài</p>")
                    if let links = PrintEdition.linksNode(for: web, withPDF: false) { view.set(.printEdition, .node(links)) }
                    return view
                }))
            }
            if let printPath = PrintEdition.path(for: web), !web.kind.isSheetOnly, kept.names.contains("layouts/in/" + web.kind.rawValue) {
                var edition = web
                edition.path = printPath
                renders.append((edition, "layouts/in/" + web.kind.rawValue, {
                    let view = renderer.builder.view(for: edition, bodyHTML: "<p>Thân bài</p>")
                    view.set(.printValues, .node(renderer.printValues(web: web, printPath: printPath, header: renderer.noticeHeader)))
                    return view
                }))
            }
            for render in renders {
                let expected = every.render(render.view(), layout: render.layout)
                for _ in 0..<2 {
                    #expect(kept.render(render.view(), layout: render.layout) == expected, "\(render.page.path) (\(render.layout))")
                }
                depths.insert(RelativeURL.root(from: render.page.path).count / 3)
                compared += 1
            }
        }
        #expect(depths.count >= 3, "pages at several folder depths")
        return (compared, kept.memo?.hitCount ?? 0)
    }

    @Test func theThemesPagesAreTheSameWithTheChromeKept() throws {
        let (build, folder) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pages, hits) = try Self.compareEveryPage(build)
        #expect(pages > 100)
        // The header and footer repeat on nearly every page: kept bytes were used.
        #expect(hits > pages)
    }

    /// A site's header that reads the page's own breadcrumbs and print link (kept per page,
    /// so rarely reused), a footer reading the page's title (never kept: a page's values are not
    /// compared), and a partial reading the root frame itself (never kept).
    @Test func aSitesOwnChromeReadingThePageIsTheSameWithTheChromeKept() throws {
        let header = """
        <header><a href="{{root}}index.html">{{site.ten}}</a>|{{#breadcrumbs}}{{title}}>{{href}}{{#last()}}.{{/last()}}{{/breadcrumbs}}|{{#print_edition}}{{href}}{{/print_edition}}|{{#search}}{{index_href}}{{/search}}
        {{#nav}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{/nav}}</header>
        """
        let footer = """
        <footer>{{page.title}} {{site.ten}} {{#page}}{{kind}}{{/page}}{{> partials/contact-lines}}{{> partials/dong-rieng}}</footer>
        """
        let own = "{{#.}}<i>{{root}}</i>{{/.}}{{#site}}{{ten_ngan}}{{.}}{{/site}}"
        let (build, folder) = try Self.build(overriding: ["partials/header.mustache": header, "partials/footer.mustache": footer,
                                                          "partials/dong-rieng.mustache": own])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pages, _) = try Self.compareEveryPage(build)
        #expect(pages > 100)
    }

    @Test func aPartialThatMayReadTheRootFrameHasNoPlan() throws {
        let partials = try [
            "goc": FastTemplate.compile("{{.}}"),
            "trong-muc": FastTemplate.compile("{{#site}}{{.}}{{ten}}{{/site}}{{#nav}}{{first()}}{{/nav}}"),
            "goi-goc": FastTemplate.compile("{{root}}{{> goc}}"),
            "goi-trong-muc": FastTemplate.compile("{{root}}{{#site}}{{> goc}}{{/site}}{{> thieu}}"),
        ]
        let memo = PartialMemo(partials: partials)
        #expect(memo.plans["goc"] == nil)
        #expect(memo.plans["goi-goc"] == nil)
        // `ten` inside the section is looked up on the stack too, so it may reach the root.
        #expect(memo.plans["trong-muc"]?.map(\.name) == ["site", "ten", "nav"])
        #expect(memo.plans["goi-trong-muc"]?.map(\.name) == ["root", "site"])
    }
}
