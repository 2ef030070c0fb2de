import CongKhaiModel
import Foundation

/// Turns a portal record into a draft: short parts into front-matter values, long parts into
/// body sections, run-together tables into structure where the parsers can account for every
/// character. What they cannot is kept whole in a body section and reported by record and field.
public enum DVCMapper {
    public static func draft(from record: DVCRecord, path: String, log: DiagnosticLog) -> ProcedureDraft? {
        let location = SourceLocation(path: path)
        guard !record.rejected else { return nil }
        guard let rawCode = record.text("ma_thu_tuc").map(ProcedureCode.clean), !rawCode.isEmpty else {
            log.report(.warning("import.code", at: location,
                                "\(record.label): thiếu “ma_thu_tuc”; đã bỏ qua hồ sơ này.",
                                hint: "Mỗi hồ sơ cần mã thủ tục hành chính, ví dụ \"ma_thu_tuc\": \"1.001193\"."))
            return nil
        }
        guard ProcedureCode.isValid(rawCode) else {
            log.report(.warning("import.code", at: location,
                                "\(record.label), trường ma_thu_tuc: mã “\(rawCode)” không đúng dạng d.dddddd (hoặc d.dddddd.000.00.00.Hdd); đã bỏ qua hồ sơ này.",
                                hint: "Chép đúng mã từ Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193."))
            return nil
        }
        var draft = ProcedureDraft(code: rawCode)
        let warn = { (field: String, problem: String, section: String) in
            log.report(.warning("import.unparsed", at: location,
                                "hồ sơ \(rawCode), trường \(field): \(problem); đã giữ nguyên văn trong mục “## \(section)”.",
                                hint: "Mở tệp thủ tục, đọc lại mục này và chép các phần vào phần đầu tệp nếu cần."))
        }
        let value = { (key: String) in ImportText.value(record.text(key)) }

        draft.name = value("ten_thu_tuc").map(ImportText.oneLine)
        draft.field = value("linh_vuc").map(ImportText.oneLine)
        draft.level = value("cap_thuc_hien").map(ImportText.oneLine)
        draft.subjects = value("doi_tuong_thuc_hien").map(ImportText.oneLine)
        draft.agency = value("co_quan_thuc_hien").map(ImportText.oneLine)
        if let kind = value("loai_thu_tuc") {
            draft.note("cap_thuc_hien", "Theo Cổng DVC: loại thủ tục “\(ImportText.oneLine(kind))”.")
        }
        if let decision = value("so_quyet_dinh").map(ImportText.oneLine) {
            let number = ImportText.matches(LegalBasisParser.documentNumber, in: decision).first
                .flatMap { ImportText.substring(decision, $0.range) }
            draft.publicationNumber = number ?? decision
        }
        if let steps = value("trinh_tu_thuc_hien") {
            draft.sections.append(DraftSection(SectionName.steps, ImportText.markdown(steps)))
        }
        if let requirements = value("yeu_cau_dieu_kien") {
            draft.sections.append(DraftSection(SectionName.requirements, ImportText.markdown(requirements)))
        }
        if let documents = value("thanh_phan_ho_so") {
            if let rows = DocumentTableParser.parse(documents) {
                draft.sections.append(DraftSection(SectionName.documents, DocumentTableParser.markdown(rows)))
            } else {
                if DocumentTableParser.isTable(documents) {
                    warn("thanh_phan_ho_so", "không tách được bảng giấy tờ (tên giấy tờ dính liền tên mẫu đơn)", SectionName.documents)
                }
                draft.sections.append(DraftSection(SectionName.documents, ImportText.markdown(documents)))
            }
        }
        mapChannels(value("cach_thuc_thuc_hien"), into: &draft, warn: warn)
        mapLegalBasis(value("can_cu_phap_ly"), into: &draft, warn: warn)
        mapResult(value("ket_qua_xu_ly"), into: &draft, warn: warn)
        return draft
    }

    static func mapChannels(_ text: String?, into draft: inout ProcedureDraft, warn: (String, String, String) -> Void) {
        guard let text else { return }
        guard let rows = ChannelTableParser.parse(text) else {
            warn("cach_thuc_thuc_hien", "không tách được hình thức nộp, thời hạn và phí, lệ phí", SectionName.channels)
            draft.sections.append(DraftSection(SectionName.channels, ImportText.markdown(text)))
            return
        }
        draft.channels = rows.map { ChannelTerms(channel: $0.channel, deadline: $0.deadline, fee: $0.fee) }
        if let common = ChannelTableParser.commonDeadline(rows) {
            draft.deadline = common
            if let (amount, unit) = ChannelTableParser.deadlineAmount(common) {
                draft.deadlineAmount = amount
                draft.deadlineUnit = unit
            }
        }
        // The table's description column has no place in the front matter; it stays readable here.
        let described = rows.compactMap { row in
            row.description.map { "- **\(row.channel.label):** \(ImportText.escapeLine($0))" }
        }
        draft.sections.append(DraftSection(SectionName.channels, described.joined(separator: "\n")))
    }

    static func mapLegalBasis(_ text: String?, into draft: inout ProcedureDraft, warn: (String, String, String) -> Void) {
        guard let text else { return }
        let withoutHeader = LegalBasisParser.header.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
        guard ImportText.value(withoutHeader) != nil else { return }
        if let documents = LegalBasisParser.parse(text) {
            draft.legalBasis = documents
            draft.sections.append(DraftSection(SectionName.legalBasis, ""))
        } else {
            warn("can_cu_phap_ly", "không tách được tên và số hiệu của từng văn bản", SectionName.legalBasis)
            draft.sections.append(DraftSection(SectionName.legalBasis, ImportText.markdown(text)))
        }
    }

    static func mapResult(_ text: String?, into draft: inout ProcedureDraft, warn: (String, String, String) -> Void) {
        guard let text else { return }
        let parsed = ResultParser.parse(text)
        if !parsed.names.isEmpty { draft.result = parsed.names.joined(separator: "; ") }
        if !parsed.codes.isEmpty {
            draft.note("ket_qua", "Theo Cổng DVC: mã kết quả \(parsed.codes.joined(separator: ", ")).")
        }
        if let leftover = parsed.leftover {
            warn("ket_qua_xu_ly", "có phần chữ sau mã kết quả không nhận ra được", SectionName.result)
            draft.sections.append(DraftSection(SectionName.result, ImportText.markdown(leftover)))
        } else {
            draft.sections.append(DraftSection(SectionName.result, ""))
        }
    }
}
