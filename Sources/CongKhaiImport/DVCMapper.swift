import CongKhaiModel
import Foundation

/// Turns a portal record into a draft: short parts into front-matter values, long parts into
/// body sections, run-together tables into structure. The portal's page furniture is dropped and
/// counted; text no parser accounts for is kept in its section, and what the editor must check is
/// listed on the draft (one line per record at the end of the import, details with `--verbose`).
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
        let value = { (key: String) in ImportText.value(record.text(key)) }

        draft.name = value("ten_thu_tuc").map(ImportText.oneLine)
        draft.field = value("linh_vuc").map(ImportText.oneLine)
        draft.level = value("cap_thuc_hien").map(ImportText.oneLine)
        draft.subjects = value("doi_tuong_thuc_hien").map(ImportText.oneLine)
        draft.agency = (value("co_quan_thuc_hien") ?? value("co_quan_co_tham_quyen")).map(ImportText.oneLine)
        if let kind = value("loai_thu_tuc") {
            draft.note("cap_thuc_hien", "Theo Cổng DVC: loại thủ tục “\(ImportText.oneLine(kind))”.")
        }
        if let decision = value("so_quyet_dinh").map(ImportText.oneLine) {
            let number = ImportText.matches(LegalBasisParser.documentNumber, in: decision).first
                .flatMap { ImportText.substring(decision, $0.range) }
            draft.publicationNumber = number ?? decision
        }
        if let address = value("detail_url").map(ImportText.oneLine) {
            if let url = URL(string: address), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil {
                draft.onlineURL = address
            } else {
                draft.check("địa chỉ trên Cổng DVC", "trường detail_url “\(address)” không phải địa chỉ web nên không ghi vào dvc_url")
            }
        }
        if let steps = value("trinh_tu_thuc_hien") {
            draft.sections.append(DraftSection(SectionName.steps, ImportText.markdown(steps)))
        }
        if let requirements = value("yeu_cau_dieu_kien") {
            draft.sections.append(DraftSection(SectionName.requirements, ImportText.markdown(requirements)))
        }
        mapDocuments(value("thanh_phan_ho_so"), into: &draft)
        mapChannels(value("cach_thuc_thuc_hien"), into: &draft)
        mapLegalBasis(value("can_cu_phap_ly"), into: &draft)
        mapResult(value("ket_qua_xu_ly"), into: &draft)
        return draft
    }

    static func mapDocuments(_ text: String?, into draft: inout ProcedureDraft) {
        guard let text else { return }
        if let parsed = DocumentTableParser.parse(text) {
            draft.sections.append(DraftSection(SectionName.documents, DocumentTableParser.markdown(parsed)))
            if parsed.leftover != nil {
                draft.check("thành phần hồ sơ", "phần chữ cuối bảng giấy tờ không có số lượng; đã giữ dưới bảng")
            }
            let forms = parsed.forms
            if !forms.isEmpty {
                draft.check("mẫu đơn", "tải từ Cổng DVC rồi khai báo ở mau_don: \(forms.map { "“\($0)”" }.joined(separator: ", "))")
            }
        } else {
            if DocumentTableParser.isTable(text) {
                draft.check("thành phần hồ sơ", "không tách được bảng giấy tờ; đã giữ nguyên văn")
            }
            draft.sections.append(DraftSection(SectionName.documents, ImportText.markdown(text)))
        }
    }

    static func mapChannels(_ text: String?, into draft: inout ProcedureDraft) {
        guard let text else { return }
        guard let rows = ChannelTableParser.parse(text) else {
            draft.check("cách thức thực hiện", "không tách được hình thức nộp, thời hạn và phí, lệ phí; đã giữ nguyên văn")
            draft.sections.append(DraftSection(SectionName.channels, ImportText.markdown(text)))
            draft.sections.append(DraftSection(SectionName.channelNotes, ""))
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
        for problem in Set(rows.flatMap(\.problems)).sorted() {
            draft.check(problem.contains("phí") ? "thời hạn, phí" : "thời hạn", problem)
            // Also in the file, where the editor who opens it later will see it.
            draft.note("cach_thuc", "Cần kiểm tra: " + problem + ".")
        }
        if rows.allSatisfy({ $0.fee == nil }) {
            draft.check("phí", "Cổng DVC không ghi phí, lệ phí nên trang ghi “Chưa có thông tin”; ghi `phi` nếu biết")
        }
        draft.sections.append(DraftSection(SectionName.channelNotes, channelNotes(rows)))
        // An earlier import's raw "Cách thức thực hiện" section is replaced by the table.
        draft.sections.append(DraftSection(SectionName.channels, ""))
    }

    /// The table's description column and the long fee notes, which have no place in the front
    /// matter. Written once when every channel says the same, else channel by channel.
    static func channelNotes(_ rows: [ChannelRow]) -> String {
        let notes = rows.map { row -> (String, [String]) in
            var lines: [String] = []
            if let note = row.feeNote { lines.append("Phí, lệ phí: " + note) }
            if let description = row.description { lines += description.split(separator: "\n").map(String.init) }
            return (row.channel.label + (row.deadline.map { " (\($0))" } ?? ""), lines)
        }.filter { !$0.1.isEmpty }
        guard !notes.isEmpty else { return "" }
        let distinct = Set(notes.map(\.1))
        if distinct.count == 1, notes.count == rows.count {
            return notes[0].1.map(ImportText.escapeLine).joined(separator: "\n\n")
        }
        var blocks: [String] = []
        var written = Set<[String]>()
        for (_, lines) in notes {
            let same = notes.filter { $0.1 == lines }.map(\.0)
            guard written.insert(lines).inserted else { continue }
            let first = "**" + ImportText.escapeInline(same.joined(separator: ", ")) + ":** " + ImportText.escapeInline(lines[0])
            blocks.append(([first] + lines.dropFirst().map(ImportText.escapeLine)).joined(separator: "\n\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    static func mapLegalBasis(_ text: String?, into draft: inout ProcedureDraft) {
        guard let text else { return }
        let withoutHeader = LegalBasisParser.header.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
        guard ImportText.value(withoutHeader) != nil else { return }
        guard let parsed = LegalBasisParser.parseAll(text) else {
            draft.check("căn cứ pháp lý", "không tách được tên và số hiệu của từng văn bản; đã giữ nguyên văn")
            draft.sections.append(DraftSection(SectionName.legalBasis, ImportText.markdown(text)))
            return
        }
        draft.legalBasis = parsed.documents
        if let agency = parsed.agency {
            if draft.agency == nil { draft.agency = agency }
            draft.furniture += 1
        }
        if let leftover = parsed.leftover {
            draft.check("căn cứ pháp lý", "phần cuối “\(leftover)” không có số hiệu văn bản; đã giữ trong mục “## \(SectionName.legalBasis)”")
            draft.sections.append(DraftSection(SectionName.legalBasis, ImportText.markdown(leftover)))
        } else {
            draft.sections.append(DraftSection(SectionName.legalBasis, ""))
        }
    }

    static func mapResult(_ text: String?, into draft: inout ProcedureDraft) {
        guard let text else { return }
        let parsed = ResultParser.parse(text)
        draft.furniture += parsed.furniture
        if !parsed.names.isEmpty { draft.result = parsed.names.joined(separator: "; ") }
        if !parsed.codes.isEmpty {
            draft.note("ket_qua", "Theo Cổng DVC: mã kết quả \(parsed.codes.joined(separator: ", ")).")
        }
        if let keywords = parsed.keywords {
            draft.note("ket_qua", "Theo Cổng DVC: từ khóa “\(keywords)”.")
        }
        if let leftover = parsed.leftover {
            draft.check("kết quả", "có phần chữ sau mã kết quả không nhận ra được; đã giữ trong mục “## \(SectionName.result)”")
            draft.sections.append(DraftSection(SectionName.result, ImportText.markdown(leftover)))
        } else {
            draft.sections.append(DraftSection(SectionName.result, ""))
        }
    }
}
