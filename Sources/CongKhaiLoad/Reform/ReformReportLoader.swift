import CongKhaiModel
import Yams

/// Loads one period's reform report: front matter figures and the narrative.
/// Only parts are read; totals and rates are derived in the model so they cannot disagree.
public enum ReformReportLoader {
    static let keys = ["tieu_de", "mo_ta", "nam", "ky", "tu_ngay", "den_ngay", "ngay_bao_cao", "so_bao_cao", "ho_so",
                       "theo_linh_vuc", "so_hoa", "ke_hoach", "thanh_toan_truc_tuyen", "phan_anh", "hai_long",
                       "chi_tieu", "so_lieu_cong_bo", "so_lieu", "nhap"]

    public static func load(_ source: SourceText, log: DiagnosticLog) -> ReformReport? {
        guard let (yaml, parts, root) = FrontMatter.open(source, what: "Báo cáo cải cách hành chính",
                                                   example: "Chép một tệp báo cáo có sẵn trong content/cchc/ rồi sửa số liệu.", log: log) else { return nil }
        let year = yaml.year("nam", "năm của kỳ báo cáo, ví dụ 2026", required: true)
        var period: ReportPeriod?
        if let text = yaml.string("ky", "kỳ báo cáo: quy_1, 6_thang, quy_3 hoặc nam", required: true) {
            period = ReportPeriod(rawValue: text)
            if period == nil {
                log.report(.error("reform.period", at: yaml.location(ofKey: "ky"),
                                  "“ky” phải là quy_1, 6_thang, quy_3 hoặc nam (đang là “\(text)”).",
                                  hint: "quy_1: quý I; 6_thang: 6 tháng đầu năm; quy_3: quý III; nam: cả năm."))
            }
        }
        var report = ReformReport(source: source.path, year: year ?? 2000, period: period ?? .year)
        if let year, let period { checkFileName(source.path, year: year, period: period, at: yaml.location(ofKey: "ky"), log: log) }
        if let title = yaml.string("tieu_de", "tiêu đề báo cáo") { report.title = title }
        report.description = yaml.string("mo_ta", "một câu mô tả")
        let from = yaml.date("tu_ngay", "ngày bắt đầu kỳ số liệu")
        let to = yaml.date("den_ngay", "ngày kết thúc kỳ số liệu")
        report.from = from ?? report.from
        report.to = to ?? report.to
        if report.from > report.to {
            log.report(.error("reform.dates", at: yaml.location(ofKey: yaml.has("tu_ngay") ? "tu_ngay" : "den_ngay"),
                              "Kỳ số liệu bắt đầu \(report.from.vietnamese) sau ngày kết thúc \(report.to.vietnamese).",
                              hint: "Kiểm tra lại “tu_ngay” và “den_ngay”."))
        }
        report.reportDate = yaml.date("ngay_bao_cao", "ngày ký báo cáo")
        report.reportNumber = yaml.string("so_bao_cao", "số, ký hiệu báo cáo")
        if let cases = yaml.mapping("ho_so", "số liệu hồ sơ thủ tục hành chính", required: true) {
            report.cases = caseFigures(cases, log: log)
        }
        report.fields = yaml.mappings("theo_linh_vuc", "số liệu hồ sơ theo lĩnh vực").enumerated().compactMap { index, item in
            defer { item.finish(context: "số liệu theo lĩnh vực") }
            let name = item.string("linh_vuc", "tên lĩnh vực, ví dụ Hộ tịch", required: true)
            let cases = item.mapping("ho_so", "số liệu hồ sơ của lĩnh vực", required: true).map { caseFigures($0, log: log) }
            guard let name, let cases else { return nil }
            return FieldFigures(name: name, cases: cases, index: index)
        }
        report.digitised = ratio(yaml, "so_hoa", "số hóa hồ sơ", whole: "tong", part: "da_so_hoa", log: log)
        report.plan = ratio(yaml, "ke_hoach", "kế hoạch cải cách hành chính", whole: "nhiem_vu", part: "hoan_thanh", log: log)
        report.payment = ratio(yaml, "thanh_toan_truc_tuyen", "thanh toán trực tuyến", whole: "ho_so_co_phi", part: "da_thanh_toan_truc_tuyen", log: log)
        report.feedback = ratio(yaml, "phan_anh", "phản ánh, kiến nghị", whole: "tiep_nhan", part: "da_xu_ly", log: log)
        report.satisfaction = ratio(yaml, "hai_long", "khảo sát sự hài lòng", whole: "phieu", part: "hai_long", log: log)
        if let targets = yaml.mapping("chi_tieu", "chỉ tiêu (%) theo kế hoạch năm") {
            for indicator in ReformIndicator.allCases {
                if let value = targets.number(indicator.rawValue, "chỉ tiêu \(indicator.label) (%)") { report.targets[indicator] = value }
            }
            targets.finish(context: "chỉ tiêu")
        }
        if let stated = yaml.mapping("so_lieu_cong_bo", "số liệu như trong báo cáo đã ký") {
            report.stated = statedFigures(stated, log: log)
        }
        _ = yaml.bool("nhap", "bản nháp, chưa đăng")
        report.stated += statedList(yaml.mappings("so_lieu", "số liệu nêu trong báo cáo đã ký"), log: log)
        report.stated.sort { $0.line < $1.line }
        yaml.finish(context: "báo cáo cải cách hành chính")
        report.keyLines = KeyLines.collect(root, lineOffset: parts.yamlLine - 1)
        report.body = parts.body
        report.bodyLine = parts.bodyLine
        return year == nil || period == nil ? nil : report
    }

    /// The page is published by `nam` and `ky`, not by file name: a file copied from the last
    /// period and not renamed would otherwise look like the old report to the editor.
    static func checkFileName(_ path: String, year: Int, period: ReportPeriod, at location: SourceLocation, log: DiagnosticLog) {
        let stem = String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
        let expected = "\(year)-\(period.slug)"
        guard stem != expected, stem != "\(year)-\(period.rawValue)" else { return }
        log.report(.warning("reform.file-name", at: location,
                            "Tệp “\(stem).md” ghi số liệu \(period.phrase(year: year)); tên tệp nên là “\(expected).md”.",
                            hint: "Đổi tên tệp, hoặc sửa “nam”, “ky” nếu tệp được chép từ kỳ trước mà chưa sửa."))
    }

    /// Every figure is optional; a group (`tiep_nhan`, `da_giai_quyet`, `dang_giai_quyet`) is
    /// either its parts with an optional `tong`, or just the total (`da_giai_quyet: 1261`).
    static func caseFigures(_ reader: MappingReader, log: DiagnosticLog) -> CaseFigures {
        var figures = CaseFigures()
        figures.carriedOver = optionalCount(reader, "ton_ky_truoc", "hồ sơ tồn kỳ trước chuyển sang", log: log)
        figures.statedTotal = optionalCount(reader, "tong", "tổng số hồ sơ phải giải quyết, kể cả tồn kỳ trước", log: log)
        if isScalar(reader, "tiep_nhan") {
            figures.statedNew = optionalCount(reader, "tiep_nhan", "tổng tiếp nhận mới", log: log)
        } else if let group = reader.mapping("tiep_nhan", "hồ sơ tiếp nhận mới theo hình thức") {
            figures.inPerson = optionalCount(group, "truc_tiep", "tiếp nhận trực tiếp", log: log)
            figures.online = optionalCount(group, "truc_tuyen", "tiếp nhận trực tuyến", log: log)
            figures.post = optionalCount(group, "buu_chinh", "tiếp nhận qua bưu chính", log: log)
            figures.statedNew = optionalCount(group, "tong", "tổng tiếp nhận mới", log: log)
            group.finish(context: "hồ sơ tiếp nhận")
        }
        if isScalar(reader, "da_giai_quyet") {
            figures.statedDecided = optionalCount(reader, "da_giai_quyet", "tổng đã giải quyết", log: log)
        } else if let group = reader.mapping("da_giai_quyet", "hồ sơ đã giải quyết") {
            figures.early = optionalCount(group, "truoc_han", "giải quyết trước hạn", log: log)
            figures.onTime = optionalCount(group, "dung_han", "giải quyết đúng hạn", log: log)
            figures.earlyOrOnTime = optionalCount(group, "truoc_va_dung_han", "giải quyết trước hạn và đúng hạn (một số chung)", log: log)
            figures.late = optionalCount(group, "qua_han", "giải quyết quá hạn", log: log)
            figures.statedDecided = optionalCount(group, "tong", "tổng đã giải quyết", log: log)
            group.finish(context: "hồ sơ đã giải quyết")
        }
        if isScalar(reader, "dang_giai_quyet") {
            figures.statedPending = optionalCount(reader, "dang_giai_quyet", "tổng đang giải quyết", log: log)
        } else if let group = reader.mapping("dang_giai_quyet", "hồ sơ đang giải quyết") {
            figures.pendingInTime = optionalCount(group, "trong_han", "đang giải quyết trong hạn", log: log)
            figures.pendingLate = optionalCount(group, "qua_han", "đang giải quyết quá hạn", log: log)
            figures.statedPending = optionalCount(group, "tong", "tổng đang giải quyết", log: log)
            group.finish(context: "hồ sơ đang giải quyết")
        }
        figures.returned = optionalCount(reader, "tra_lai_rut", "hồ sơ trả lại, rút", log: log)
        reader.finish(context: "số liệu hồ sơ")
        return figures
    }

    /// A group written as a single number: the report gives the total without its split.
    static func isScalar(_ reader: MappingReader, _ key: String) -> Bool {
        guard case .scalar = reader.node(key) else { return false }
        return true
    }

    /// A count that may be left out (nil: the report does not give it); negative counts are reported.
    static func optionalCount(_ reader: MappingReader, _ key: String, _ label: String, log: DiagnosticLog) -> Int? {
        guard let value = reader.int(key, label) else { return nil }
        if value < 0 {
            log.report(.error("reform.negative", at: reader.location(ofKey: key),
                              "“\(key)” (\(label)) không thể là số âm (đang là \(value)).",
                              hint: "Ghi số hồ sơ, số phiếu, số nhiệm vụ: 0 hoặc lớn hơn."))
            return nil
        }
        return value
    }

    /// `so_hoa: { tong: 120, da_so_hoa: 96 }` and the like: both numbers are needed for a rate.
    static func ratio(_ yaml: MappingReader, _ key: String, _ label: String, whole: String, part: String, log: DiagnosticLog) -> Ratio? {
        guard let group = yaml.mapping(key, label) else { return nil }
        defer { group.finish(context: "“\(key)”") }
        let wholeValue = optionalCount(group, whole, "tổng số", log: log)
        let partValue = optionalCount(group, part, "số đạt", log: log)
        for (name, value) in [(whole, wholeValue), (part, partValue)] where value == nil && !group.has(name) {
            log.report(.error("field.missing", at: group.start, "Thiếu “\(name)” trong “\(key)” (\(label)).",
                              hint: "Ghi cả hai số: `\(whole): ...` và `\(part): ...`."))
        }
        guard let wholeValue, let partValue else { return nil }
        return Ratio(partValue, of: wholeValue)
    }

    /// `so_lieu_cong_bo`: built-in figures by key, as printed in the signed report.
    static func statedFigures(_ reader: MappingReader, log: DiagnosticLog) -> [StatedFigure] {
        var figures: [StatedFigure] = []
        for key in StatedQuantity.legacyKeys {
            guard let text = reader.string(key, "số liệu đã công bố") else { continue }
            let location = reader.location(ofKey: key)
            let isPercent = key.hasPrefix("ty_le_")
            let label = ReformIndicator.allCases.first { $0.statedKey == key }?.label ?? StatedQuantity.counts[key] ?? key
            if isPercent, let percent = WrittenPercent(text) {
                figures.append(StatedFigure(key: key, label: label, text: text, value: .percent(percent), line: location.line))
            } else if !isPercent, let count = AmountParser.parse(text), count >= 0 {
                figures.append(StatedFigure(key: key, label: label, text: text, value: .count(count), line: location.line))
            } else {
                log.report(.error("reform.stated-format", at: location,
                                  isPercent ? "“\(key)” phải là một tỷ lệ phần trăm như “86%” hoặc “84,6%” (đang là “\(text)”)."
                                            : "“\(key)” phải là một số nguyên như 1234 hoặc 1.234 (đang là “\(text)”).",
                                  hint: "Chép đúng con số như trong báo cáo đã ký."))
            }
        }
        reader.finish(context: "số liệu công bố")
        return figures
    }

    /// `so_lieu`: any figure the report states, with what it is computed from.
    static func statedList(_ items: [MappingReader], log: DiagnosticLog) -> [StatedFigure] {
        items.compactMap { item in
            defer { item.finish(context: "số liệu trong báo cáo (so_lieu)") }
            let label = item.string("noi_dung", "báo cáo nói đây là số liệu gì", required: true)
            let key = item.string("dai_luong", "đại lượng: tên chung cho các chỗ báo cáo nêu cùng một số liệu")
            let numerator = optionalCount(item, "tu_so", "tử số: số được đếm", log: log)
            let denominator = optionalCount(item, "mau_so", "mẫu số: tổng để chia", log: log)
            var excess = false
            if let method = item.string("cach_tinh", "cách tính: ty_le hoặc vuot") {
                guard ["ty_le", "vuot"].contains(method) else {
                    log.report(.error("reform.stated-method", at: item.location(ofKey: "cach_tinh"),
                                      "“cach_tinh” phải là ty_le hoặc vuot (đang là “\(method)”).",
                                      hint: "ty_le: tu_so chiếm bao nhiêu phần trăm mau_so; vuot: tu_so vượt mau_so bao nhiêu phần trăm."))
                    return nil
                }
                excess = method == "vuot"
            }
            let shares = item.strings("phan", "các phần của cùng một tổng, ví dụ [\"100%\", \"0,2%\"]")
            let written = item.string("ghi", "con số như trong báo cáo đã ký, ví dụ 92% hoặc 1.261", required: shares.isEmpty)
            guard let label else { return nil }
            let at = item.location(ofKey: written != nil || shares.isEmpty ? "ghi" : "phan")
            func bad(_ text: String) -> StatedFigure? {
                log.report(.error("reform.stated-format", at: at,
                                  "“\(text)” không đọc được thành một số (như 1.261) hoặc một tỷ lệ phần trăm (như 92% hoặc 84,6%).",
                                  hint: "Chép đúng con số như trong báo cáo đã ký; tỷ lệ ghi kèm dấu %."))
                return nil
            }
            if written == nil {
                let percents = shares.compactMap(WrittenPercent.init)
                guard percents.count == shares.count, shares.count >= 2 else {
                    return bad(shares.joined(separator: "; "))
                }
                var figure = StatedFigure(key: key, label: label, text: shares.joined(separator: "; "), value: .shares(percents), line: at.line)
                figure.excess = false
                return figure
            }
            guard let written else { return nil }
            let looksPercent = written.contains("%") || key?.hasPrefix("ty_le_") == true || numerator != nil || denominator != nil
            var figure: StatedFigure
            if looksPercent, let percent = WrittenPercent(written) {
                figure = StatedFigure(key: key, label: label, text: written, value: .percent(percent), line: at.line)
            } else if !looksPercent, let count = AmountParser.parse(written), count >= 0 {
                figure = StatedFigure(key: key, label: label, text: written, value: .count(count), line: at.line)
            } else {
                return bad(written)
            }
            figure.numerator = numerator
            figure.denominator = denominator
            figure.excess = excess
            return figure
        }
    }
}

/// Lines of every key in the front matter, by dotted path; list items are numbered from 0
/// (`theo_linh_vuc.1.ho_so.tiep_nhan`). Checks point at the key, not at the value below it.
enum KeyLines {
    static func collect(_ node: YAMLValue, lineOffset: Int) -> [String: Int] {
        var lines: [String: Int] = [:]
        walk(node, prefix: "", lineOffset: lineOffset, into: &lines)
        return lines
    }

    private static func walk(_ node: YAMLValue, prefix: String, lineOffset: Int, into lines: inout [String: Int]) {
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping.pairs.map({ ($0.key, $0.value) }) {
                let path = prefix + (key.string ?? "")
                if let mark = key.mark { lines[path] = mark.line + lineOffset }
                walk(value, prefix: path + ".", lineOffset: lineOffset, into: &lines)
            }
        case let .sequence(sequence):
            for (index, item) in sequence.items.enumerated() {
                let path = prefix + String(index)
                if let mark = item.mark { lines[path] = mark.line + lineOffset }
                walk(item, prefix: path + ".", lineOffset: lineOffset, into: &lines)
            }
        default:
            break
        }
    }
}
