@testable import CongKhaiBuild
import CongKhaiModel
@testable import CongKhaiRender
import Foundation
import Testing

/// Pages render from typed view models (`TemplateNode`); a template that only swift-mustache
/// renders, and any code reading a context, get the same values as a dictionary. Whatever
/// template a site writes, the typed path must give the bytes the dictionary gives.
@Suite("Typed view models render as their dictionaries do")
struct TypedContextTests {
    /// A site's own procedure templates: sections, inverted sections, a site partial, dotted
    /// names, list transforms, keys from the enclosing contexts and keys nothing has.
    static let procedureLayout = """
    {{> partials/page-start}}
    <p>{{site.ten}} · {{page.title}} · {{page.kind}} · {{#page.is_home}}home{{/page.is_home}}{{^page.is_home}}not home{{/page.is_home}}</p>
    {{#procedure}}
    <h1>{{name}} ({{code}})</h1>
      {{> partials/dong-thu-tuc}}
    <p>{{count(channels)}} kênh; {{#empty(forms)}}không mẫu{{/empty(forms)}}{{^empty(forms)}}{{count(forms)}} mẫu{{/empty(forms)}}</p>
    {{#channels}}{{#first()}}<ul>{{/first()}}<li>{{index()}} {{label}}: {{#fee}}{{fee}}{{/fee}}{{^fee}}{{fee_summary}}{{/fee}} / {{deadline}}</li>{{#last()}}</ul>{{/last()}}{{/channels}}
    {{#legal_basis}}<p>{{number}}{{#title}} – {{title}}{{/title}} {{date_text}} {{issuer}} {{site.ten_ngan}} {{root}}</p>{{/legal_basis}}
    {{#forms}}<a href="{{href}}">{{title}}</a>{{/forms}}
    {{#fees}}<p>{{id}} {{name}} {{href}} {{#rates}}{{amount_text}}{{#condition}} ({{condition}}){{/condition}}{{/rates}} {{procedure_count}}</p>{{/fees}}
    {{#publication}}{{number}} {{issuer}}{{/publication}}{{^publication}}chưa công bố{{/publication}}
    {{khong_co_khoa_nay}}{{#khong_co}}có{{/khong_co}}{{^khong_co}}không có{{/khong_co}} {{is_free}} {{online_url}}
    {{#first(channels)}}{{label}}{{/first(channels)}} {{#level_label}}{{level_label}} {{level_slug}}{{/level_label}}{{^level}}không cấp{{/level}}
    {{/procedure}}
    {{procedure.name}} {{procedure.field_href}} {{#procedure.publication}}{{procedure.publication.number}}{{/procedure.publication}}
    {{#nav}}{{#current}}*{{/current}}{{title}}|{{/nav}} {{#breadcrumbs}}{{title}}>{{/breadcrumbs}} {{page.updated_text}} {{page.section_title}}
    {{#search}}{{index_href}}{{/search}} {{#print_edition}}{{href}}{{/print_edition}} {{#print}}{{heading}} {{subject}} {{posting.summary}}{{/print}}
    {{> partials/page-end}}
    """

    static let partial = """
    <dl>
    {{#field}}<dt>Lĩnh vực</dt><dd><a href="{{field_href}}">{{field}}</a> {{href}}</dd>{{/field}}
    {{^deadline_text}}<dd>{{#deadline}}{{deadline}}{{/deadline}}{{^deadline}}Chưa cập nhật{{/deadline}}</dd>{{/deadline_text}}
    </dl>
    """

    /// The example site with its procedure layouts (web and notice board) replaced by the site's own.
    static func build() throws -> (SiteBuild, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typed-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent("templates"), to: folder)
        for layout in ["layouts/thu-tuc.mustache", "layouts/in/thu-tuc.mustache"] {
            try Data(procedureLayout.utf8).write(to: folder.appendingPathComponent(layout))
        }
        try Data(partial.utf8).write(to: folder.appendingPathComponent("partials/dong-thu-tuc.mustache"))
        var options = BuildOptions(siteFolder: TestSite.repositoryRoot, asOf: CalendarDate(year: 2026, month: 11, day: 23)!)
        options.templatesFolder = folder
        return (SiteBuild(options: options), folder)
    }

    @Test func aSiteProcedureTemplateRendersTheSameTypedAndFromTheDictionary() throws {
        let (build, folder) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = build.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        let renderer = try #require(build.renderer)
        let templates = renderer.templates
        // Otherwise both sides would come from swift-mustache and prove nothing about the typed path.
        #expect(templates.fastLayouts.contains("layouts/thu-tuc") && templates.fastLayouts.contains("layouts/in/thu-tuc"))
        let procedures = (build.content?.pages ?? []).filter { $0.kind == .procedure }
        #expect(procedures.count > 5)
        for web in procedures {
            var edition = web
            edition.path = try #require(PrintEdition.path(for: web))
            for (page, layout) in [(web, "layouts/thu-tuc"), (edition, "layouts/in/thu-tuc")] {
                let view = renderer.builder.view(for: page, bodyHTML: "<p>Nội dung &amp; thân bài</p>")
                view.merge(PrintEdition.links(for: page, withPDF: false))
                view.set("print", renderer.printValues(web: web, printPath: edition.path, header: renderer.noticeHeader))
                let typed = try #require(templates.render(view, layout: layout))
                let generic = templates.render(view.dictionary, layout: layout)
                let reference = templates.referenceEngineOnly.render(view.dictionary, layout: layout)
                #expect(typed == generic, "\(page.path): the typed view and its dictionary differ")
                #expect(typed == reference, "\(page.path): FastTemplate and swift-mustache differ")
                #expect(typed.contains(MarkupEscape.text(web.title)))
            }
        }
    }

    @Test func aSiteProcedureTemplateBuildsTheSameWithEitherEngine() throws {
        let (fastBuild, folder) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = fastBuild.options
        options.referenceTemplateEngine = true
        let fast = fastBuild.build()
        let slow = SiteBuild(options: options).build()
        #expect(fast.errorCount == 0)
        #expect(fast.files.map(\.path) == slow.files.map(\.path))
        let slowByPath = Dictionary(slow.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        for file in fast.files where file.path.hasPrefix("thu-tuc/") || file.path.hasPrefix("in/thu-tuc-") {
            guard case let .bytes(mine) = file.body, case let .bytes(theirs)? = slowByPath[file.path]?.body else { continue }
            #expect(mine == theirs, "\(file.path) differs between the engines")
            compared += 1
        }
        #expect(compared > 10)
    }

    @Test func aWebPageAndItsEditionShareTheProcedureFacts() throws {
        let (build, folder) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        build.build()
        let renderer = try #require(build.renderer)
        let web = try #require(build.content?.pages.first { $0.kind == .procedure })
        var edition = web
        edition.path = try #require(PrintEdition.path(for: web))
        let shared = SharedViews()
        let webView = renderer.builder.view(for: web, bodyHTML: "", shared: shared)
        let editionView = renderer.builder.view(for: edition, bodyHTML: "", shared: shared)
        guard case let .node(webProcedure as ProcedureView)? = webView.child("procedure"),
              case let .node(editionProcedure as ProcedureView)? = editionView.child("procedure") else {
            Issue.record("a procedure page has no typed procedure")
            return
        }
        #expect(webProcedure.facts === editionProcedure.facts)
        // Links stay relative to each page's own folder.
        #expect(webProcedure.child("field_href").map { "\($0.any)" } != editionProcedure.child("field_href").map { "\($0.any)" })
        let alone = renderer.builder.view(for: edition, bodyHTML: "")
        guard case let .node(other as ProcedureView)? = alone.child("procedure") else { return }
        #expect(other.facts !== webProcedure.facts)
    }

    /// The typed view says what the procedure's dictionary said before it (docs/templates.md):
    /// checked against the model, not against the view's own dictionary.
    @Test func aProcedureViewAnswersFromTheProcedureWithLinksFromItsPage() throws {
        let (build, folder) = try Self.build()
        defer { try? FileManager.default.removeItem(at: folder) }
        build.build()
        let renderer = try #require(build.renderer)
        let web = try #require(build.content?.pages.first { $0.path == "thu-tuc/ho-tich/1.000656/" })
        guard case let .procedure(procedure) = web.data else {
            Issue.record("not a procedure page")
            return
        }
        let view = renderer.builder.view(for: web, bodyHTML: "")
        let values = try #require(view.dictionary["procedure"] as? [String: Any])
        #expect(values["code"] as? String == "1.000656")
        #expect(values["name"] as? String == "Thủ tục đăng ký khai tử")
        #expect(values["field"] as? String == "Hộ tịch")
        #expect(values["level"] as? String == "Cấp xã")
        #expect(values["href"] as? String == "../../../thu-tuc/ho-tich/1.000656/index.html")
        #expect(values["field_href"] as? String == "../../../thu-tuc/ho-tich/index.html")
        #expect(values["level_slug"] as? String == procedure.onlineLevel?.slug)
        #expect(values["is_free"] as? Bool == procedure.isFree)
        #expect((values["legal_basis"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == procedure.legalBasis.map(\.number))
        let forms = try #require(values["forms"] as? [[String: Any]])
        #expect(forms.first?["title"] as? String == "Tờ khai đăng ký khai tử")
        #expect((forms.first?["href"] as? String)?.hasPrefix("../../../thu-tuc/ho-tich/") == true)
        #expect((values["channels"] as? [[String: Any]])?.count == procedure.channels.count)
        // Keys the procedure does not have are absent, so a template's lookup goes on outward.
        #expect(values["partial_reason"] == nil)
        #expect(values["publication"] == nil || procedure.publication != nil)
        #expect(Set(values.keys).isSubset(of: Set(ProcedureView.allKeys)))
        // The page's own keys are where the templates read them.
        let page = try #require(view.dictionary["page"] as? [String: Any])
        #expect(page["title"] as? String == web.title)
        #expect(page["kind"] as? String == "thu-tuc")
        #expect((view.dictionary["breadcrumbs"] as? [[String: Any]])?.last?["current"] as? Bool == true)
        #expect(view.dictionary["root"] as? String == "../../../")
    }
}
