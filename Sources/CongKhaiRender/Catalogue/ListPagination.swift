import CongKhaiModel

/// The links between the pages of a list split into pages (`ListPaging`), as the
/// `partials/pagination` template shows them: previous and next with their numbers, the first
/// and last page, the current one and its neighbours, and an ellipsis for each gap, as GOV.UK
/// Frontend's pagination does (a gap of one page shows that page: an ellipsis would hide no more).
enum ListPagination {
    /// The page numbers to show, nil for an ellipsis: `1 … 6 7 8 … 14` on page 7 of 14.
    static func numbers(current: Int, count: Int) -> [Int?] {
        guard count > 1 else { return [1] }
        let shown = Set([1, count, current - 1, current, current + 1].filter { (1...count).contains($0) })
        var result: [Int?] = []
        var last = 0
        for number in shown.sorted() {
            if number - last == 2 {
                result.append(last + 1)
            } else if number - last > 2 {
                result.append(nil)
            }
            result.append(number)
            last = number
        }
        return result
    }

    /// The template values for the page at `path`; links are relative to it (they work from
    /// `file://`, from a sub-folder and through `serve`).
    /// Numbers come as Ints (`number`, `count`, for a template's own tests) and as text written the
    /// Vietnamese way (`number_text`, `count_text`: `1.203`), which the default theme prints.
    static func values(_ paging: ListPaging, from path: String) -> [String: Any] {
        let countText = VietnameseFormat.integer(paging.count)
        func link(_ number: Int) -> [String: Any] {
            ["number": number, "number_text": VietnameseFormat.integer(number),
             "href": RelativeURL.href(from: path, to: .page(ListPaging.path(number, of: paging.listPath))),
             "count": paging.count, "count_text": countText]
        }
        var values: [String: Any] = [
            "number": paging.number,
            "number_text": VietnameseFormat.integer(paging.number),
            "count": paging.count,
            "count_text": countText,
            "items": numbers(current: paging.number, count: paging.count).map { number -> [String: Any] in
                guard let number else { return ["ellipsis": true] }
                var item = link(number)
                if number == paging.number { item["current"] = true }
                return item
            },
        ]
        if paging.number > 1 { values["previous"] = link(paging.number - 1) }
        if paging.number < paging.count { values["next"] = link(paging.number + 1) }
        return values
    }
}
