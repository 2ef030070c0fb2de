import CongKhaiLoad
import CongKhaiModel
import Foundation

/// One procedure as exported from the national public-service portal: its parts as text,
/// keyed by the portal's field names, not yet cleaned or interpreted.
public struct DVCRecord: Sendable {
    /// 1-based position in its file, to name a record that has no usable code.
    public var position: Int
    public var values: [String: String]
    /// Already reported as unusable (a code written as a number).
    public var rejected = false

    public func text(_ key: String) -> String? { values[key] }

    /// How warnings name this record: by its code when it has one, else by its position.
    public var label: String {
        let code = values["ma_thu_tuc"].map(ProcedureCode.clean) ?? ""
        return code.isEmpty ? "hồ sơ thứ \(position)" : "hồ sơ \(code)"
    }
}

/// Reads a file holding one record or an array of them. The JSON is read with `JSONDecoder`
/// into a small value type, because `JSONSerialization` on Linux cannot tell `true` from `1`.
public enum DVCRecordParser {
    /// The portal's field names. Keys are compared without case, accents and separators, so
    /// `MaThuTuc` and `ma-thu-tuc` are `ma_thu_tuc` too.
    public static let fields = [
        "ma_thu_tuc", "ten_thu_tuc", "so_quyet_dinh", "cap_thuc_hien", "loai_thu_tuc", "linh_vuc",
        "doi_tuong_thuc_hien", "trinh_tu_thuc_hien", "cach_thuc_thuc_hien", "thanh_phan_ho_so",
        "can_cu_phap_ly", "co_quan_thuc_hien", "yeu_cau_dieu_kien", "ket_qua_xu_ly", "detail_url", "co_quan_co_tham_quyen",
    ]
    /// Fields of the portal's page a crawler copies that the catalogue does not publish: known,
    /// so not reported as unknown.
    static let unused: Set<String> = [
        "formality_id", "dia_chi_tiep_nhan", "co_quan_duoc_uy_quyen",
        "co_quan_phoi_hop", "thu_tuc_lien_quan", "raw_text",
    ]
    static let aliases = ["ma": "ma_thu_tuc", "ten": "ten_thu_tuc", "ket_qua": "ket_qua_xu_ly",
                          "doi_tuong": "doi_tuong_thuc_hien", "trinh_tu": "trinh_tu_thuc_hien",
                          "cach_thuc": "cach_thuc_thuc_hien", "yeu_cau": "yeu_cau_dieu_kien"]
    static let byCompactName: [String: String] = {
        var names: [String: String] = [:]
        for field in fields { names[compact(field)] = field }
        for (alias, field) in aliases { names[compact(alias)] = field }
        return names
    }()

    static func compact(_ key: String) -> String {
        String(TextFolding.fold(key).filter { $0.isLetter || $0.isNumber })
    }

    public static func parse(_ data: Data, path: String, log: DiagnosticLog) -> [DVCRecord]? {
        let data = TextBytes.droppingBOM(data)
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            let (line, column) = position(in: data)
            log.report(.error("import.json", at: SourceLocation(path: path, line: line, column: column),
                              "Tệp không phải JSON hợp lệ nên không nhập được hồ sơ nào từ tệp này.",
                              hint: "Tải lại tệp từ Cổng Dịch vụ công; tệp phải chứa một hồ sơ {…} hoặc một danh sách [{…}, {…}]."))
            return nil
        }
        let items: [JSONValue]
        switch root {
        case let .array(array): items = array
        case let .object(object): items = wrappedRecords(object) ?? [root]
        default:
            log.report(.error("import.json", at: SourceLocation(path: path),
                              "Tệp JSON không chứa hồ sơ thủ tục nào.",
                              hint: "Tệp phải chứa một hồ sơ {…} hoặc một danh sách [{…}, {…}]."))
            return nil
        }
        var records: [DVCRecord] = []
        var unknown = Set<String>()
        for (offset, item) in items.enumerated() {
            guard case let .object(object) = item else {
                log.report(.warning("import.record", at: SourceLocation(path: path),
                                    "Phần tử thứ \(offset + 1) của danh sách không phải là một hồ sơ {…}; đã bỏ qua.",
                                    hint: "Mỗi phần tử phải là một hồ sơ có “ma_thu_tuc”, “ten_thu_tuc”, …"))
                continue
            }
            var record = DVCRecord(position: offset + 1, values: [:])
            var problems: [(String, String)] = []
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                guard let field = byCompactName[compact(key)] else {
                    if !unused.contains(key) { unknown.insert(key) }
                    continue
                }
                // A code written as a number has already lost its trailing zeros (1.001190 → 1.00119).
                if field == "ma_thu_tuc", case .number = value {
                    record.rejected = true
                    log.report(.warning("import.code", at: SourceLocation(path: path),
                                        "hồ sơ thứ \(offset + 1), trường ma_thu_tuc: mã ghi dạng số (\(value.text ?? "")) nên có thể đã mất chữ số 0 ở cuối; đã bỏ qua hồ sơ này.",
                                        hint: "Mã phải là văn bản trong ngoặc kép, ví dụ \"ma_thu_tuc\": \"1.001190\"."))
                    continue
                }
                switch value.text {
                case let .some(text): record.values[field] = text
                case .none: if value != .null { problems.append((field, value.kind)) }
                }
            }
            for (field, kind) in problems {
                log.report(.warning("import.field-type", at: SourceLocation(path: path),
                                    "\(record.label), trường \(field): phải là văn bản nhưng đang là \(kind); đã bỏ qua trường này.",
                                    hint: "Kiểm tra tệp xuất từ Cổng Dịch vụ công, hoặc bổ sung phần này bằng tay sau khi nhập."))
            }
            records.append(record)
        }
        if !unknown.isEmpty {
            log.report(.warning("import.unknown-keys", at: SourceLocation(path: path),
                                "Các trường không dùng đến đã bị bỏ qua: \(unknown.sorted().joined(separator: ", ")).",
                                hint: "Các trường được nhập: \(fields.joined(separator: ", "))."))
        }
        return records
    }

    /// Some exports wrap the list: `{"data": [...]}`.
    static func wrappedRecords(_ object: [String: JSONValue]) -> [JSONValue]? {
        guard !object.keys.contains(where: { byCompactName[compact($0)] != nil }) else { return nil }
        let lists = object.values.compactMap { value -> [JSONValue]? in
            if case let .array(items) = value, items.contains(where: { if case .object = $0 { true } else { false } }) { return items }
            return nil
        }
        return lists.count == 1 ? lists[0] : nil
    }

    /// `JSONDecoder` on Linux says only that the data is invalid; `JSONSerialization` says
    /// "around character 75", a byte offset, which the editor needs as line and column.
    static func position(in data: Data) -> (Int, Int) {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return (0, 0)
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let pattern = try! NSRegularExpression(pattern: #"character (\d+)"#)
            guard let match = ImportText.matches(pattern, in: message).first,
                  let offset = ImportText.substring(message, match.range(at: 1)).flatMap(Int.init), offset <= data.count else { return (0, 0) }
            let before = data.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = before.lastIndex(of: 0x0A).map { before.index(after: $0) } ?? before.startIndex
            let column = (String(data: before[lineStart...], encoding: .utf8)?.count ?? 0) + 1
            return (line, column)
        }
    }
}

/// Any JSON value, decoded strictly: a number is never taken for a boolean.
enum JSONValue: Decodable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Text for a field: strings as they are, numbers written out, a list of texts one per line.
    /// nil for what cannot stand for text.
    var text: String? {
        switch self {
        case let .string(value): return value
        case let .number(value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case let .array(items):
            let texts = items.compactMap { item -> String? in
                if case let .string(value) = item { return value }
                if case let .number(value) = item { return JSONValue.number(value).text }
                return nil
            }
            return texts.count == items.count ? texts.joined(separator: "\n") : nil
        case .bool, .null, .object: return nil
        }
    }

    var kind: String {
        switch self {
        case .string: return "văn bản"
        case .number: return "một số"
        case .bool: return "true/false"
        case .null: return "null"
        case .array: return "một danh sách"
        case .object: return "một nhóm {…}"
        }
    }
}
