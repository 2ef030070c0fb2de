import CongKhaiModel

/// `content/phi-le-phi.yaml`: the fee schedule with the six elements of
/// Luật Phí và lệ phí 2015 Điều 14 for each fee.
public enum FeeScheduleLoader {
    public static func load(_ source: SourceText, log: DiagnosticLog) -> FeeSchedule? {
        guard let root = YAMLDocument.value(source.text, path: source.path, log: log) else { return nil }
        // The content model allows the bare list too (no title, no update date).
        if case let .sequence(list) = root {
            let fees = list.items.compactMap { entry -> Fee? in
                guard let item = MappingReader(entry, path: source.path, lineOffset: 0, log: log, what: "Mỗi khoản phí, lệ phí") else { return nil }
                return fee(from: item, log: log)
            }
            return FeeSchedule(source: source.path, title: "Phí, lệ phí", updated: nil, fees: fees)
        }
        guard let yaml = MappingReader(root, path: source.path, lineOffset: 0, log: log, what: "Tệp phí, lệ phí") else { return nil }
        let title = yaml.string("tieu_de", "tiêu đề trang") ?? "Phí, lệ phí"
        let updated = yaml.date("cap_nhat", "ngày cập nhật")
        let fees = yaml.mappings("phi", "danh sách phí, lệ phí", required: true).compactMap { fee(from: $0, log: log) }
        _ = yaml.bool("nhap", "bản nháp, chưa đăng")
        yaml.finish(context: "tệp phí, lệ phí")
        return FeeSchedule(source: source.path, title: title, updated: updated, fees: fees)
    }

    static func fee(from item: MappingReader, log: DiagnosticLog) -> Fee? {
        defer { item.finish(context: "một khoản phí, lệ phí") }
        let id = item.string("id", "mã của khoản phí, ví dụ le-phi-khai-sinh", required: true)
        let name = item.string("ten", "tên phí, lệ phí", required: true)
        var fee = Fee(id: id?.lowercased() ?? "", name: name ?? "", line: item.start.line)
        if let kindText = item.string("loai", "loại: phi hoặc le_phi") {
            fee.kind = FeeKind(rawValue: kindText)
            if fee.kind == nil {
                log.report(.error("fee.kind", at: item.location(ofKey: "loai"),
                                  "“loai” phải là phi hoặc le_phi (đang là “\(kindText)”).", hint: "Ví dụ: `loai: le_phi`."))
            }
        }
        fee.rates = rates(item, log: log)
        fee.unit = item.string("don_vi_tinh", "đơn vị tính, ví dụ đồng/trường hợp")
        fee.collectionMethod = item.string("phuong_thuc_thu", "phương thức thu")
        fee.payer = item.string("doi_tuong_nop", "đối tượng nộp")
        let exemptionsGiven = item.has("mien_giam")
        fee.exemptions = item.strings("mien_giam", "các trường hợp miễn, giảm")
        if let document = item.mapping("van_ban", "văn bản quy định mức thu") {
            fee.legalDocument = ProcedureLoader.document(from: document, numberKey: "so_hieu")
        }
        fee.effectiveFrom = item.date("hieu_luc_tu", "ngày có hiệu lực")
        if let id, id.lowercased() != TextFolding.slug(id) {
            log.report(.error("fee.id", at: item.location(ofKey: "id"),
                              "Mã phí “\(id)” chỉ được có chữ thường không dấu, số và dấu gạch ngang.",
                              hint: "Ví dụ: `id: \(TextFolding.slug(id))`."))
        }
        let missing = [
            ("mức thu (muc_thu)", fee.rates.isEmpty && !item.has("muc_thu")),
            ("phương thức thu (phuong_thuc_thu)", fee.collectionMethod == nil),
            ("đối tượng nộp (doi_tuong_nop)", fee.payer == nil),
            ("miễn, giảm (mien_giam; ghi [] nếu không có)", !exemptionsGiven),
            ("văn bản quy định (van_ban)", fee.legalDocument == nil),
        ].filter(\.1).map(\.0)
        for element in missing {
            log.report(.warning("fee.element-missing", at: item.start,
                                "Khoản “\(fee.name)” thiếu \(element), một trong sáu nội dung phải công khai theo Luật Phí và lệ phí, Điều 14.",
                                hint: "Bổ sung nội dung này vào phi-le-phi.yaml."))
        }
        return id == nil || name == nil ? nil : fee
    }

    /// `muc_thu: 8000`, `muc_thu: "8.000"`, or a list of `{muc, dieu_kien}`.
    static func rates(_ item: MappingReader, log: DiagnosticLog) -> [FeeRate] {
        guard let node = item.value("muc_thu") else { return [] }
        if let text = node.scalar?.string {
            guard let amount = AmountParser.parse(text), amount >= 0 else {
                amountError(item.location(of: node), text, log: log)
                return []
            }
            return [FeeRate(amount: amount)]
        }
        guard case let .sequence(list) = node else {
            amountError(item.location(of: node), "", log: log)
            return []
        }
        return list.items.compactMap { entry in
            guard let rate = MappingReader(entry, path: item.path, lineOffset: item.lineOffset, log: log, what: "Mỗi mức thu") else { return nil }
            defer { rate.finish(context: "một mức thu") }
            let condition = rate.string("dieu_kien", "điều kiện áp dụng mức này")
            guard let amountNode = rate.value("muc") else {
                _ = rate.string("muc", "số tiền, đồng", required: true)
                return nil
            }
            guard let text = amountNode.scalar?.string, let amount = AmountParser.parse(text), amount >= 0 else {
                amountError(rate.location(of: amountNode), amountNode.scalar?.string ?? "", log: log)
                return nil
            }
            return FeeRate(amount: amount, condition: condition)
        }
    }

    static func amountError(_ location: SourceLocation, _ text: String, log: DiagnosticLog) {
        log.report(.error("amount.invalid", at: location,
                          "Mức thu “\(text)” không phải là một số tiền (đồng).",
                          hint: "Ghi số, ví dụ `8000` hoặc `\"8.000\"`; không ghi chữ “đồng” hay dấu khác."))
    }
}
