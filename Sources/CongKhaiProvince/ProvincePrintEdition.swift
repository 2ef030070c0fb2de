import CongKhaiModel

/// The dashboard's print edition (`in/tong-hop/`), for the province's inspection on paper: one
/// section per commune, so a commune's name is read once, not squeezed into every row of a
/// table whose other columns are dates and short statuses (on A4 the name wrapped to three lines).
extension ProvincePages {
    func printDetail(rows: [(commune: CommuneRecord, row: ChecklistRow)]) -> String {
        guard !rows.isEmpty else { return "<p>Không có mục nào.</p>\n" }
        var html = ""
        for commune in communes {
            let mine = rows.filter { $0.commune.slug == commune.slug }
            guard !mine.isEmpty else { continue }
            html += "<h2>\(ProvinceHTML.escape(commune.name))</h2>\n"
            let table = mine.map { entry -> [String] in
                let row = entry.row
                let deadline = row.deadline.flatMap(CalendarDate.parse).map(\.vietnamese) ?? "Thường xuyên"
                let status = "<span class=\"ck ck-\(row.status.rawValue)\">\(ProvinceHTML.escape(ItemStatus(row.status, days: row.days).text))</span>"
                return [ProvinceHTML.escape(row.title) + "<br><small>\(ProvinceHTML.escape(row.ruleID))</small>",
                        quarterLabel(row.period), deadline, status]
            }
            html += ProvinceHTML.table(label: "Các nghĩa vụ công khai của \(commune.shortName)", head: ["Nội dung", "Quý", "Hạn", "Tình trạng"], rows: table)
        }
        return html
    }
}
