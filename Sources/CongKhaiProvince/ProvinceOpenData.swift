import CongKhaiModel
import CongKhaiRender
import Foundation

/// The province's open data for assessors: `du-lieu/cong-khai-toan-tinh.json/.csv` (every
/// commune's checklist rows) and `du-lieu/thu-tuc-toan-tinh.json/.csv` (every procedure each
/// commune publishes), each row with the commune's id; otherwise a commune's own columns.
enum ProvinceOpenData {
    static let jsonPath = "du-lieu/cong-khai-toan-tinh.json"
    static let csvPath = "du-lieu/cong-khai-toan-tinh.csv"
    static let procedureJSONPath = "du-lieu/thu-tuc-toan-tinh.json"
    static let procedureCSVPath = "du-lieu/thu-tuc-toan-tinh.csv"

    static let procedureColumns: [(name: String, meaning: String)] = [
        ("xa", "Mã của xã: tên thư mục của xã, cũng là thư mục trang của xã trên cổng"),
        ("ten_xa", "Tên đơn vị"),
        ("ma", "Mã thủ tục hành chính (Cơ sở dữ liệu quốc gia)"),
        ("ten", "Tên thủ tục"),
        ("linh_vuc", "Lĩnh vực"),
        ("cap_thuc_hien", "Cấp thực hiện"),
        ("muc_do", "Mức độ trực tuyến: toan_trinh, mot_phan, truc_tiep"),
        ("thoi_han", "Thời hạn giải quyết như xã đã công bố"),
        ("muc_phi", "Mức phí, lệ phí tóm tắt"),
        ("co_quan_thuc_hien", "Cơ quan thực hiện"),
        ("quyet_dinh_cong_bo", "Số quyết định công bố thủ tục"),
        ("ngay_cong_bo", "Ngày của quyết định công bố (YYYY-MM-DD)"),
        ("dia_chi", "Đường dẫn trang thủ tục, tính từ gốc cổng của tỉnh; trống khi xã không đăng thủ tục"),
        ("so_voi_tinh", "So với danh mục thủ tục của tỉnh (tinh/thu-tuc/): dung (đúng danh mục), thieu (có trong danh mục nhưng xã không đăng), "
            + "thua (xã đăng nhưng danh mục không có), can_cu_cu (xã đăng theo quyết định công bố hoặc căn cứ pháp lý cũ); trống khi tỉnh không có danh mục chung"),
        ("nguon", "tinh: xã dùng tệp của tỉnh; xa: tệp riêng của xã"),
        ("ghi_chu", "Chỗ khác với danh mục của tỉnh, hoặc lý do xã không áp dụng"),
    ]

    static let columns: [(name: String, meaning: String)] = [
        ("xa", "Mã của xã: tên thư mục của xã, cũng là thư mục trang của xã trên cổng"),
        ("ten_xa", "Tên đơn vị"),
        ("id", "Mã ổn định của mục: <năm>-q<quý>/<mã quy tắc>/<khóa>"),
        ("ky", "Quý của mục: <năm>-q<quý>"),
        ("quy_tac", "Mã quy tắc (nghĩa vụ công khai)"),
        ("tieu_de", "Nội dung công khai"),
        ("can_cu", "Căn cứ pháp lý"),
        ("kenh", "Hình thức công khai bắt buộc"),
        ("moc", "Ngày bắt đầu tính hạn (YYYY-MM-DD)"),
        ("han", "Hạn công khai (YYYY-MM-DD)"),
        ("ngay_cong_khai", "Ngày đã công khai (YYYY-MM-DD)"),
        ("niem_yet_tu", "Ngày bắt đầu niêm yết (YYYY-MM-DD)"),
        ("niem_yet_den", "Ngày kết thúc niêm yết (YYYY-MM-DD)"),
        ("noi_niem_yet", "Nơi niêm yết"),
        ("van_ban", "Văn bản được công khai"),
        ("trang_thai", "dung_han, tre_han, chua_du_niem_yet, thieu, chua_den_han, can_cap_nhat, khong_ap_dung"),
        ("so_ngay", "Số ngày trễ, số ngày còn lại hoặc số ngày niêm yết còn thiếu"),
        ("dia_chi", "Đường dẫn trang công khai, tính từ gốc cổng của tỉnh"),
    ]

    enum Value {
        case text(String?)
        case number(Int?)
        case list([String])
    }

    static func rows(_ communes: [CommuneRecord]) -> [[String: Value]] {
        communes.flatMap { commune in
            commune.rows.map { row -> [String: Value] in
                ["xa": .text(commune.slug), "ten_xa": .text(commune.name), "id": .text(row.id), "ky": .text(row.period),
                 "quy_tac": .text(row.ruleID), "tieu_de": .text(row.title), "can_cu": .text(row.legalBasis), "kenh": .list(row.channels),
                 "moc": .text(row.trigger), "han": .text(row.deadline), "ngay_cong_khai": .text(row.publishedOn),
                 "niem_yet_tu": .text(row.postingFrom), "niem_yet_den": .text(row.postingTo), "noi_niem_yet": .text(row.postingPlace),
                 "van_ban": .text(row.decision), "trang_thai": .text(row.status.rawValue), "so_ngay": .number(row.days),
                 "dia_chi": .text(row.page.map { commune.slug + "/" + $0 })]
            }
        }
    }

    static func procedureRows(_ communes: [CommuneRecord]) -> [[String: Value]] {
        communes.flatMap { commune in
            let published = commune.procedures.map { procedure -> [String: Value] in
                var row: [String: Value] = ["xa": .text(commune.slug), "ten_xa": .text(commune.name)]
                for column in procedureColumns.dropFirst(2) { row[column.name] = .text(procedure[column.name]) }
                row["dia_chi"] = .text(procedure["dia_chi"].map { commune.slug + "/" + $0 })
                let entry = procedure["ma"].flatMap { commune.comparison?.published[$0] }
                row["so_voi_tinh"] = .text(entry?.standing.rawValue)
                row["nguon"] = .text(entry?.origin.rawValue)
                row["ghi_chu"] = .text(entry?.note)
                return row
            }
            let missing = (commune.comparison?.missing ?? []).map { missing -> [String: Value] in
                let procedure = missing.procedure
                return ["xa": .text(commune.slug), "ten_xa": .text(commune.name), "ma": .text(procedure.code), "ten": .text(procedure.name),
                        "linh_vuc": .text(procedure.field), "cap_thuc_hien": .text(procedure.level), "muc_do": .text(procedure.onlineLevel?.rawValue),
                        "thoi_han": .text(procedure.deadline), "muc_phi": .text(nil), "co_quan_thuc_hien": .text(procedure.agency),
                        "quyet_dinh_cong_bo": .text(procedure.publication?.number), "ngay_cong_bo": .text(procedure.publication?.date?.iso),
                        "dia_chi": .text(nil), "so_voi_tinh": .text(ProvinceCatalogue.Standing.missing.rawValue),
                        "nguon": .text(ProvinceCatalogue.Origin.province.rawValue), "ghi_chu": .text(missing.note)]
            }
            return published + missing
        }
    }

    /// Both files of checklist rows, from every commune's share in the province's order.
    static func checklistFiles(_ shares: [CommuneShare]) -> [OutputFile] {
        [OutputFile(path: jsonPath, bytes: json(shares.map(\.checklistJSON))),
         OutputFile(path: csvPath, bytes: csv(shares.map(\.checklistCSV), columns: columns))]
    }

    static func procedureFiles(_ shares: [CommuneShare]) -> [OutputFile] {
        [OutputFile(path: procedureJSONPath, bytes: json(shares.map(\.procedureJSON))),
         OutputFile(path: procedureCSVPath, bytes: csv(shares.map(\.procedureCSV), columns: procedureColumns))]
    }

    /// Pretty-printed, keys sorted, one object per row: stable bytes for the same input. Strings
    /// and CSV cells are escaped by the commune open data's own helpers, so both escape alike.
    static func json(_ shares: [Data]) -> Data {
        guard shares.contains(where: { !$0.isEmpty }) else { return Data("[\n]\n".utf8) }
        return CommuneShare.join(shares, head: "[\n", separator: ",\n", tail: "\n]\n")
    }

    /// One commune's objects of a JSON file, joined by ",\n".
    static func jsonObjects(_ rows: [[String: Value]]) -> String {
        rows.map { row in
            "  {\n" + row.keys.sorted().map { "    " + SearchIndex.literal($0) + ": " + jsonValue(row[$0]!) }.joined(separator: ",\n") + "\n  }"
        }.joined(separator: ",\n")
    }

    static func jsonValue(_ value: Value) -> String {
        switch value {
        case let .text(text): return text.map(SearchIndex.literal) ?? "null"
        case let .number(number): return number.map(String.init) ?? "null"
        case let .list(items): return "[" + items.map(SearchIndex.literal).joined(separator: ", ") + "]"
        }
    }

    /// RFC 4180 with a BOM and CRLF for Excel.
    static func csv(_ shares: [Data], columns: [(name: String, meaning: String)]) -> Data {
        CommuneShare.join(shares, head: "\u{FEFF}" + columns.map(\.name).joined(separator: ",") + "\r\n", separator: "", tail: "")
    }

    /// One commune's lines of a CSV file, each ending in CRLF; a cell Excel would run as a
    /// formula is prefixed with `'`.
    static func csvLines(_ rows: [[String: Value]], columns: [(name: String, meaning: String)]) -> String {
        var text = ""
        for row in rows {
            text += columns.map { column -> String in
                switch row[column.name] {
                case let .text(text)?: return OpenData.quote(text ?? "")
                case let .number(number)?: return number.map(String.init) ?? ""
                case let .list(items)?: return OpenData.quote(items.joined(separator: "; "))
                case nil: return ""
                }
            }.joined(separator: ",") + "\r\n"
        }
        return text
    }
}
