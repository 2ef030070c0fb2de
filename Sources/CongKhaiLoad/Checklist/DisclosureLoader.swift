import CongKhaiModel

/// Loads `cong-khai/<ten>.md`: front matter (tieu_de, nhom, van_ban, ngay_cong_khai, niem_yet,
/// truyen_thanh, thuong_xuyen) and the body.
public enum DisclosureLoader {
    public static func load(_ source: SourceText, log: DiagnosticLog) -> Disclosure? {
        guard let (yaml, parts, _) = FrontMatter.open(source, what: "Nội dung công khai",
                                                   example: "---\ntieu_de: \"Danh sách hộ nghèo năm 2026\"\nnhom: 8\nvan_ban: { so: \"120/QĐ-UBND\", ngay: 2026-01-10 }\n---",
                                                   log: log) else { return nil }
        let title = yaml.string("tieu_de", "tiêu đề", required: true)
        let stem = String(source.path.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
        var disclosure = Disclosure(source: source.path, path: "cong-khai/\(TextFolding.slug(stem))/", title: title ?? stem)
        disclosure.group = yaml.int("nhom", "khoản của Điều 11 Luật 10/2022/QH15 (1–14)")
        if let group = disclosure.group, !(1...14).contains(group) {
            log.report(.error("disclosure.group", at: yaml.location(ofKey: "nhom"),
                              "“nhom” phải là một khoản của Điều 11 Luật 10/2022/QH15, từ 1 đến 14 (đang là \(group)).",
                              hint: "Ví dụ: `nhom: 8` cho danh sách hộ nghèo."))
            disclosure.group = nil
        }
        disclosure.ruleID = yaml.string("quy_tac", "mã quy tắc công khai, ví dụ danh-sach-quy")
        disclosure.period = yaml.string("ky", "quý của danh mục, ví dụ 2026-q3")
        if disclosure.ruleID == "danh-sach-quy", PublicationDates.quarterEnd(disclosure.period) == nil {
            log.report(.error("disclosure.period", at: yaml.has("ky") ? yaml.location(ofKey: "ky") : yaml.start,
                              "Danh mục thông tin đã công khai trong quý cần “ky” là quý của danh mục, dạng NĂM-qSỐ (đang là “\(disclosure.period ?? "")”).",
                              hint: "Ví dụ: `ky: 2026-q3` cho quý III năm 2026."))
        }
        if disclosure.group == nil, disclosure.ruleID == nil {
            log.report(.error("disclosure.group", at: yaml.start, "Thiếu “nhom” (khoản của Điều 11) hoặc “quy_tac”.",
                              hint: "Ví dụ: `nhom: 1` cho kế hoạch phát triển kinh tế – xã hội."))
        }
        if let document = yaml.mapping("van_ban", "quyết định, nghị quyết được công khai") {
            disclosure.decision = BudgetDocument(isReport: false, number: document.string("so", "số văn bản", required: true) ?? "",
                                                 date: document.date("ngay", "ngày ban hành", required: true))
            document.finish(context: "văn bản")
        }
        disclosure.publishedOn = yaml.date("ngay_cong_khai", "ngày đăng công khai")
        disclosure.posting = yaml.postingWindow("niem_yet", "thời gian và nơi niêm yết")
        disclosure.radio = yaml.postingWindow("truyen_thanh", "thời gian phát trên truyền thanh")
        disclosure.isStanding = yaml.bool("thuong_xuyen", "công khai thường xuyên (true/false)") ?? false
        disclosure.description = yaml.string("mo_ta", "một câu mô tả")
        disclosure.updated = yaml.date("cap_nhat", "ngày cập nhật")
        _ = yaml.bool("nhap", "bản nháp, chưa đăng")
        var earliest = [PublicationDates.document(disclosure.decision)].compactMap { $0 }
        if disclosure.ruleID == "danh-sach-quy", let end = PublicationDates.quarterEnd(disclosure.period) {
            earliest.append(PublicationDates.periodEnd(end))
        }
        PublicationDates.check(yaml, published: disclosure.publishedOn, posting: disclosure.posting, earliest: earliest, log: log)
        yaml.finish(context: "nội dung công khai")
        disclosure.body = parts.body
        disclosure.bodyLine = parts.bodyLine
        return title == nil ? nil : disclosure
    }
}

/// Loads `content/quy-tac.yaml`: changes to the national profile, merged into the effective rules.
public enum RuleOverridesLoader {
    /// `base`: the profile the file changes (the national one with the units' rules).
    public static func load(_ source: SourceText, base: [ChecklistRule] = NationalProfile.rules, log: DiagnosticLog) -> RuleOverrides? {
        RuleOverrides(source: source.path, rules: RuleProfileParser.parse(source.text, path: source.path, base: base, log: log))
    }
}

/// The pages other disclosures add (one per disclosure, under `cong-khai/`), and the checklist
/// page itself at `cong-khai/` (the editor's `_index.md` becomes it, as `thu-tuc/` does).
public enum DisclosurePages {
    public static func assemble(pages: [Page], disclosures: [Disclosure]) -> [Page] {
        var result = pages
        if let index = result.firstIndex(where: { $0.path == "cong-khai/" }) {
            result[index].kind = .checklist
        } else {
            var checklist = Page(source: "content/cong-khai/_index.md", path: "cong-khai/", kind: .checklist, title: "Công khai thông tin")
            checklist.order = 7
            result.append(checklist)
        }
        for disclosure in disclosures {
            var page = Page(source: disclosure.source, path: disclosure.path, kind: .disclosure, title: disclosure.title)
            page.date = disclosure.publishedOn ?? disclosure.decision?.date
            page.updated = disclosure.updated
            page.description = disclosure.description
            page.body = disclosure.body
            page.bodyLine = disclosure.bodyLine
            page.data = .disclosure(disclosure)
            result.append(page)
        }
        return result
    }
}
