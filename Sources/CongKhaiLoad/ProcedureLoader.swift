import CongKhaiModel
import Foundation

/// `content/thu-tuc/<linh-vuc>/<ma>.md`: one procedure, its front matter in the shape of the
/// national database, its long parts as Markdown sections.
public enum ProcedureLoader {
    static let keys = ["ma", "ten", "linh_vuc", "cap_thuc_hien", "muc_do", "ly_do_mot_phan", "cach_thuc",
                       "thoi_han", "thoi_han_ngay", "don_vi", "phi", "doi_tuong", "co_quan_thuc_hien", "ket_qua",
                       "can_cu_phap_ly", "mau_don", "cong_bo", "dvc_url", "cap_nhat"]

    public static func load(_ source: SourceText, fieldSlug: String, log: DiagnosticLog) -> Procedure? {
        guard let (yaml, parts, _) = FrontMatter.open(source, what: "Tệp thủ tục",
                                                   example: "Chép một tệp thủ tục có sẵn trong content/thu-tuc/ rồi sửa nội dung.", log: log) else { return nil }
        let rawCode = yaml.string("ma", "mã thủ tục hành chính, ví dụ 1.001193", required: true)
        let name = yaml.string("ten", "tên thủ tục", required: true)
        let field = yaml.string("linh_vuc", "lĩnh vực, ví dụ Hộ tịch", required: true)
        let code = rawCode.map { cleanCode($0, yaml: yaml, log: log) } ?? ""
        var procedure = Procedure(source: source.path, path: "thu-tuc/\(fieldSlug)/\(pathSegment(code))/",
                                  code: code, name: name ?? "", field: field ?? "", fieldSlug: fieldSlug)
        procedure.level = yaml.string("cap_thuc_hien", "cấp thực hiện")
        if let levelText = yaml.string("muc_do", "mức độ trực tuyến: toan_trinh, mot_phan hoặc truc_tiep") {
            procedure.onlineLevel = OnlineLevel(rawValue: levelText)
            if procedure.onlineLevel == nil {
                log.report(.error("procedure.level", at: yaml.location(ofKey: "muc_do"),
                                  "“muc_do” phải là toan_trinh, mot_phan hoặc truc_tiep (đang là “\(levelText)”).",
                                  hint: "toan_trinh: nộp và nhận kết quả trực tuyến; mot_phan: một phần trực tuyến; truc_tiep: chỉ nộp trực tiếp."))
            }
        }
        procedure.partialReason = yaml.string("ly_do_mot_phan", "lý do chỉ trực tuyến một phần")
        procedure.channels = yaml.mappings("cach_thuc", "cách thức thực hiện").compactMap { channel(from: $0, log: log) }
        procedure.deadline = yaml.string("thoi_han", "thời hạn giải quyết")
        procedure.deadlineAmount = yaml.number("thoi_han_ngay", "số ngày (hoặc giờ) giải quyết", maximum: Double(ContentLimits.days.upperBound))
        if let unit = yaml.string("don_vi", "đơn vị thời hạn: ngay_lam_viec, ngay hoặc gio") {
            procedure.deadlineUnit = DeadlineUnit(rawValue: unit)
            if procedure.deadlineUnit == nil {
                log.report(.error("procedure.unit", at: yaml.location(ofKey: "don_vi"),
                                  "“don_vi” phải là ngay_lam_viec, ngay hoặc gio (đang là “\(unit)”).",
                                  hint: "Ví dụ: `don_vi: ngay_lam_viec`."))
            }
        }
        (procedure.feeIDs, procedure.isFree) = fees(yaml)
        procedure.subjects = yaml.string("doi_tuong", "đối tượng thực hiện")
        procedure.agency = yaml.string("co_quan_thuc_hien", "cơ quan thực hiện")
        procedure.result = yaml.string("ket_qua", "kết quả thực hiện")
        procedure.legalBasis = yaml.mappings("can_cu_phap_ly", "căn cứ pháp lý").compactMap { document(from: $0, numberKey: "so_hieu") }
        procedure.forms = yaml.mappings("mau_don", "mẫu đơn, tờ khai").compactMap { form in
            defer { form.finish(context: "mẫu đơn") }
            let title = form.string("ten", "tên mẫu đơn", required: true)
            let file = form.string("tep", "tên tệp mẫu đơn đặt cạnh tệp thủ tục", required: true)
            guard let title, let file else { return nil }
            return FormFile(title: title, file: file, line: form.start.line)
        }
        if let publication = yaml.mapping("cong_bo", "quyết định công bố thủ tục") {
            procedure.publication = document(from: publication, numberKey: "so")
        }
        procedure.onlineURL = yaml.string("dvc_url", "địa chỉ nộp hồ sơ trực tuyến")
        // Published as a link: anything but a web address (`javascript:...`) would run or lead nowhere.
        if let url = procedure.onlineURL, !["http", "https"].contains(URL(string: url)?.scheme?.lowercased() ?? "") || URL(string: url)?.host == nil {
            log.report(.error("procedure.url", at: yaml.location(ofKey: "dvc_url"),
                              "“dvc_url” phải là một địa chỉ web đầy đủ (bắt đầu bằng https://), nhưng đang là “\(url)”.",
                              hint: "Chép địa chỉ của thủ tục trên Cổng Dịch vụ công, ví dụ `dvc_url: https://dichvucong.gov.vn/...`."))
            procedure.onlineURL = nil
        }
        procedure.updated = yaml.date("cap_nhat", "ngày cập nhật")
        procedure.keyLines = KeyLineTable(keys: keys, lines: keys.map { yaml.has($0) ? yaml.location(ofKey: $0).line : yaml.start.line })
        _ = yaml.bool("nhap", "bản nháp, chưa đăng")
        yaml.finish(context: "thủ tục hành chính")
        procedure.body = parts.body
        procedure.bodyLine = parts.bodyLine
        procedure.sections = sections(in: parts.body)
        return name == nil || field == nil || code.isEmpty ? nil : procedure
    }

    /// `TextFolding.pathSafe` of a code. A national code (digits and inner dots, `2.001021`) is
    /// its own segment, answered from its bytes: the general fold, split and trim took a few
    /// microseconds for each of 10,000 procedures.
    static func pathSegment(_ code: String) -> String {
        let utf8 = code.utf8
        if let first = utf8.first, let last = utf8.last, first != UInt8(ascii: "."), last != UInt8(ascii: "."),
           utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") }) {
            return code
        }
        return TextFolding.pathSafe(code)
    }

    /// Codes copied from web pages bring invisible characters along; they are removed, and said.
    static func cleanCode(_ code: String, yaml: MappingReader, log: DiagnosticLog) -> String {
        let cleaned = ProcedureCode.clean(code)
        if cleaned != code {
            log.report(.warning("procedure.code-invisible", at: yaml.location(ofKey: "ma"),
                                "Mã thủ tục “\(cleaned)” có dấu cách hoặc ký tự ẩn (thường do sao chép từ trang web); đã bỏ đi.",
                                hint: "Gõ lại mã bằng tay để tệp sạch: `ma: \"\(cleaned)\"`."))
        }
        return cleaned
    }

    static func channel(from item: MappingReader, log: DiagnosticLog) -> ChannelTerms? {
        defer { item.finish(context: "cách thức thực hiện") }
        let kindText = item.string("hinh_thuc", "hình thức nộp: truc_tiep, truc_tuyen hoặc buu_chinh", required: true)
        let deadline = item.string("thoi_han", "thời hạn giải quyết theo hình thức này")
        let fee = item.string("phi", "phí, lệ phí theo hình thức này")
        guard let kindText else { return nil }
        guard let kind = SubmissionChannel(rawValue: kindText) else {
            log.report(.error("procedure.channel", at: item.location(ofKey: "hinh_thuc"),
                              "“hinh_thuc” phải là truc_tiep, truc_tuyen hoặc buu_chinh (đang là “\(kindText)”).",
                              hint: "Ví dụ: `- hinh_thuc: truc_tuyen`."))
            return nil
        }
        return ChannelTerms(channel: kind, deadline: deadline, fee: fee)
    }

    static func document(from item: MappingReader, numberKey: String) -> LegalDocument? {
        defer { item.finish(context: "văn bản") }
        let number = item.string(numberKey, "số, ký hiệu văn bản", required: true)
        let title = item.string("ten", "tên, trích yếu văn bản")
        let date = item.date("ngay", "ngày ban hành")
        let issuer = item.string("co_quan", "cơ quan ban hành")
        return number.map { LegalDocument(number: $0, title: title, date: date, issuer: issuer) }
    }

    /// `phi: [id, id]`, `phi: id`, or `phi: mien` for a free procedure.
    static func fees(_ yaml: MappingReader) -> ([String], Bool) {
        let values = yaml.strings("phi", "mã phí, lệ phí trong phi-le-phi.yaml, hoặc mien").map { $0.lowercased() }
        if values == ["mien"] || values == ["miễn"] { return ([], true) }
        return (values, false)
    }

    private static let foldedSections = ProcedureSection.allCases.map { ($0, TextFolding.fold($0.rawValue)) }

    /// Which of the required `##` sections the body has (matched without diacritics or case).
    static func sections(in body: String) -> Set<ProcedureSection> {
        var found = Set<ProcedureSection>()
        for heading in SectionHeadings.all(in: body).map(TextFolding.fold) {
            for (section, folded) in foldedSections where heading.hasPrefix(folded) {
                found.insert(section)
            }
        }
        return found
    }
}
