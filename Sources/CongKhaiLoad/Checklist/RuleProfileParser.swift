import CongKhaiModel
import Yams

/// Reads a rule profile (`quy_tac:` keyed by rule id). Each entry either changes fields of a
/// rule already in `base` or adds a new rule; every problem is reported at its line.
public enum RuleProfileParser {
    static let keys = ["noi_dung", "van_ban", "dieu", "khoan", "ap_dung", "kenh", "moc", "han",
                       "niem_yet_toi_thieu", "truyen_thanh_toi_thieu", "dinh_ky", "nhom", "khong_ap_dung"]

    /// Without `base` the file is a whole profile (the national one), whose `ap_dung` values
    /// are the kinds the checklist reads; over a base (a commune's or province's
    /// `quy-tac.yaml`) it can only add rules of the kinds open to new rules (`Scope`).
    public static func parse(_ yaml: String, path: String, base: [ChecklistRule], log: DiagnosticLog) -> [ChecklistRule] {
        let builtIn = base.isEmpty
        var rules = base
        guard let root = YAMLDocument.value(yaml, path: path, log: log),
              let top = MappingReader(root, path: path, lineOffset: 0, log: log, what: "Bộ quy tắc công khai") else { return rules }
        let node = top.value("quy_tac")
        top.finish(context: "bộ quy tắc công khai")
        guard let node else {
            log.report(.error("checklist.rules", at: top.start, "Thiếu khóa “quy_tac” (danh sách quy tắc theo mã).",
                              hint: "Ví dụ:\nquy_tac:\n  dieu-11-k8:\n    han: { ngay_lam_viec: 3 }"))
            return rules
        }
        guard case let .mapping(mapping) = node else {
            log.report(.error("checklist.rules", at: MappingReader.location(of: node, path: path, lineOffset: 0),
                              "“quy_tac” phải là một nhóm, mỗi quy tắc một mã."))
            return rules
        }
        for (keyNode, value) in mapping.pairs.map({ ($0.key, $0.value) }) {
            let id = keyNode.string ?? ""
            let line = keyNode.mark?.line ?? 0
            guard let fields = MappingReader(value, path: path, lineOffset: 0, log: log, what: "Quy tắc “\(id)”") else { continue }
            let index = rules.firstIndex { $0.id == id }
            var rule = index.map { rules[$0] } ?? ChecklistRule(id: id, item: "", document: "", appliesTo: "cong_khai")
            if index == nil { rule.line = line; rule.source = path }
            let before = rule
            apply(fields, to: &rule, isNew: index == nil, builtIn: builtIn, log: log)
            if !builtIn { noteChanges(fields, from: before, to: &rule) }
            if let index { rules[index] = rule } else { rules.append(rule) }
        }
        return rules
    }

    static func apply(_ fields: MappingReader, to rule: inout ChecklistRule, isNew: Bool, builtIn: Bool, log: DiagnosticLog) {
        defer { fields.finish(context: "quy tắc công khai") }
        if let item = fields.string("noi_dung", "nội dung phải công khai", required: isNew) { rule.item = item }
        if let document = fields.string("van_ban", "văn bản làm căn cứ", required: isNew) { rule.document = document }
        if let article = fields.int("dieu", "điều của văn bản") { rule.article = article }
        if let clause = fields.int("khoan", "khoản của điều") { rule.clause = clause }
        if let kind = fields.string("ap_dung", "loại nội dung áp dụng") {
            if let problem = Scope.problem(appliesTo: kind, rule: rule, isNew: isNew, builtIn: builtIn) {
                log.report(.error(problem.key, at: fields.location(ofKey: "ap_dung"), problem.message, hint: problem.hint))
            } else {
                rule.appliesTo = kind
            }
        }
        if let group = fields.string("nhom", "nhóm để lọc") { rule.group = group }
        if let exempt = fields.bool("khong_ap_dung", "true nếu quy tắc không áp dụng cho đơn vị") { rule.isNotApplicable = exempt }
        if fields.has("kenh") {
            var channels: [ChecklistRule.Channel] = []
            for name in fields.strings("kenh", "hình thức công khai") {
                if let channel = ChecklistRule.Channel(rawValue: name) { channels.append(channel) } else {
                    log.report(.error("checklist.channel", at: fields.location(ofKey: "kenh"),
                                      "Hình thức công khai “\(name)” không có.",
                                      hint: "Dùng: " + ChecklistRule.Channel.allCases.map(\.rawValue).joined(separator: ", ") + "."))
                }
            }
            rule.channels = channels
        }
        if let text = fields.string("dinh_ky", "định kỳ: theo_van_ban, quy, nam hoặc thuong_xuyen") {
            if let recurrence = ChecklistRule.Recurrence(rawValue: text) { rule.recurrence = recurrence } else {
                log.report(.error("checklist.recurrence", at: fields.location(ofKey: "dinh_ky"),
                                  "“dinh_ky” phải là theo_van_ban, quy, nam hoặc thuong_xuyen (đang là “\(text)”)."))
            }
        }
        // The clock follows from what the rule applies to; `moc` may only say which it is.
        var clock = Scope.trigger(appliesTo: rule.appliesTo)
        if let text = fields.string("moc", "mốc tính hạn: van_ban, het_ky hoặc khong") {
            if let trigger = ChecklistRule.Trigger(rawValue: text) {
                // A standing item has no deadline at all, so `khong` is true of any standing rule.
                if trigger == .none, rule.recurrence == .standing {
                    clock = .none
                } else if trigger != clock {
                    log.report(.error("checklist.trigger-fixed", at: fields.location(ofKey: "moc"),
                                      "“moc: \(text)” không có tác dụng ở quy tắc “\(rule.id)”: quy tắc áp dụng cho “\(rule.appliesTo)” nên hạn luôn \(Scope.describe(clock)) (moc: \(clock.rawValue)).",
                                      hint: "Xóa dòng “moc”, hoặc ghi `moc: \(clock.rawValue)`."))
                }
            } else {
                log.report(.error("checklist.trigger", at: fields.location(ofKey: "moc"),
                                  "“moc” phải là van_ban, het_ky hoặc khong (đang là “\(text)”)."))
            }
        }
        rule.trigger = clock
        if isNew, !fields.has("han") { rule.deadline = .none }
        if let deadline = fields.mapping("han", "hạn công khai") {
            // A value out of range is reported by the reader and leaves the rule's deadline as it was.
            if deadline.has("ngay_lam_viec") {
                if let n = deadline.dayCount("ngay_lam_viec", "số ngày làm việc") { rule.deadline = .workingDays(n) }
            } else if deadline.has("ngay") {
                if let n = deadline.dayCount("ngay", "số ngày") { rule.deadline = .calendarDays(n) }
            } else if deadline.has("ngay_trong_thang") {
                if let d = deadline.int("ngay_trong_thang", "ngày trong tháng", in: ContentLimits.dayOfMonth) { rule.deadline = .dayOfMonth(d) }
            } else {
                log.report(.error("checklist.deadline", at: fields.location(ofKey: "han"),
                                  "“han” phải có một trong ngay_lam_viec, ngay hoặc ngay_trong_thang.",
                                  hint: "Ví dụ: `han: { ngay_lam_viec: 5 }`."))
            }
            deadline.finish(context: "hạn công khai")
        }
        rule.minimumPostingDays = days(fields, "niem_yet_toi_thieu", log: log) ?? rule.minimumPostingDays
        rule.minimumRadioDays = days(fields, "truyen_thanh_toi_thieu", log: log) ?? rule.minimumRadioDays
    }

    /// Records where a rules file changed a content-dependent field (a new rule: set it at all),
    /// for `Evaluation.reportUnusedSettings`. Restating the base's value changes nothing.
    static func noteChanges(_ fields: MappingReader, from before: ChecklistRule, to rule: inout ChecklistRule) {
        let changed: [ChecklistRule.Setting: Bool] = [
            .deadline: rule.deadline != before.deadline,
            .minimumPosting: rule.minimumPostingDays != before.minimumPostingDays,
            .minimumRadio: rule.minimumRadioDays != before.minimumRadioDays,
            .recurrence: rule.recurrence != before.recurrence,
        ]
        let inert: [ChecklistRule.Setting: Bool] = [
            .deadline: rule.deadline == .none, .minimumPosting: rule.minimumPostingDays == 0,
            .minimumRadio: rule.minimumRadioDays == 0, .recurrence: false,
        ]
        for setting in ChecklistRule.Setting.allCases where fields.has(setting.rawValue) && inert[setting] != true {
            // A new rule starts from the defaults, so any value it writes counts as a change.
            if changed[setting] == true || before.item.isEmpty {
                rule.changedAt[setting] = fields.location(ofKey: setting.rawValue)
            }
        }
    }

    static func days(_ fields: MappingReader, _ key: String, log: DiagnosticLog) -> Int? {
        fields.dayCount(key, "số ngày liên tục tối thiểu")
    }
}
