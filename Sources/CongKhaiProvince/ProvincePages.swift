import CongKhaiModel
import CongKhaiRender

/// The province's own pages: the index of communes, the compliance dashboard (one pre-rendered
/// page per filter, so filtering needs no script), its print edition and the open-data page.
struct ProvincePages {
    let province: ProvinceConfig
    let communes: [CommuneRecord]
    let asOf: CalendarDate
    /// How many procedures the province's shared catalogue has; nil without one.
    var catalogueSize: Int? = nil

    static let dashboard = "tong-hop/index.html"
    static let printEdition = "in/tong-hop/index.html"
    static let openDataPage = "du-lieu/index.html"
    static func statusPage(_ kind: ItemStatus.Kind) -> String { "tong-hop/trang-thai/\(kind.rawValue.replacingOccurrences(of: "_", with: "-"))/index.html" }

    /// The current quarter and the one before it, newest first: `2026-q4`, `2026-q3`.
    var periods: [String] {
        let quarter = (asOf.month - 1) / 3 + 1
        let previous = quarter == 1 ? (asOf.year - 1, 4) : (asOf.year, quarter - 1)
        return ["\(asOf.year)-q\(quarter)", "\(previous.0)-q\(previous.1)"]
    }

    /// Every commune's rows of the two quarters, communes in the province's order.
    var dashboardRows: [(commune: CommuneRecord, row: ChecklistRow)] {
        let wanted = Set(periods)
        return communes.flatMap { commune in commune.rows.filter { wanted.contains($0.period) }.map { (commune, $0) } }
    }

    /// Obligations (rule ids) in first-seen order, each with a folder name unique among them.
    var obligations: [(rule: String, folder: String, label: String)] {
        var seen: [String: Int] = [:]
        var result: [(rule: String, folder: String, label: String)] = []
        var folders = Set<String>()
        for (_, row) in dashboardRows where seen[row.ruleID] == nil {
            seen[row.ruleID] = result.count
            var folder = TextFolding.pathSafe(row.ruleID).lowercased()
            if folder.isEmpty { folder = "nghia-vu" }
            var candidate = folder
            var number = 2
            while !folders.insert(candidate).inserted {
                candidate = "\(folder)-\(number)"
                number += 1
            }
            result.append((row.ruleID, candidate, row.title))
        }
        return result
    }

    static func obligationPage(_ folder: String) -> String { "tong-hop/nghia-vu/\(folder)/index.html" }

    /// The province's files in groups made from the same inputs: `serve` makes again only the
    /// groups an edit reaches (a title edit: the procedures' open data and the search index).
    enum Part: CaseIterable, Sendable {
        case index, openDataPage, dashboard, searchPage, deviation, searchIndex, checklistData, procedureData
    }

    /// Every file, from the communes' shares (one per record, in the same order).
    func files(shares: [CommuneShare]) -> [OutputFile] {
        Part.allCases.flatMap { files($0, shares: shares) }
    }

    func files(_ part: Part, shares: [CommuneShare]) -> [OutputFile] {
        switch part {
        case .index: return [OutputFile(path: "index.html", text: index())]
        case .openDataPage: return [OutputFile(path: Self.openDataPage, text: openDataPage())]
        case .dashboard: return dashboardFiles()
        case .searchPage:
            return [OutputFile(path: ProvinceSearch.page, text: ProvinceSearch.searchPage(province: province.name, communes: communes))]
        case .deviation:
            return [OutputFile(path: ProvinceDeviationPage.path,
                               text: ProvinceDeviationPage.page(province: province.name, shares: shares, catalogueSize: catalogueSize))]
        case .searchIndex: return [ProvinceSearch.index(shares)]
        case .checklistData: return ProvinceOpenData.checklistFiles(shares)
        case .procedureData: return ProvinceOpenData.procedureFiles(shares)
        }
    }

    /// The dashboard, one page per status and per obligation, and its print edition.
    func dashboardFiles() -> [OutputFile] {
        let rows = dashboardRows
        let obligations = obligations
        var files = [OutputFile(path: Self.dashboard, text: dashboardPage(path: Self.dashboard, title: "Tổng hợp công khai của các xã",
                                                                         rows: rows, obligations: obligations))]
        for kind in ItemStatus.Kind.allCases {
            let path = Self.statusPage(kind)
            files.append(OutputFile(path: path, text: dashboardPage(path: path, title: "Tổng hợp công khai: \(kind.label)",
                                                                    rows: rows.filter { $0.row.status == kind }, obligations: obligations)))
        }
        for obligation in obligations {
            let path = Self.obligationPage(obligation.folder)
            files.append(OutputFile(path: path, text: dashboardPage(path: path, title: "Tổng hợp công khai: \(obligation.rule)",
                                                                    rows: rows.filter { $0.row.ruleID == obligation.rule }, obligations: obligations)))
        }
        files.append(OutputFile(path: Self.printEdition, text: printPage(rows: rows)))
        return files
    }

    // MARK: Index of communes

    func index() -> String {
        let path = "index.html"
        var body = "<p>\(ProvinceHTML.escape(province.name)) có \(communes.count) đơn vị cấp xã có trang trên cổng này."
        if let portal = province.portalURL {
            body += " Cổng thông tin điện tử của tỉnh: \(ProvinceHTML.link(portal, portal))."
        }
        body += "</p>\n<p>" + ProvinceHTML.link("tong-hop/index.html", "Tổng hợp việc công khai của các xã") + " (ngày tính hạn \(asOf.vietnamese)).</p>\n"
        let current = periods[0]
        let rows = communes.map { commune -> [String] in
            var contact: [String] = []
            if let address = commune.address { contact.append(ProvinceHTML.escape(address)) }
            if let phone = commune.phone { contact.append("Điện thoại: " + ProvinceHTML.escape(phone)) }
            if let email = commune.email { contact.append("Thư điện tử: " + ProvinceHTML.escape(email)) }
            let problems = commune.rows.filter { $0.period == current && [.late, .missing, .shortPosting, .needsUpdate].contains($0.status) }.count
            return [ProvinceHTML.link("\(commune.slug)/index.html", commune.name),
                    commune.formerUnits.isEmpty ? "" : commune.formerUnits.map(ProvinceHTML.escape).joined(separator: "; "),
                    contact.joined(separator: "<br>"),
                    ProvinceHTML.link("\(commune.slug)/cong-khai/index.html", problems == 0 ? "Không có mục cần xử lý" : "\(problems) mục cần xử lý")]
        }
        body += ProvinceHTML.table(label: "Các xã, phường, đặc khu", head: ["Đơn vị", "Hình thành từ (trước sắp xếp)", "Liên hệ", "Công khai quý này"], rows: rows)
        return ProvinceHTML.page(path: path, title: "Các xã, phường, đặc khu", province: province.name, body: body)
    }

    // MARK: Dashboard

    func quarterLabel(_ period: String) -> String {
        let parts = period.split(separator: "-")
        guard parts.count == 2, let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return period }
        return "Quý \(["I", "II", "III", "IV"][quarter - 1])/\(parts[0])"
    }

    func summary(root: String, rows: [(commune: CommuneRecord, row: ChecklistRow)]) -> String {
        let kinds = ItemStatus.Kind.allCases
        let table = communes.map { commune -> [String] in
            let mine = rows.filter { $0.commune.slug == commune.slug }
            return [ProvinceHTML.link(root + "\(commune.slug)/cong-khai/index.html", commune.shortName)]
                + kinds.map { kind in String(mine.filter { $0.row.status == kind }.count) }
        }
        return ProvinceHTML.table(label: "Số mục theo tình trạng, \(periods.reversed().map(quarterLabel).joined(separator: " và "))",
                                  head: ["Đơn vị"] + kinds.map(\.label), rows: table)
    }

    func detail(root: String, rows: [(commune: CommuneRecord, row: ChecklistRow)]) -> String {
        guard !rows.isEmpty else { return "<p>Không có mục nào.</p>\n" }
        let table = rows.map { entry -> [String] in
            let row = entry.row
            let title = row.page.map { ProvinceHTML.link(root + entry.commune.slug + "/" + $0, row.title) } ?? ProvinceHTML.escape(row.title)
            let status = "<span class=\"ck ck-\(row.status.rawValue)\">\(ProvinceHTML.escape(ItemStatus(row.status, days: row.days).text))</span>"
            let late = row.status == .late ? String(row.days ?? 0) : ""
            let deadline = row.deadline.flatMap(CalendarDate.parse).map(\.vietnamese) ?? "Thường xuyên"
            return [ProvinceHTML.link(root + "\(entry.commune.slug)/cong-khai/index.html", entry.commune.shortName),
                    quarterLabel(row.period), title + "<br><small>\(ProvinceHTML.escape(row.ruleID))</small>", deadline, status, late]
        }
        return ProvinceHTML.table(label: "Từng nghĩa vụ công khai của từng xã", head: ["Đơn vị", "Quý", "Nội dung", "Hạn", "Tình trạng", "Số ngày trễ"], rows: table)
    }

    func dashboardPage(path: String, title: String, rows: [(commune: CommuneRecord, row: ChecklistRow)],
                       obligations: [(rule: String, folder: String, label: String)]) -> String {
        let root = ProvinceHTML.root(of: path)
        func item(_ target: String, _ text: String) -> String {
            target == path ? "<li><strong aria-current=\"page\">\(ProvinceHTML.escape(text))</strong></li>" : "<li>" + ProvinceHTML.link(root + target, text) + "</li>"
        }
        var body = "<p>Tình trạng công khai \(periods.reversed().map(quarterLabel).joined(separator: " và ")) của \(communes.count) đơn vị, tính đến ngày \(asOf.vietnamese). "
        body += "Mỗi đơn vị dẫn đến danh mục công khai của đơn vị đó. " + ProvinceHTML.link(root + Self.printEdition, "Bản in để kiểm tra") + ". "
        body += ProvinceHTML.link(root + ProvinceDeviationPage.path, "Thủ tục của các xã so với danh mục của tỉnh") + ".</p>\n"
        body += "<nav aria-label=\"Lọc theo tình trạng\"><h2>Lọc theo tình trạng</h2>\n<ul class=\"ck-summary\">\n"
        body += item(Self.dashboard, "Tất cả") + "\n"
        body += ItemStatus.Kind.allCases.map { item(Self.statusPage($0), $0.label) }.joined(separator: "\n") + "\n</ul></nav>\n"
        // Folded: the obligations are many (14 in the national profile), and open they push the
        // table 700 px down on a phone. An obligation's own page shows its list open.
        let onObligation = obligations.contains { Self.obligationPage($0.folder) == path }
        body += "<nav aria-label=\"Lọc theo nghĩa vụ\"><h2>Lọc theo nghĩa vụ công khai</h2>\n"
        body += "<details\(onObligation ? " open" : "")><summary>Chọn một trong \(obligations.count) nghĩa vụ</summary>\n<ul>\n"
        body += obligations.map { item(Self.obligationPage($0.folder), "\($0.rule): \($0.label)") }.joined(separator: "\n") + "\n</ul></details></nav>\n"
        body += "<h2>Theo đơn vị</h2>\n" + summary(root: root, rows: rows)
        body += "<h2>Chi tiết (\(rows.count) mục)</h2>\n" + detail(root: root, rows: rows)
        return ProvinceHTML.page(path: path, title: title, province: province.name, body: body)
    }

    func printPage(rows: [(commune: CommuneRecord, row: ChecklistRow)]) -> String {
        let root = ProvinceHTML.root(of: Self.printEdition)
        var body = "<p>Ngày tính hạn: \(asOf.vietnamese). " + ProvinceHTML.link(root + Self.dashboard, "Về trang tổng hợp") + ".</p>\n"
        body += summary(root: root, rows: rows) + printDetail(rows: rows)
        return ProvinceHTML.page(path: Self.printEdition, title: "Tổng hợp công khai của các xã (bản in)", province: province.name,
                                 body: body, printEdition: true)
    }

    // MARK: Open data

    func openDataPage() -> String {
        let root = ProvinceHTML.root(of: Self.openDataPage)
        var body = "<h2>Danh mục công khai của các xã</h2>\n<p>Danh mục công khai của mọi đơn vị trong một tệp, mỗi dòng kèm mã của đơn vị (cột <code>xa</code>): "
        body += ProvinceHTML.link(root + ProvinceOpenData.jsonPath, "JSON") + " · " + ProvinceHTML.link(root + ProvinceOpenData.csvPath, "CSV (Excel)") + ".</p>\n"
        body += ProvinceHTML.table(label: "Các cột của cong-khai-toan-tinh", head: ["Cột", "Ý nghĩa"],
                                   rows: ProvinceOpenData.columns.map { ["<code>\($0.name)</code>", ProvinceHTML.escape($0.meaning)] })
        body += "<h2>Thủ tục hành chính của các xã</h2>\n<p>Mọi thủ tục mỗi đơn vị đang công khai, và mọi thủ tục trong danh mục chung của tỉnh mà đơn vị không đăng, mỗi dòng kèm mã của đơn vị và chỗ khác với danh mục của tỉnh: "
        body += ProvinceHTML.link(root + ProvinceOpenData.procedureJSONPath, "JSON") + " · "
            + ProvinceHTML.link(root + ProvinceOpenData.procedureCSVPath, "CSV (Excel)") + ".</p>\n"
        body += ProvinceHTML.table(label: "Các cột của thu-tuc-toan-tinh", head: ["Cột", "Ý nghĩa"],
                                   rows: ProvinceOpenData.procedureColumns.map { ["<code>\($0.name)</code>", ProvinceHTML.escape($0.meaning)] })
        return ProvinceHTML.page(path: Self.openDataPage, title: "Dữ liệu mở của tỉnh", province: province.name, body: body)
    }
}
