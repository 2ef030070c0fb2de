import CongKhaiModel
import Testing

/// A page's parent folder is kept beside its path (breadcrumbs read it for every page of every
/// render): it must follow any change of the path, and give what splitting the path gave.
@Suite("A page's parent path")
struct ParentPathTests {
    /// How the parent was found before it was kept: split on `/`, drop the last segment.
    static func reference(_ path: String) -> String? {
        guard !path.isEmpty else { return nil }
        var parts = path.split(separator: "/")
        if parts.count <= 1 { return "" }
        parts.removeLast()
        return parts.joined(separator: "/") + "/"
    }

    @Test(arguments: ["tin-tuc/", "tin-tuc/a/", "thu-tuc/ho-tich/1.001193/", "a/b/c/d/", "a", "a/b", "hỏi-đáp/câu-một/", "in/", "404.html",
                      "/a/b/", "a//b/", "a/b//", "//"])
    func matchesSplittingThePath(path: String) {
        #expect(Page.parentPath(of: path) == Self.reference(path))
        #expect(Page(source: "", path: path, kind: .page, title: "").parentPath == Self.reference(path))
    }

    @Test func homeHasNoParent() {
        #expect(Page(source: "content/_index.md", path: "", kind: .home, title: "Trang chủ").parentPath == nil)
    }

    @Test func followsAChangedPathAndLeavesCopiesAlone() {
        let original = Page(source: "content/tin-tuc/a.md", path: "tin-tuc/a/", kind: .page, title: "Tin A")
        var moved = original
        moved.path = "gioi-thieu/to-chuc/a/"
        #expect(moved.parentPath == "gioi-thieu/to-chuc/")
        #expect(original.parentPath == "tin-tuc/")
        moved.path += "b/"
        #expect(moved.parentPath == "gioi-thieu/to-chuc/a/")
    }
}
