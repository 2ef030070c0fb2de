import CongKhaiModel
import CongKhaiRender

/// `tong-hop/thu-tuc/`: where each commune's published procedures deviate from the province's
/// catalogue (missing, its own, outdated decision or legal basis), the same rows as
/// `thu-tuc-toan-tinh` minus those that match, for the province's inspection.
enum ProvinceDeviationPage {
    static let path = "tong-hop/thu-tuc/index.html"

    static func label(_ standing: ProvinceCatalogue.Standing) -> String {
        switch standing {
        case .matches: return "Đúng danh mục"
        case .missing: return "Thiếu"
        case .extra: return "Thủ tục riêng của xã"
        case .outdated: return "Căn cứ cũ"
        }
    }

    static let head = ["Đơn vị", "Mã", "Thủ tục", "So với danh mục", "Ghi chú"]

    /// One commune's rows: its published procedures that deviate, then the catalogue's it lacks.
    static func rows(_ commune: CommuneRecord) -> [[String]] {
        guard let comparison = commune.comparison else { return [] }
        let root = ProvinceHTML.root(of: path)
        var rows: [[String]] = []
        let communeCell = ProvinceHTML.link(root + "\(commune.slug)/thu-tuc/index.html", commune.shortName)
        for procedure in commune.procedures {
            guard let code = procedure["ma"], let entry = comparison.published[code], entry.standing != .matches else { continue }
            let name = procedure["dia_chi"].map { ProvinceHTML.link(root + commune.slug + "/" + $0, procedure["ten"] ?? code) }
                ?? ProvinceHTML.escape(procedure["ten"] ?? code)
            rows.append([communeCell, ProvinceHTML.escape(code), name, ProvinceHTML.escape(label(entry.standing)), ProvinceHTML.escape(entry.note ?? "")])
        }
        for missing in comparison.missing {
            rows.append([communeCell, ProvinceHTML.escape(missing.procedure.code), ProvinceHTML.escape(missing.procedure.name),
                         ProvinceHTML.escape(label(.missing)), ProvinceHTML.escape(missing.note)])
        }
        return rows
    }

    /// The page over every commune's rows (its share), in the province's order.
    static func page(province: String, shares: [CommuneShare], catalogueSize: Int?) -> String {
        let root = ProvinceHTML.root(of: path)
        guard let catalogueSize else {
            let body = "<p>Tỉnh chưa có danh mục thủ tục dùng chung (thư mục <code>tinh/thu-tuc/</code>), nên không có gì để so.</p>\n"
            return ProvinceHTML.page(path: path, title: "Thủ tục của các xã so với danh mục của tỉnh", province: province, body: body)
        }
        let count = shares.reduce(0) { $0 + $1.deviationCount }
        var body = "<p>Danh mục thủ tục cấp xã của tỉnh có \(catalogueSize) thủ tục; mỗi xã kế thừa danh mục này. "
        body += "Dưới đây là những chỗ xã khác danh mục: thủ tục xã không đăng, thủ tục riêng của xã, và thủ tục xã đăng theo quyết định công bố "
        body += "hoặc căn cứ pháp lý cũ hơn của tỉnh. Toàn bộ, kể cả các thủ tục đúng danh mục: "
        body += ProvinceHTML.link(root + ProvinceOpenData.procedureCSVPath, "thu-tuc-toan-tinh.csv") + ".</p>\n"
        body += count == 0 ? "<p>Mọi xã đăng đúng danh mục của tỉnh.</p>\n"
            : ProvinceHTML.table(label: "Chỗ khác danh mục của tỉnh (\(count))", head: head, renderedRows: shares.map(\.deviationRows).joined())
        return ProvinceHTML.page(path: path, title: "Thủ tục của các xã so với danh mục của tỉnh", province: province, body: body)
    }
}
