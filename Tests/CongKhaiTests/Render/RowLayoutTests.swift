import CongKhaiModel
@testable import CongKhaiRender
import Foundation
import Testing

/// `RowLayout`: one row of a rendered list made again (and moved) in the page's bytes must give
/// the bytes a render of the whole page with the new list gives, whatever the row reads: its
/// position (`first()`, `last()`, `index()`, `even()`), values from outside the row, a key some
/// rows lack (found outside), a partial. A list it cannot follow (in an indented partial) is
/// marked, and nothing is spliced.
@Suite("RowLayout: a row put in place gives the page a whole render gives")
struct RowLayoutTests {
    static let templates = TemplateSet.load(files: [
        ("layouts/list.mustache", "templates/layouts/list.mustache", {
            Data("""
            <h1>{{title}}</h1>
            {{#groups}}
            <ul data-group="{{name}}">
            {{#rows}}
            <li class="{{#even()}}chan{{/even()}}{{#odd()}}le{{/odd()}}">{{#first()}}[{{/first()}}{{index()}}. {{name}} · {{note}} · {{title}}{{#last()}}]{{/last()}}{{> partials/cell}}</li>
            {{/rows}}
            </ul>
            {{/groups}}
            <p>hết</p>

            """.utf8)
        }),
        ("partials/cell.mustache", "templates/partials/cell.mustache", { Data("<span>{{code}}</span>".utf8) }),
        ("layouts/indented.mustache", "templates/layouts/indented.mustache", { Data("<div>\n  {{> partials/rows}}\n</div>\n".utf8) }),
        ("partials/rows.mustache", "templates/partials/rows.mustache", { Data("{{#groups}}{{#rows}}\n<i>{{name}}</i>\n{{/rows}}{{/groups}}\n".utf8) }),
    ], log: DiagnosticLog())

    /// Rows `a`…`f` with names; `b` and `e` carry their own note, the others read the group's.
    static func row(_ key: String, _ name: String) -> [String: Any] {
        var row: [String: Any] = ["name": name, "code": key.uppercased(), RowLayout.key: key]
        if key == "b" || key == "e" { row["note"] = "riêng" }
        return row
    }

    static func context(_ order: [(String, String)], layout: String = "list") -> [String: Any] {
        let rows = order.map { row($0.0, $0.1) }
        return ["title": "Danh sách", "groups": [
            ["name": "một", "note": "chung", "rows": rows] as [String: Any],
            ["name": "hai", "note": "khác", "rows": Array(rows.prefix(2))] as [String: Any],
        ] as [[String: Any]]]
    }

    static let before = [("a", "An"), ("b", "Bình"), ("c", "Cúc"), ("d", "Dũng"), ("e", "Em"), ("f", "Phúc")]

    func splice(_ rendered: (html: String, rows: RowLayout?), key: String, to order: [(String, String)]) -> (Data, RowLayout)? {
        let names = Dictionary(uniqueKeysWithValues: order)
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1.0, $0) })
        return rendered.rows?.splicing(Data(rendered.html.utf8), key: key, partials: Self.templates.compiled, item: { key in
            names[key].map { Self.row(key, $0) }
        }, position: { keys in
            keys.filter { rank[$0]! < rank[key]! }.count
        })
    }

    @Test func aRowMovedAndRenamedMatchesAWholeRenderAgainAndAgain() throws {
        var rendered = try #require(Self.templates.renderNotingRows(Self.context(Self.before), layout: "layouts/list"))
        #expect(rendered.rows?.isComplete == true)
        #expect(rendered.rows?.instances.count == 2)
        // `b` renamed to sort last, then `e` to sort first, then `b` back in the middle.
        let steps: [(String, [(String, String)])] = [
            ("b", [("a", "An"), ("c", "Cúc"), ("d", "Dũng"), ("e", "Em"), ("f", "Phúc"), ("b", "Yến")]),
            ("e", [("e", "Ánh"), ("a", "An"), ("c", "Cúc"), ("d", "Dũng"), ("f", "Phúc"), ("b", "Yến")]),
            ("b", [("e", "Ánh"), ("a", "An"), ("c", "Cúc"), ("b", "Chi"), ("d", "Dũng"), ("f", "Phúc")]),
        ]
        for (key, order) in steps {
            let (bytes, layout) = try #require(splice(rendered, key: key, to: order))
            let expected = Self.expected(rendered: rendered, order: order, key: key)
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "after moving \(key)")
            rendered = (String(decoding: bytes, as: UTF8.self), layout)
        }
    }

    /// The page a whole render gives when the first group lists `order` and the second its two
    /// rows (the edited one renamed, placed by the same order).
    static func expected(rendered: (html: String, rows: RowLayout?), order: [(String, String)], key: String) -> String {
        let names = Dictionary(uniqueKeysWithValues: order)
        let second = rendered.rows!.instances[1].keys.map { ($0, names[$0]!) }
        let rows = order.map { row($0.0, $0.1) }
        let context: [String: Any] = ["title": "Danh sách", "groups": [
            ["name": "một", "note": "chung", "rows": rows] as [String: Any],
            ["name": "hai", "note": "khác", "rows": second.map { row($0.0, $0.1) }] as [String: Any],
        ] as [[String: Any]]]
        return templates.render(context, layout: "layouts/list")!
    }

    @Test func rowsInAnIndentedPartialAreNotSpliced() throws {
        let rendered = try #require(Self.templates.renderNotingRows(Self.context(Self.before), layout: "layouts/indented"))
        #expect(rendered.rows?.isComplete == false)
        #expect(splice(rendered, key: "b", to: Self.before) == nil)
    }
}
