import CongKhaiModel
import Foundation

/// `content/site.yaml`: the commune itself.
enum SiteConfigLoader {
    static func load(_ source: SourceText, log: DiagnosticLog) -> SiteConfig? {
        guard let root = YAMLDocument.value(source.text, path: source.path, log: log) else { return nil }
        guard let yaml = MappingReader(root, path: source.path, lineOffset: 0, log: log, what: "Tệp site.yaml") else { return nil }
        let name = yaml.string("ten", "tên đầy đủ của đơn vị, ví dụ Ủy ban nhân dân xã Hòa Phong", required: true)
        let kindText = yaml.string("loai", "loại đơn vị: xa, phuong hoặc dac_khu", required: true)
        let province = yaml.string("tinh", "tỉnh hoặc thành phố", required: true)
        var kind: UnitKind?
        if let kindText {
            kind = UnitKind(rawValue: kindText)
            if kind == nil {
                log.report(.error("site.kind", at: yaml.location(ofKey: "loai"),
                                  "“loai” phải là một trong: xa, phuong, dac_khu (đang là “\(kindText)”).",
                                  hint: "Ví dụ: `loai: xa`."))
            }
        }
        let shortName = yaml.string("ten_ngan", "tên ngắn, ví dụ Xã Hòa Phong")
        var config = SiteConfig(name: name ?? "", shortName: shortName ?? name ?? "", kind: kind ?? .xa, province: province ?? "")
        config.address = yaml.string("dia_chi", "địa chỉ trụ sở")
        config.phone = yaml.string("dien_thoai", "số điện thoại")
        config.email = yaml.string("email", "thư điện tử")
        config.officeHours = yaml.string("gio_lam_viec", "giờ làm việc")
        config.domain = yaml.string("ten_mien", "tên miền")
        config.baseURL = yaml.string("url_goc", "địa chỉ gốc của trang")
        config.onlineServiceURL = yaml.string("dvc_url", "cổng dịch vụ công của tỉnh")
        config.ratingURL = yaml.string("phan_hoi_url", "địa chỉ nhận đánh giá “Thông tin này có hữu ích không?”")
        config.description = yaml.string("mo_ta", "mô tả ngắn")
        config.responsiblePerson = yaml.string("nguoi_chiu_trach_nhiem", "người chịu trách nhiệm chính")
        config.ruleProfile = yaml.string("bo_quy_tac", "bộ quy tắc công khai")
        config.formerUnits = yaml.strings("truoc_sap_xep", "các đơn vị trước sắp xếp")
        config.holidays = holidays(yaml)
        config.startDate = yaml.date("bat_dau", "ngày trang bắt đầu công khai")
        // One line of free text is accepted too: "Bộ phận Một cửa, UBND xã ...; điện thoại ...".
        if let text = yaml.value("kenh_phan_anh")?.string {
            config.feedback = FeedbackChannel(address: text.trimmingWhitespace())
        } else if let feedback = yaml.mapping("kenh_phan_anh", "nơi tiếp nhận phản ánh, kiến nghị") {
            config.feedback = FeedbackChannel(
                address: feedback.string("dia_chi", "địa chỉ"),
                phone: feedback.string("dien_thoai", "số điện thoại"),
                email: feedback.string("email", "thư điện tử"))
            feedback.finish(context: "kênh phản ánh")
        }
        config.postingPlaces = yaml.mappings("diem_niem_yet", "các điểm niêm yết").compactMap { place in
            defer { place.finish(context: "điểm niêm yết") }
            guard let name = place.string("ten", "tên điểm niêm yết", required: true) else { return nil }
            return PostingPlace(name: name, address: place.string("dia_chi", "địa chỉ"))
        }
        checkURL(config.baseURL, key: "url_goc", yaml: yaml, log: log)
        checkURL(config.onlineServiceURL, key: "dvc_url", yaml: yaml, log: log)
        checkURL(config.ratingURL, key: "phan_hoi_url", yaml: yaml, log: log)
        yaml.finish(context: "site.yaml")
        return config
    }

    private static func holidays(_ yaml: MappingReader) -> [CalendarDate] {
        guard let node = yaml.value("ngay_nghi"), case let .sequence(items) = node else { return [] }
        return items.items.compactMap { item in
            guard let text = item.string, let date = CalendarDate.parse(text) else {
                yaml.log.report(.error("field.type", at: yaml.location(of: item),
                                       "Mỗi mục của “ngay_nghi” phải là một ngày có thật.",
                                       hint: "Ví dụ: `- 2025-09-02`."))
                return nil
            }
            return date
        }
    }

    /// Characters RFC 3986 never allows in an address. Foundation's parser accepts some of them
    /// (it percent-encodes), so an address with a quote or a space would be published as typed.
    private static let forbiddenInURL = Set("\"<>\\^`{|} \t".unicodeScalars)

    private static func checkURL(_ value: String?, key: String, yaml: MappingReader, log: DiagnosticLog) {
        guard let value else { return }
        if let bad = value.unicodeScalars.first(where: {
            forbiddenInURL.contains($0) || $0.properties.generalCategory == .control
        }) {
            let shown = bad == " " ? "dấu cách" : bad.properties.generalCategory == .control
                ? "ký tự điều khiển" : "“\(bad)”"
            log.report(.error("site.url", at: yaml.location(ofKey: key),
                              "“\(key)” có \(shown), ký tự không được có trong một địa chỉ web.",
                              hint: "Chép lại địa chỉ từ thanh địa chỉ của trình duyệt, ví dụ `\(key): https://hoaphong.lamdong.gov.vn/`."))
            return
        }
        guard let url = URL(string: value), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            log.report(.error("site.url", at: yaml.location(ofKey: key),
                              "“\(key)” phải là một địa chỉ web đầy đủ (bắt đầu bằng https://).",
                              hint: "Ví dụ: `\(key): https://hoaphong.lamdong.gov.vn/`."))
            return
        }
    }
}
