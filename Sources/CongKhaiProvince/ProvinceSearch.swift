import CongKhaiModel
import CongKhaiRender
import Foundation

/// Search across every commune's procedures: `tim-kiem/index.html`, driven by the communes' own
/// `assets/tim-kiem.js` over an index of the same shape as a commune's (a script, so it loads
/// from `file://`), each entry's field shown and searched with its commune's short name
/// ("khai tu hoa van" finds Xã Hòa Vân's death registration).
enum ProvinceSearch {
    static let page = "tim-kiem/index.html"
    static let indexPath = "du-lieu/tim-kiem-toan-tinh.js"
    static let script = "assets/tim-kiem.js"

    static let indexHead = "// Chỉ mục tìm kiếm thủ tục của mọi xã do CongKhai tạo. [mã, tên, xã · lĩnh vực, mức độ, địa chỉ, chữ đã bỏ dấu]\n"
        + "window.CONGKHAI_TIM_KIEM=[\n"

    /// The index over every commune's entries (its share), in the province's order.
    static func index(_ shares: [CommuneShare]) -> OutputFile {
        OutputFile(path: indexPath, bytes: CommuneShare.join(shares.map(\.search), head: indexHead, separator: ",\n", tail: "\n];\n"))
    }

    /// One commune's entries, joined by ",\n".
    static func entries(_ commune: CommuneRecord) -> String {
        commune.procedures.compactMap { procedure -> String? in
            guard let code = procedure["ma"], let name = procedure["ten"], let page = procedure["dia_chi"] else { return nil }
            let field = procedure["linh_vuc"] ?? ""
            let level = procedure["muc_do"].flatMap(OnlineLevel.init(rawValue:))?.label ?? ""
            let shown = commune.shortName + " · " + field
            // Folded as a commune's index folds code, name and field (scripts/check_search.js holds both to it).
            let folded = TextFolding.fold([code, name, shown].joined(separator: " "))
            let fields = [code, name, shown, level, commune.slug + "/" + page, folded]
            return "[" + fields.map(SearchIndex.literal).joined(separator: ",") + "]"
        }.joined(separator: ",\n")
    }

    static func searchPage(province: String, communes: [CommuneRecord]) -> String {
        let root = ProvinceHTML.root(of: page)
        let count = communes.reduce(0) { $0 + $1.procedures.count }
        var body = "<p>Tìm trong \(count) thủ tục hành chính mà \(communes.count) đơn vị đang công khai. "
        body += "Gõ tên hoặc mã thủ tục, thêm tên xã để chỉ tìm ở xã đó.</p>\n"
        body += """
        <div class="search-box search-inline">
        <form role="search" aria-label="Tìm thủ tục của các xã" action="index.html" method="get" class="site-search" data-index="\(root)\(indexPath)" data-root="\(root)" data-url-query="">
        <label for="tim-thu-tuc">Tìm thủ tục theo tên, mã hoặc tên xã</label>
        <span class="search-hint" id="tim-thu-tuc-goi-y">Có thể gõ không dấu, ví dụ: khai tu hoa van, chung thuc, 1.000656</span>
        <span class="search-row">
        <input type="search" name="q" id="tim-thu-tuc" aria-describedby="tim-thu-tuc-goi-y" autocomplete="off" spellcheck="false">
        <button type="submit">Tìm</button>
        </span>
        </form>
        <noscript><p class="search-hint">JavaScript đang tắt nên không tìm được ở đây: hãy mở danh mục thủ tục của từng xã dưới đây, hoặc tải danh sách mọi thủ tục của các xã ở trang Dữ liệu mở.</p></noscript>
        <div id="ket-qua-thu-tuc" class="search-results">
        <p class="search-status" aria-live="polite"></p>
        </div>
        </div>

        """
        body += "<h2>Danh mục thủ tục của từng xã</h2>\n<ul>\n"
        body += communes.map { "<li>" + ProvinceHTML.link(root + "\($0.slug)/thu-tuc/index.html", $0.name) + "</li>" }.joined(separator: "\n")
        body += "\n</ul>\n"
        return ProvinceHTML.page(path: page, title: "Tìm thủ tục hành chính của các xã", province: province, body: body,
                                 scripts: [root + script])
    }
}
