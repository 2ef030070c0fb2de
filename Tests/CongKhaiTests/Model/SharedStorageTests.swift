import CongKhaiModel
import Testing

/// `Page` and `Procedure` keep their fields in a box shared by copies until one changes: they
/// must still behave as values (a change to a copy never shows in the original or in another
/// array holding it), and procedures still compare by their fields, not by their box.
@Suite("Pages and procedures stay values")
struct SharedStorageTests {
    static func page() -> Page {
        var page = Page(source: "content/tin-tuc/a.md", path: "tin-tuc/a/", kind: .page, title: "Tin A")
        page.body = "Một."
        return page
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = Self.page()
        var copy = original
        copy.title = "Tin A đã sửa"
        copy.body += " Hai."
        copy.path = "in/tin-tuc/a/"
        copy.data = .budgetYear(2026)
        #expect(original.title == "Tin A")
        #expect(original.body == "Một.")
        #expect(original.path == "tin-tuc/a/")
        guard case .none = original.data else {
            Issue.record("the original's data changed with its copy")
            return
        }
        #expect(copy.title == "Tin A đã sửa" && copy.body == "Một. Hai." && copy.path == "in/tin-tuc/a/")
    }

    @Test func aPageChangedInOneArrayIsUnchangedInAnother() {
        let site = [Self.page(), Self.page()]
        var editions = site
        editions[0].path = "in/tin-tuc/a/"
        editions[1].layout = "layouts/in/trang"
        #expect(site.map(\.path) == ["tin-tuc/a/", "tin-tuc/a/"])
        #expect(site.map(\.layout) == [nil, nil])
        #expect(editions.map(\.path) == ["in/tin-tuc/a/", "tin-tuc/a/"])
    }

    static func procedure() -> Procedure {
        var procedure = Procedure(source: "content/thu-tuc/ho-tich/1.001193.md", path: "thu-tuc/ho-tich/1.001193/", code: "1.001193",
                                  name: "Đăng ký khai sinh", field: "Hộ tịch", fieldSlug: "ho-tich")
        procedure.feeIDs = ["le-phi-khai-sinh"]
        procedure.keyLines["ma"] = 2
        return procedure
    }

    @Test func proceduresCompareByTheirFields() {
        let one = Self.procedure(), other = Self.procedure()
        #expect(one == other, "two procedures made apart with the same fields are equal")
        var changed = one
        #expect(changed == one)
        changed.feeIDs.append("phi-trich-luc")
        #expect(changed != one)
        #expect(one.feeIDs == ["le-phi-khai-sinh"], "the original keeps its fees")
        var page = Self.page()
        page.data = .procedure(changed)
        changed.name = "Đăng ký lại khai sinh"
        guard case let .procedure(held) = page.data else {
            Issue.record("the page lost its procedure")
            return
        }
        #expect(held.name == "Đăng ký khai sinh", "the page holds the procedure as it was when given")
        #expect(one.line(of: "ma") == 2 && one.line(of: "ten") == 1)
    }
}
