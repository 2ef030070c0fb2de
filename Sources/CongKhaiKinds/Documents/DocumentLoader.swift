import CongKhaiLoad
import CongKhaiModel

/// Loads `van-ban/<năm>/<ten>.md`: one document of the registry, its front matter and an
/// optional summary as the body. Findings about one file are reported here; findings that
/// need the other documents (duplicates, links) are `DocumentChecks`'.
enum DocumentLoader {
    static let example = """
    ---
    so: "12/2026/NQ-HĐND"
    loai: "Nghị quyết"
    co_quan: "HĐND xã"
    ngay: 2026-07-15
    trich_yeu: "Về việc ..."
    hieu_luc: 2026-07-25
    nguoi_ky: "Nguyễn Văn A"
    tep: "nq-12-2026.pdf"
    ---
    """

    static let keys = ["so", "loai", "co_quan", "ngay", "trich_yeu", "hieu_luc", "het_hieu_luc", "tinh_trang",
                       "nguoi_ky", "chuc_vu", "tep", "thay_the", "bi_thay_the_boi", "sua_doi", "ngay_cong_khai", "niem_yet"]

    static func load(_ source: SourceText, yearFolder: String, log: DiagnosticLog) -> OfficialDocument? {
        guard let (yaml, parts, _) = FrontMatter.open(source, what: "Văn bản", example: example, log: log) else { return nil }
        let number = yaml.string("so", "số, ký hiệu văn bản", required: true)
        let subject = yaml.string("trich_yeu", "trích yếu nội dung", required: true)
        let stem = String(source.path.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
        var document = OfficialDocument(source: source.path, path: "van-ban/\(TextFolding.slug(yearFolder))/\(TextFolding.slug(stem))/",
                                        number: number ?? "", subject: subject ?? "")
        for key in keys { document.keyLines[key] = yaml.has(key) ? yaml.location(ofKey: key).line : yaml.start.line }
        document.keyLines[""] = yaml.start.line
        let parsed = number.flatMap { text -> DocumentNumber? in
            // `congkhai new van-ban`'s `00/QĐ-UBND` holds the file back as unwritten; its kind
            // and body are still read, so the rest of the draft is checked as it will be.
            if text.hasPrefix("00/") { return DocumentNumber.parse("1/" + text.dropFirst(3)) }
            guard let parsed = DocumentNumber.parse(text) else {
                log.report(.error("document.number", at: yaml.location(ofKey: "so"),
                                  "Số, ký hiệu “\(text)” không đúng dạng số/năm/loại-cơ quan hoặc số/loại-cơ quan.",
                                  hint: "Ví dụ: `so: \"12/2026/NQ-HĐND\"` (nghị quyết quy phạm pháp luật) hoặc `so: \"45/QĐ-UBND\"`."))
                return nil
            }
            return parsed
        }
        document.kind = enumValue(yaml, "loai", "loại văn bản", OfficialDocument.Kind.init(text:),
                                  OfficialDocument.Kind.allCases.map(\.label), log: log) ?? parsed?.kind
        if !yaml.has("loai"), parsed?.kind == nil {
            log.report(.error("field.missing", at: yaml.start, "Thiếu “loai” (loại văn bản).",
                              hint: "Thêm một dòng `loai: \"Quyết định\"`."))
        }
        document.issuer = enumValue(yaml, "co_quan", "cơ quan ban hành", OfficialDocument.Issuer.init(text:),
                                    OfficialDocument.Issuer.allCases.map(\.shortLabel), required: true, log: log)
        document.issued = yaml.date("ngay", "ngày ban hành", required: true)
        document.effective = yaml.date("hieu_luc", "ngày có hiệu lực")
        document.expires = yaml.date("het_hieu_luc", "ngày hết hiệu lực")
        document.statedStatus = enumValue(yaml, "tinh_trang", "tình trạng hiệu lực", OfficialDocument.Status.init(text:),
                                          ["còn hiệu lực", "hết hiệu lực", "bị thay thế", "được sửa đổi"], log: log)
        document.signer = yaml.string("nguoi_ky", "người ký")
        document.signerPosition = yaml.string("chuc_vu", "chức vụ người ký")
        document.file = yaml.string("tep", "tên tệp văn bản đặt cạnh tệp này")
        document.replaces = yaml.strings("thay_the", "số của các văn bản bị văn bản này thay thế")
        document.replacedBy = yaml.string("bi_thay_the_boi", "số của văn bản thay thế văn bản này")
        document.amends = yaml.strings("sua_doi", "số của các văn bản được văn bản này sửa đổi, bổ sung")
        document.publishedOn = yaml.date("ngay_cong_khai", "ngày đăng công khai")
        document.posting = yaml.postingWindow("niem_yet", "thời gian và nơi niêm yết")
        _ = yaml.bool("nhap", "bản nháp, chưa đăng")
        if let issued = document.issued {
            PublicationDates.check(yaml, published: document.publishedOn, posting: document.posting,
                                   earliest: [(issued, "văn bản ký ngày \(issued.vietnamese)")], log: log)
        }
        yaml.finish(context: "văn bản")
        checkDates(document, yaml: yaml, log: log)
        checkFolder(document, yearFolder: yearFolder, yaml: yaml, log: log)
        if let parsed { checkNumber(document, parsed, yaml: yaml, log: log) }
        document.body = parts.body
        document.bodyLine = parts.bodyLine
        return number == nil || subject == nil ? nil : document
    }

    /// A value of a closed list, read with or without diacritics; anything else is named with the choices.
    static func enumValue<T>(_ yaml: MappingReader, _ key: String, _ label: String, _ make: (String) -> T?, _ choices: [String],
                             required: Bool = false, log: DiagnosticLog) -> T? {
        guard let text = yaml.string(key, label, required: required) else { return nil }
        if let value = make(text) { return value }
        let near = NearMiss.closest(to: text, among: choices)
        log.report(.error("document.value", at: yaml.location(ofKey: key),
                          "“\(key)” không nhận giá trị “\(text)”.",
                          hint: (near.map { "Có phải ý bạn là “\($0)”? " } ?? "") + "Các giá trị dùng được: \(choices.joined(separator: ", "))."))
        return nil
    }

    /// A document cannot take effect before it is signed, nor stop before it starts.
    static func checkDates(_ document: OfficialDocument, yaml: MappingReader, log: DiagnosticLog) {
        if let issued = document.issued, let effective = document.effective, effective < issued {
            log.report(.error("document.effective-before-issue", at: yaml.location(ofKey: "hieu_luc"),
                              "Ngày có hiệu lực \(effective.vietnamese) trước ngày ban hành \(issued.vietnamese).",
                              hint: "Văn bản của xã không có hiệu lực trở về trước: kiểm tra lại “hieu_luc” và “ngay”."))
        }
        if let start = document.effective ?? document.issued, let expires = document.expires, expires < start {
            log.report(.error("document.expires-before-effect", at: yaml.location(ofKey: "het_hieu_luc"),
                              "Ngày hết hiệu lực \(expires.vietnamese) trước ngày văn bản bắt đầu có hiệu lực \(start.vietnamese).",
                              hint: "Kiểm tra lại “het_hieu_luc”."))
        }
    }

    /// `van-ban/2026/`: documents are filed by the year they were signed.
    static func checkFolder(_ document: OfficialDocument, yearFolder: String, yaml: MappingReader, log: DiagnosticLog) {
        guard let folderYear = Int(yearFolder), yearFolder.count == 4 else {
            log.report(.error("document.year-folder", at: SourceLocation(path: document.source),
                              "Văn bản phải nằm trong thư mục mang tên năm ban hành, ví dụ van-ban/2026/ (đang là “\(yearFolder)”).",
                              hint: "Chuyển tệp vào content/van-ban/NĂM/ với NĂM là năm ký văn bản."))
            return
        }
        if let year = document.year, year != folderYear {
            log.report(.warning("document.year-folder", at: yaml.location(ofKey: "ngay"),
                                "Văn bản ký năm \(year) nhưng nằm trong thư mục van-ban/\(yearFolder)/.",
                                hint: "Chuyển tệp vào content/van-ban/\(year)/, hoặc sửa lại “ngay”."))
        }
    }

    /// The number repeats the kind and the issuer (`NQ-HĐND`): a mismatch is a typing error in one of them.
    static func checkNumber(_ document: OfficialDocument, _ number: DocumentNumber, yaml: MappingReader, log: DiagnosticLog) {
        if let kind = document.kind, yaml.has("loai"), let numbered = number.kind, numbered != kind {
            log.report(.error("document.kind-number", at: yaml.location(ofKey: "loai"),
                              "Loại văn bản “\(kind.label)” không khớp ký hiệu “\(number.kindCode ?? number.body)” trong số “\(document.number)” (ký hiệu của \(numbered.label.lowercased())).",
                              hint: "Sửa “loai” thành “\(numbered.label)”, hoặc sửa lại số, ký hiệu."))
        }
        let bodies = OfficialDocument.Issuer.allCases.reduce(into: Set<String>()) { $0.formUnion($1.numberBodies) }
        if let issuer = document.issuer, bodies.contains(number.foldedBody), !issuer.numberBodies.contains(number.foldedBody) {
            log.report(.error("document.issuer-number", at: yaml.location(ofKey: "co_quan"),
                              "Cơ quan ban hành “\(issuer.shortLabel)” không khớp ký hiệu “\(number.body)” trong số “\(document.number)”.",
                              hint: "Văn bản của HĐND xã mang ký hiệu HĐND, của UBND xã và Chủ tịch UBND xã mang ký hiệu UBND."))
        }
        // A body no issuer writes but one letter off the issuer's own (`UBDN`) is a slip of the keyboard;
        // anything further off may be a body CongKhai does not know, and is left alone.
        if let issuer = document.issuer, !bodies.contains(number.foldedBody),
           let meant = NearMiss.closest(to: number.body, among: issuer.numberBodies.sorted()) {
            let written = meant == "hdnd" ? "HĐND" : meant.uppercased()
            log.report(.warning("document.number-body", at: yaml.location(ofKey: "so"),
                                "Ký hiệu “\(number.body)” trong số “\(document.number)” không phải tên cơ quan ban hành; có phải “\(written)”?",
                                hint: "Sửa lại “so”: văn bản của \(issuer.shortLabel) mang ký hiệu \(written)."))
        }
        if let year = number.year, let issued = document.issued, year != issued.year {
            log.report(.error("document.number-year", at: yaml.location(ofKey: "so"),
                              "Năm \(year) trong số “\(document.number)” khác năm ban hành \(issued.year).",
                              hint: "Văn bản quy phạm pháp luật ghi năm ban hành trong số: kiểm tra lại “so” và “ngay”."))
        }
        if number.isNormative, let kind = document.kind ?? number.kind, kind != .resolution, kind != .decision {
            log.report(.warning("document.normative-kind", at: yaml.location(ofKey: "so"),
                                "Số “\(document.number)” có năm (dạng văn bản quy phạm pháp luật) nhưng là \(kind.label.lowercased()).",
                                hint: "Văn bản quy phạm pháp luật của xã là nghị quyết của HĐND hoặc quyết định của UBND; văn bản khác ghi số dạng “45/KH-UBND”."))
        }
    }
}
