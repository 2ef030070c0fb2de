import CongKhaiCheck
import CongKhaiModel

/// The checklist items of the document registry: one per document, by the rule its number
/// implies. A legal normative document (a number with the year: `12/2026/NQ-HĐND`) must be on
/// the website (Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm a) and posted at the
/// headquarters; any other document of general application on the website (Điều 17 khoản 1 điểm a).
/// The deadlines and posting minimum are the rules' (see `DocumentRules.yaml`), so a province
/// changes them in `quy-tac.yaml`, not here.
enum DocumentRules {
    static let normative = "vb-qppl"
    static let administrative = "vb-hanh-chinh"

    /// Kinds that are not of general application: a submission goes to the council, a letter to
    /// an addressee, a report upwards. They are published when the editor adds them but owe no item.
    static let withoutItem: Set<OfficialDocument.Kind> = [.submission, .letter, .report]

    /// The rule a document falls under, or nil when it owes no item.
    static func rule(for document: OfficialDocument) -> String? {
        if DocumentNumber.parse(document.number)?.isNormative == true { return normative }
        guard let kind = document.kind, !withoutItem.contains(kind) else { return nil }
        return administrative
    }

    /// The rules, in the shape of `quy-tac.yaml` (`DocumentsUnit.checklistRules`). Sources, and
    /// what could not be verified: docs/add-a-kind.md, "The checklist items". No `ap_dung`: the
    /// unit adds the items itself, and a new rule's kind can only be the default (`RuleScope`).
    static let yaml = """
    quy_tac:
      vb-qppl:
        noi_dung: "Văn bản quy phạm pháp luật của HĐND, UBND xã: đăng trên trang thông tin điện tử và niêm yết tại trụ sở"
        van_ban: "Luật Tiếp cận thông tin 2016"
        dieu: 19
        khoan: 1
        kenh: [website, tru_so]
        moc: van_ban
        han: { ngay_lam_viec: 5 }
        niem_yet_toi_thieu: 30
        dinh_ky: theo_van_ban
        nhom: van_ban
      vb-hanh-chinh:
        noi_dung: "Văn bản hành chính có giá trị áp dụng chung của xã: đăng trên trang thông tin điện tử"
        van_ban: "Luật Tiếp cận thông tin 2016"
        dieu: 17
        khoan: 1
        kenh: [website]
        moc: van_ban
        han: { ngay_lam_viec: 5 }
        dinh_ky: theo_van_ban
        nhom: van_ban
    """

    /// One item per document that owes one, newest first.
    static func addItems(_ documents: [OfficialDocument], to evaluation: inout Evaluation) {
        // A document records its posting window at the office, not a radio broadcast.
        for rule in [normative, administrative] { evaluation.honours(rule, [.deadline, .minimumPosting]) }
        for document in documents {
            guard let ruleID = DocumentRules.rule(for: document) else { continue }
            let key = String(document.path.split(separator: "/").last ?? "")
            evaluation.add(ruleID, key: key, title: document.title + ": " + document.subject, trigger: document.issued,
                           published: document.publishedOn, posting: document.posting,
                           decision: BudgetDocument(isReport: false, number: document.number, date: document.issued),
                           page: document.path, fix: document.source, periodYear: document.year)
        }
    }
}
