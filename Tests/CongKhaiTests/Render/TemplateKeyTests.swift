@testable import CongKhaiRender
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

    static func view() -> PageView {
        let page = PageValues(title: "Trang", contentHTML: "", kind: .page, address: "a/", description: nil, author: nil, date: nil,
                              updated: nil, sectionTitle: nil)
        return PageView(root: "../", site: ObjectNode(["ten": "Xã A", "khoa_rieng": "của site"]), page: page, nav: [], breadcrumbs: [],
                        children: nil, latestNews: nil, quickLinks: nil, datasets: nil)
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
}
