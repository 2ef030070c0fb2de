import CongKhaiModel

/// Figures copied from the signed report (`so_lieu_cong_bo`) against the ones derived from
/// the front matter. A percentage is compared at the precision it was written with: "86%"
/// claims only a whole percent, so 85,5% to 86,4…% agree with it and 84,6% does not.
enum StatedFigureChecks {
    static func check(_ report: ReformReport, log: DiagnosticLog) {
        for figure in report.stated {
            let location = SourceLocation(path: report.source, line: figure.line)
            switch report.meaning(ofStated: figure.key) {
            case let .percent(indicator):
                guard let written = WrittenPercent(figure.text) else { continue }
                if written.exceedsWhole {
                    log.report(.error("reform.share-over", at: location,
                                      "Tỷ lệ “\(indicator.label)” ghi \(figure.text), vượt quá 100%.",
                                      hint: "Một tỷ lệ phần trăm không thể lớn hơn 100%."))
                    continue
                }
                guard let ratio = report.ratio(indicator) else {
                    log.report(.warning("reform.stated-unverifiable", at: location,
                                        "Báo cáo ghi tỷ lệ “\(indicator.label)” là \(figure.text), nhưng phần đầu tệp không có số liệu để đối chiếu.",
                                        hint: "Thêm số liệu “\(indicator.sourceKey)” để CongKhai tự tính tỷ lệ."))
                    continue
                }
                if !written.agrees(with: ratio) {
                    let computed = VietnameseFormat.percent(ratio.part, of: ratio.whole, places: max(1, written.places)) ?? ""
                    log.report(.warning("reform.stated-rate", at: location,
                                        "Tỷ lệ “\(indicator.label)” trong báo cáo đã ký là \(figure.text), nhưng tính từ số liệu được \(computed) "
                                            + "(\(VietnameseFormat.integer(ratio.part))/\(VietnameseFormat.integer(ratio.whole)) tại “\(indicator.sourceKey)”).",
                                        hint: "Kiểm tra lại số liệu hoặc con số đã công bố; nếu báo cáo đã ký bị sai, cần đính chính."))
                }
            case let .total(label, value):
                guard let stated = AmountParser.parse(figure.text), let value, stated != value else { continue }
                log.report(.warning("reform.stated-total", at: location,
                                    "Báo cáo đã ký ghi \(label) là \(VietnameseFormat.integer(stated)), nhưng cộng từ số liệu được \(VietnameseFormat.integer(value)).",
                                    hint: "Kiểm tra lại các số trong “ho_so” hoặc con số đã công bố."))
            case let .typed(label, sourceKey, value):
                guard let stated = AmountParser.parse(figure.text), let value, stated != value else { continue }
                log.report(.warning("reform.stated-twice", at: location,
                                    "\(label.prefix(1).uppercased() + label.dropFirst()) được ghi hai lần khác nhau: \(VietnameseFormat.integer(value)) ở “\(sourceKey)” "
                                        + "(dòng \(report.line(of: sourceKey))) và \(VietnameseFormat.integer(stated)) ở “so_lieu_cong_bo.\(figure.key)”.",
                                    hint: "Một số liệu chỉ có một giá trị: sửa cho hai chỗ giống nhau."))
            case nil:
                continue
            }
        }
    }
}
