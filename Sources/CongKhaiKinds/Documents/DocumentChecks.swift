import CongKhaiModel
import Foundation

/// What no single document file can check: numbers used twice, links to documents the registry
/// does not have or that contradict the other side, dates after the as-of date, and the signed
/// file beside each document.
public enum DocumentChecks {
    public static func run(_ registry: DocumentRegistry, attachments: Set<String>, asOf: CalendarDate, log: DiagnosticLog) {
        duplicates(registry, log: log)
        links(registry, log: log)
        statuses(registry, asOf: asOf, log: log)
        for document in registry.documents {
            futureDates(document, asOf: asOf, log: log)
            file(document, attachments: attachments, log: log)
        }
    }

    static func at(_ document: OfficialDocument, _ key: String) -> SourceLocation {
        SourceLocation(path: document.source, line: document.line(key))
    }

    /// The second file with a number already used (in file order) is the one reported.
    static func duplicates(_ registry: DocumentRegistry, log: DiagnosticLog) {
        var first: [String: OfficialDocument] = [:]
        for document in registry.documents.sorted(by: { $0.source < $1.source }) where !document.number.isEmpty {
            let key = DocumentNumber.key(document.number)
            guard let earlier = first[key] else {
                first[key] = document
                continue
            }
            log.report(.error("document.duplicate", at: at(document, "so"),
                              "Số, ký hiệu “\(document.number)” đã dùng cho văn bản \(earlier.source).",
                              hint: "Mỗi văn bản có một số riêng: sửa lại “so”, hoặc xóa tệp trùng."))
        }
    }

    /// Every number in `thay_the`, `bi_thay_the_boi` and `sua_doi` names a document of the registry,
    /// and the two sides of a replacement agree.
    static func links(_ registry: DocumentRegistry, log: DiagnosticLog) {
        let numbers = registry.documents.map(\.number)
        for document in registry.documents {
            let own = DocumentNumber.key(document.number)
            let written = document.replaces.map { ("thay_the", $0) } + document.amends.map { ("sua_doi", $0) }
                + [document.replacedBy].compactMap { $0 }.map { ("bi_thay_the_boi", $0) }
            for (key, number) in written {
                if DocumentNumber.key(number) == own {
                    log.report(.error("document.self-link", at: at(document, key),
                                      "Văn bản \(document.number) không thể tự \(key == "sua_doi" ? "sửa đổi" : "thay thế") chính nó.",
                                      hint: "Ghi số của văn bản khác trong “\(key)”."))
                    continue
                }
                guard registry.document(number: number) == nil else { continue }
                let near = NearMiss.closest(to: number, among: numbers)
                log.report(.warning("document.unknown-link", at: at(document, key),
                                    "Không có văn bản số “\(number)” trong mục văn bản (content/van-ban/).",
                                    hint: near.map { "Có phải ý bạn là “\($0)”?" }
                                        ?? "Thêm văn bản đó vào content/van-ban/NĂM/ để trang dẫn được tới nó, hoặc kiểm tra lại số."))
            }
            for number in document.replaces {
                guard let old = registry.document(number: number), let said = old.replacedBy, DocumentNumber.key(said) != own else { continue }
                log.report(.error("document.link-conflict", at: at(old, "bi_thay_the_boi"),
                                  "Văn bản \(old.number) ghi bị thay thế bởi \(said), nhưng \(document.source) ghi văn bản \(document.number) thay thế nó.",
                                  hint: "Sửa “bi_thay_the_boi” của \(old.number) hoặc “thay_the” của \(document.number) cho khớp nhau."))
            }
            if let newer = document.replacedBy.flatMap({ registry.document(number: $0) }), let issued = document.issued,
               let newerIssued = newer.issued, newerIssued < issued {
                log.report(.warning("document.link-order", at: at(document, "bi_thay_the_boi"),
                                    "Văn bản thay thế \(newer.number) ký ngày \(newerIssued.vietnamese), trước văn bản bị thay thế (\(issued.vietnamese)).",
                                    hint: "Kiểm tra lại “bi_thay_the_boi” và ngày của hai văn bản."))
            }
        }
    }

    /// The written status agrees with the links: a replaced document says "bị thay thế", and one
    /// that says so names (or is named by) what replaced it.
    static func statuses(_ registry: DocumentRegistry, asOf: CalendarDate, log: DiagnosticLog) {
        for document in registry.documents {
            let replacements = registry.replacements(of: document)
            guard let stated = document.statedStatus else { continue }
            if stated != .replaced, let newer = replacements.first {
                let key = document.replacedBy != nil ? "bi_thay_the_boi" : "tinh_trang"
                let by = document.replacedBy != nil ? "" : " (theo “thay_the” của \(newer.document?.source ?? newer.number))"
                log.report(.error("document.status-link", at: at(document, key),
                                  "Văn bản \(document.number) bị thay thế bởi \(newer.number)\(by) nhưng tình trạng ghi “\(stated.label.lowercased())”.",
                                  hint: "Ghi `tinh_trang: \"bị thay thế\"` (hoặc bỏ dòng “tinh_trang” để CongKhai tự ghi)."))
            }
            if stated == .replaced, replacements.isEmpty {
                log.report(.warning("document.status-link", at: at(document, "tinh_trang"),
                                    "Văn bản \(document.number) ghi “bị thay thế” nhưng không rõ văn bản nào thay thế nó.",
                                    hint: "Thêm `bi_thay_the_boi: \"SỐ/KÝ-HIỆU\"` để người đọc tìm được văn bản đang áp dụng."))
            }
            if stated == .amended, registry.amendments(of: document).isEmpty {
                log.report(.warning("document.status-link", at: at(document, "tinh_trang"),
                                    "Văn bản \(document.number) ghi “được sửa đổi” nhưng không có văn bản nào ghi “sua_doi” văn bản này.",
                                    hint: "Thêm văn bản sửa đổi vào content/van-ban/ với `sua_doi: [\"\(document.number)\"]`."))
            }
            if stated == .inForce || stated == .amended, let expires = document.expires, expires <= asOf {
                log.report(.warning("document.status-expired", at: at(document, "tinh_trang"),
                                    "Văn bản \(document.number) hết hiệu lực từ \(expires.vietnamese) nhưng tình trạng vẫn ghi “\(stated.label.lowercased())”.",
                                    hint: "Ghi `tinh_trang: \"hết hiệu lực\"`, hoặc bỏ dòng “tinh_trang” để CongKhai tự tính."))
            }
        }
    }

    /// A document signed or posted after the as-of date cannot exist yet: a typing error.
    static func futureDates(_ document: OfficialDocument, asOf: CalendarDate, log: DiagnosticLog) {
        if let issued = document.issued, issued > asOf {
            log.report(.error("document.future-date", at: at(document, "ngay"),
                              "Ngày ban hành \(issued.vietnamese) ở sau ngày tính hạn \(asOf.vietnamese): văn bản này chưa thể có.",
                              hint: "Kiểm tra lại “ngay” (ngày ký văn bản)."))
        }
        if let published = document.publishedOn, published > asOf {
            log.report(.error("document.future-date", at: at(document, "ngay_cong_khai"),
                              "Ngày công khai \(published.vietnamese) ở sau ngày tính hạn \(asOf.vietnamese).",
                              hint: "Ghi ngày thật sự đăng văn bản lên trang, không ghi ngày dự kiến."))
        }
    }

    /// `tep` names a file beside the document, published with it.
    static func file(_ document: OfficialDocument, attachments: Set<String>, log: DiagnosticLog) {
        let folder = (document.source as NSString).deletingLastPathComponent
        guard let file = document.file else {
            log.report(.warning("document.no-file", at: at(document, ""),
                                "Văn bản \(document.number) chưa có tệp văn bản đã ký để người dân tải về.",
                                hint: "Đặt bản PDF của văn bản vào \(folder)/ và thêm `tep: \"ten-tep.pdf\"`."))
            return
        }
        if file.contains("/") || file.contains("\\") {
            log.report(.error("path.outside", at: at(document, "tep"),
                              "Tệp văn bản “\(file)” phải là tên một tệp đặt cạnh tệp này, không phải một đường dẫn.",
                              hint: "Chép tệp vào \(folder)/ rồi chỉ ghi tên tệp, ví dụ `tep: \"nq-12-2026.pdf\"`."))
            return
        }
        let path = ((folder as NSString).appendingPathComponent(file) as NSString).standardizingPath
        if !attachments.contains(path) {
            log.report(.error("document.file-missing", at: at(document, "tep"),
                              "Không thấy tệp văn bản “\(file)” cạnh tệp \(document.source).",
                              hint: "Đặt tệp (PDF, DOCX) vào \(folder)/ hoặc sửa tên tệp trong “tep”."))
        }
    }
}
