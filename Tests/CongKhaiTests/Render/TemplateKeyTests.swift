@testable import CongKhaiRender
import Synchronization
import Testing

/// Compiled templates name keys as `TemplateKey`s; a name that is not one (a unit's own value,
/// a site template's) must still be found by its text, at the same place in the lookup.
@Suite("Template keys")
struct TemplateKeyTests {
    @Test func everyKeyIsFoundByItsName() {
        for key in TemplateKey.allCases { #expect(TemplateKey.named(key.rawValue) == key) }
        #expect(TemplateKey.named("khong_co") == nil)
        #expect(TemplateKey.printValues.rawValue == "print")
    }

    static func view(children: (@Sendable () -> [TemplateNode])? = nil) -> PageView {
        let page = PageValues(title: "Trang", contentHTML: "", kind: .page, address: "a/", description: nil, author: nil, date: nil,
                              updated: nil, sectionTitle: nil)
        return PageView(root: "../", site: ObjectNode(["ten": "Xã A", "khoa_rieng": "của site"]), page: page, nav: [], breadcrumbs: [],
                        children: children, latestNews: nil, quickLinks: nil, datasets: nil)
    }

    @Test func namesOutsideTheEnumAreFoundByTextAndLaterValuesWin() throws {
        let view = Self.view()
        view.merge(["bang_rieng": "một", "root": "thay"])
        view.set(.search, .node(FieldsNode([(.indexHref, .text("tim.js"))])))
        view.merge(["bang_rieng": "hai"])
        let template = try FastTemplate.compile("""
        {{bang_rieng}}|{{root}}|{{search.index_href}}|{{#search}}{{index_href}}{{bang_rieng}}{{/search}}|{{page.title}}|{{site.khoa_rieng}}|{{khong_co}}|{{#page}}{{ten}}{{title}}{{/page}}
        """)
        var context = FastTemplate.Context(root: view)
        var out = ""
        template.render(&context, partials: [:], into: &out)
        #expect(out == "hai|thay|tim.js|tim.jshai|Trang|của site||Trang")
        // The dictionary (swift-mustache's path) holds the same.
        #expect(view.dictionary["bang_rieng"] as? String == "hai")
        #expect((view.dictionary["search"] as? [String: Any])?["index_href"] as? String == "tim.js")
        #expect(view.child("root").map { "\($0.any)" } == "thay")
    }

    /// Every page of a split catalogue list has the whole list as children: they are made only
    /// for a template that shows them, and once however often it reads them.
    @Test func childrenAreMadeOnlyWhenATemplateReadsThem() throws {
        let made = Mutex(0)
        let view = Self.view(children: {
            made.withLock { $0 += 1 }
            return [PageEntry(title: "Con", href: "con/index.html", description: nil, date: nil)]
        })
        var out = ""
        var context = FastTemplate.Context(root: view)
        try FastTemplate.compile("{{page.title}}|{{root}}").render(&context, partials: [:], into: &out)
        #expect(out == "Trang|../")
        #expect(made.withLock { $0 } == 0)
        out = ""
        context = FastTemplate.Context(root: view)
        try FastTemplate.compile("{{#children}}{{title}} {{href}}{{/children}}|{{#children}}{{title}}{{/children}}").render(&context, partials: [:], into: &out)
        #expect(out == "Con con/index.html|Con")
        #expect(made.withLock { $0 } == 1)
        #expect((view.dictionary["children"] as? [[String: Any]])?.first?["title"] as? String == "Con")
        #expect(made.withLock { $0 } == 1)
        // A page without children has no key, as the dictionary it replaced.
        #expect(Self.view().dictionary["children"] == nil)
    }
}
