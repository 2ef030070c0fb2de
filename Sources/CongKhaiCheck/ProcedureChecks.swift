import CongKhaiModel
import Foundation

/// The catalogue's rules: well-formed unique codes, fees that exist, and every part
/// NĐ 63/2010 Điều 8 requires a published procedure to have.
public enum ProcedureChecks {
    /// `1.001193`, optionally with the provincial suffix `.000.00.00.H12`.
    public static func isValidCode(_ code: String) -> Bool {
        ProcedureCode.isValid(code)
    }

    public static func run(_ content: SiteContent, log: DiagnosticLog) {
        let feeIDs = Set(content.fees?.fees.map(\.id) ?? [])
        let attachments = Set(content.attachments.map(\.source))
        var firstByCode: [String: Procedure] = [:]
        for procedure in content.procedures.sorted(by: { $0.source < $1.source }) {
            let at = { (key: String) in SourceLocation(path: procedure.source, line: procedure.line(of: key)) }
            // A province's copy (`….H36`) is the same procedure as the national code: one page.
            if let first = firstByCode[ProcedureCode.base(procedure.code)] {
                let same = first.code == procedure.code ? "" : " (mã \(first.code), cùng một thủ tục)"
                log.report(.error("procedure.duplicate", at: at("ma"),
                                  "Mã thủ tục \(procedure.code) đã có ở \(first.source)\(same).",
                                  hint: "Mỗi thủ tục chỉ có một tệp; xóa hoặc sửa mã của một trong hai tệp."))
            } else {
                firstByCode[ProcedureCode.base(procedure.code)] = procedure
            }
            check(procedure, in: content, feeIDs: feeIDs, attachments: attachments, log: log)
        }
    }

    /// Digits, commas, points and spaces only. ASCII answers from the bytes: a letter ends it
    /// (`30 ngày`, almost every deadline, at its fourth byte) and cannot be part of a numeric
    /// Character when only ASCII came before it; anything else is asked of the Characters.
    static func isBareNumber(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == " " } }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ",")
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: " ") else { return false }
        }
        return true
    }

    /// The keys of what `check` finds in one procedure's own file.
    public static let ownKeys: Set<String> = ["procedure.code", "procedure.unknown-fee", "procedure.partial-reason", "path.outside",
                                              "procedure.form-missing", "procedure.deadline-unit", "procedure.part-missing"]

    /// One procedure's own rules (all but the duplicate code, which reads the others), for
    /// `serve` to check an edited procedure again alone. `feeIDs`, `attachments`: the site's.
    public static func check(_ procedure: Procedure, in content: SiteContent, feeIDs: Set<String>, attachments: Set<String>, log: DiagnosticLog) {
        let at = { (key: String) in SourceLocation(path: procedure.source, line: procedure.line(of: key)) }
        if !isValidCode(procedure.code) {
            log.report(.error("procedure.code", at: at("ma"),
                              "Mã thủ tục “\(procedure.code)” không đúng dạng d.dddddd (ví dụ 1.001193, hoặc 1.001193.000.00.00.H36 với mã của tỉnh).",
                              hint: "Chép đúng mã từ Cơ sở dữ liệu quốc gia về thủ tục hành chính."))
        }
        // A fee schedule that is broken or still a draft has its own findings: no cascade here.
        for id in procedure.feeIDs where !feeIDs.contains(id) && !content.holdsBackFees {
            let near = NearMiss.closest(to: id, among: feeIDs.sorted())
            log.report(.error("procedure.unknown-fee", at: at("phi"),
                              "Khoản phí “\(id)” không có trong content/phi-le-phi.yaml.",
                              hint: near.map { "Có phải ý bạn là “\($0)”?" } ?? "Thêm khoản phí này vào phi-le-phi.yaml, hoặc ghi `phi: mien` nếu thủ tục không thu phí."))
        }
        if procedure.onlineLevel == .partial, procedure.partialReason == nil {
            log.report(.warning("procedure.partial-reason", at: at("muc_do"),
                                "Thủ tục chỉ trực tuyến một phần nhưng chưa nêu lý do (NĐ 224/2026, Điều 14).",
                                hint: "Thêm `ly_do_mot_phan: \"...\"`, ví dụ: phải nộp bản chính giấy tờ để đối chiếu."))
        }
        for form in procedure.forms {
            let folder = (procedure.source as NSString).deletingLastPathComponent
            // The form is published beside the procedure under its own name, so a path elsewhere
            // (`../`, `/etc/...`, a sub-folder) would publish a link to nothing, or name a file outside content/.
            if form.file.contains("/") || form.file.contains("\\") {
                log.report(.error("path.outside", at: SourceLocation(path: procedure.source, line: form.line),
                                  "Tệp mẫu đơn “\(form.file)” phải là tên một tệp đặt cạnh tệp thủ tục, không phải một đường dẫn.",
                                  hint: "Chép tệp mẫu đơn vào \(folder)/ rồi chỉ ghi tên tệp, ví dụ `tep: \"to-khai.docx\"`."))
                continue
            }
            let path = ((folder as NSString).appendingPathComponent(form.file) as NSString).standardizingPath
            if !attachments.contains(path) {
                log.report(.warning("procedure.form-missing", at: SourceLocation(path: procedure.source, line: form.line),
                                    "Không thấy tệp mẫu đơn “\(form.file)” cạnh tệp thủ tục.",
                                    hint: "Đặt tệp vào \(folder)/ hoặc sửa tên tệp trong “tep”."))
            }
        }
        // "1" alone (real portal records have it) tells a citizen neither days, working days nor hours.
        let bareTimes = ([procedure.deadline] + procedure.channels.map(\.deadline)).compactMap { $0 }
            .filter { text in !text.isEmpty && isBareNumber(text) }
        if let bare = bareTimes.first {
            log.report(.warning("procedure.deadline-unit", at: at(procedure.deadline == bare ? "thoi_han" : "cach_thuc"),
                                "Thời hạn giải quyết của thủ tục \(procedure.code) chỉ ghi “\(bare)”, không có đơn vị: người dân không biết là \(bare) ngày, \(bare) ngày làm việc hay \(bare) giờ.",
                                hint: "Ghi như quyết định công bố, ví dụ `thoi_han: \"\(bare) ngày làm việc\"`."))
        }
        for (part, key) in missingParts(procedure) {
            log.report(.warning("procedure.part-missing", at: at(key),
                                "Thủ tục \(procedure.code) thiếu “\(part)”, một bộ phận phải công khai theo NĐ 63/2010, Điều 8.",
                                hint: hint(for: key)))
        }
    }

    /// Each missing part with the key (or section) where it belongs.
    static func missingParts(_ procedure: Procedure) -> [(String, String)] {
        var missing: [(String, String)] = []
        if !procedure.sections.contains(.steps) { missing.append(("trình tự thực hiện", "ten")) }
        if procedure.channels.isEmpty { missing.append(("cách thức thực hiện", "cach_thuc")) }
        if !procedure.sections.contains(.documents) { missing.append(("thành phần hồ sơ", "ten")) }
        if procedure.deadline == nil && procedure.channels.allSatisfy({ $0.deadline == nil }) { missing.append(("thời hạn giải quyết", "thoi_han")) }
        if procedure.subjects == nil { missing.append(("đối tượng thực hiện", "doi_tuong")) }
        if procedure.agency == nil { missing.append(("cơ quan thực hiện", "co_quan_thuc_hien")) }
        if procedure.result == nil { missing.append(("kết quả thực hiện", "ket_qua")) }
        if procedure.legalBasis.isEmpty { missing.append(("căn cứ pháp lý", "can_cu_phap_ly")) }
        return missing
    }

    static func hint(for key: String) -> String {
        switch key {
        case "ten": return "Thêm mục “## Trình tự thực hiện” hoặc “## Thành phần hồ sơ” vào phần nội dung."
        case "cach_thuc": return "Thêm `cach_thuc:` với từng hình thức nộp (truc_tiep, truc_tuyen, buu_chinh)."
        case "can_cu_phap_ly": return "Thêm `can_cu_phap_ly:` với số hiệu và tên văn bản."
        default: return "Thêm `\(key): \"...\"` vào phần đầu tệp."
        }
    }
}

extension SiteContent {
    /// `content/phi-le-phi.yaml` exists but could not be read, or is a draft: it is not missing.
    static let feeSchedulePath = "content/phi-le-phi.yaml"

    var holdsBackFees: Bool {
        fees == nil && (unreadable.contains(Self.feeSchedulePath) || unwritten.contains { $0.path == Self.feeSchedulePath })
    }

    /// The file to fix for an item whose content is held back (broken or unwritten), if any.
    func heldBack(_ path: String) -> String? {
        unreadable.contains(path) || unwritten.contains { $0.path == path } ? path : nil
    }
}

/// The fee schedule on its own: unique ids, and fees no procedure charges.
public enum FeeChecks {
    public static func run(_ content: SiteContent, log: DiagnosticLog) {
        guard let schedule = content.fees else {
            if !content.holdsBackFees, content.procedures.contains(where: { !$0.feeIDs.isEmpty }) {
                log.report(.error("fee.no-schedule", at: SourceLocation(path: "content/phi-le-phi.yaml"),
                                  "Có thủ tục ghi phí, lệ phí nhưng chưa có tệp content/phi-le-phi.yaml.",
                                  hint: "Tạo tệp phi-le-phi.yaml với danh sách `phi:`."))
            }
            return
        }
        var seen: [String: Int] = [:]
        for fee in schedule.fees {
            if let line = seen[fee.id] {
                log.report(.error("fee.duplicate", at: SourceLocation(path: schedule.source, line: fee.line),
                                  "Mã phí “\(fee.id)” đã dùng ở dòng \(line).", hint: "Mỗi khoản phí cần một mã riêng."))
            } else {
                seen[fee.id] = fee.line
            }
        }
        let used = Set(content.procedures.flatMap(\.feeIDs))
        for fee in schedule.fees where !used.contains(fee.id) && !content.procedures.isEmpty {
            log.report(.warning("fee.unused", at: SourceLocation(path: schedule.source, line: fee.line),
                                "Khoản “\(fee.name)” (\(fee.id)) không được thủ tục nào sử dụng.",
                                hint: "Ghi mã này vào “phi” của thủ tục thu nó, hoặc xóa khoản này nếu không còn thu."))
        }
    }
}
