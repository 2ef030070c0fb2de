import CongKhaiModel

/// `serve`'s shortcut past the assemble stage: an edit that changes only what the item's own
/// page shows (its Markdown body) is put in place in the site as last assembled, instead of
/// assembling the whole site again. Whatever the edit might change elsewhere (a title in the
/// lists, a date in the feed, a field in the search index or the open data) refuses it, and the
/// site is assembled again from every file.
extension ContentLoader {
    /// Puts the file's new result in place of its old one in `content`; returns the pages that
    /// show it (to render again with their notice-board editions), or nil when the change is not
    /// confined to them.
    public static func splice(_ old: LoadedFile, _ new: LoadedFile, into content: inout SiteContent, units: [any LoadingUnit]) -> [Page]? {
        guard let before = old.item, let after = new.item else { return nil }
        switch (before, after) {
        case let (.page(was), .page(now)):
            // A page's body shows on that page (and its edition) only: lists, menus, breadcrumbs,
            // the feed and the sitemap read its other fields.
            guard !now.isDraft, case .none = was.data, case .none = now.data, PageSplice.sameButBody(was, now) else { return nil }
            let page = PageSplice.replace(at: was.path, in: &content) { page in
                // The page as assembled is the page as loaded (no unit made it into something else).
                guard page.body == was.body, case .none = page.data, PageSplice.sameButBody(page, was) else { return false }
                page.body = now.body
                return true
            }
            return page.map { [$0] }
        case let (.unit(id, was), .unit(nowID, now)) where id == nowID:
            return units.first { $0.id == id }?.splice(was, now, into: &content)
        default:
            return nil
        }
    }
}

extension ContentLoader {
    /// `serve`'s second shortcut: a unit's item edited in fields its lists show
    /// (`LoadingUnit.spliceListed`); nil when the site must be assembled again.
    public static func spliceListed(_ old: LoadedFile, _ new: LoadedFile, into content: inout SiteContent, units: [any LoadingUnit]) -> ListedSplice? {
        guard case let .unit(id, was)? = old.item, case let .unit(nowID, now)? = new.item, id == nowID else { return nil }
        return units.first { $0.id == id }?.spliceListed(was, now, into: &content)
    }
}

/// Body-only edits of pages, for `ContentLoader.splice` and the units' `splice`.
public enum PageSplice {
    /// Every field of the two pages but the body agrees (their data is compared by the caller).
    public static func sameButBody(_ left: Page, _ right: Page) -> Bool {
        left.source == right.source && left.path == right.path && left.kind == right.kind && left.title == right.title
            && left.description == right.description && left.date == right.date && left.updated == right.updated
            && left.order == right.order && left.author == right.author && left.allowsRawHTML == right.allowsRawHTML
            && left.layout == right.layout && left.isDraft == right.isDraft && left.bodyLine == right.bodyLine
    }

    /// The one published page at `path` (nil when none, or when another shares the address),
    /// after `change`, which checks it is the page the old item made and changes it in place;
    /// nil, with `content` untouched, when `change` refuses.
    public static func replace(at path: String, in content: inout SiteContent, _ change: (inout Page) -> Bool) -> Page? {
        var found: Int?
        for index in content.pages.indices where content.pages[index].path == path {
            guard found == nil else { return nil }
            found = index
        }
        guard let index = found else { return nil }
        var page = content.pages[index]
        guard change(&page) else { return nil }
        content.pages[index] = page
        return page
    }
}
