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

    /// The labels of the online levels, by the number an entry carries (0: none).
    static let levels = [""] + OnlineLevel.allCases.map(\.label)

    /// A commune's index entries repeat its short name, each field, the level's label, its folder
    /// and the folded forms of those in every entry: 4.5 MB at 100 communes. Here each commune
    /// gives them once and the script expands them on load into the entries the search script
    /// reads (`[code, name, shown, level, path, folded]`, the same values as a commune's index),
    /// so it still loads from `file://` and `assets/tim-kiem.js` is unchanged. A commune's part:
    /// `[slug, [[shown, folded shown], …], [[code, name, folded, field, level, page], …]]`, where
    /// `folded` is the folded name (the entry's folded text is the code, it and the folded shown
    /// field, spaced) or `[whole folded text]`, and `page` is the field's folder under `thu-tuc/`
    /// (the page is `thu-tuc/<folder>/<code>/index.html`) or `[page]`.
    static let indexHead = "// Chỉ mục tìm kiếm thủ tục của mọi xã do CongKhai tạo: mỗi xã [mã xã, [[xã · lĩnh vực, chữ đã bỏ dấu]], "
        + "[[mã, tên, chữ đã bỏ dấu, lĩnh vực, mức độ, thư mục]]], mở ra thành [mã, tên, xã · lĩnh vực, mức độ, địa chỉ, chữ đã bỏ dấu].\n"
        + "window.CONGKHAI_TIM_KIEM=(function(L,X){var r=[];for(var i=0;i<X.length;i++){var s=X[i][0],F=X[i][1],E=X[i][2];"
        + "for(var j=0;j<E.length;j++){var e=E[j],f=F[e[3]],p=e[5];"
        + "r.push([e[0],e[1],f[0],L[e[4]],s+\"/\"+(typeof p===\"string\"?\"thu-tuc/\"+p+\"/\"+e[0]+\"/index.html\":p[0]),"
        + "typeof e[2]===\"string\"?e[0]+\" \"+e[2]+\" \"+f[1]:e[2][0]]);}}return r;})(\n"
        + "[" + levels.map(SearchIndex.literal).joined(separator: ",") + "],[\n"

    /// The index over every commune's part (its share), in the province's order.
    static func index(_ shares: [CommuneShare]) -> OutputFile {
        OutputFile(path: indexPath, bytes: CommuneShare.join(shares.map(\.search), head: indexHead, separator: ",\n", tail: "\n]);\n"))
    }

    /// One commune's part of the index; empty when it publishes no procedure with a page.
    static func entries(_ commune: CommuneRecord) -> String {
        var fields: [String: Int] = [:]
        var shownFields: [String] = []
        var lines: [String] = []
        for procedure in commune.procedures {
            guard let code = procedure["ma"], let name = procedure["ten"], let page = procedure["dia_chi"] else { continue }
            let field = procedure["linh_vuc"] ?? ""
            let shown = commune.shortName + " · " + field
            let fieldNumber: Int
            if let known = fields[shown] {
                fieldNumber = known
            } else {
                fieldNumber = shownFields.count
                fields[shown] = fieldNumber
                shownFields.append("[" + SearchIndex.literal(shown) + "," + SearchIndex.literal(TextFolding.fold(shown)) + "]")
            }
            let level = procedure["muc_do"].flatMap(OnlineLevel.init(rawValue:)).flatMap { OnlineLevel.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            // Folded as a commune's index folds code, name and field (scripts/check_search.js holds both to it);
            // kept whole where folding the parts apart would not give the same text.
            let whole = TextFolding.fold([code, name, shown].joined(separator: " "))
            let foldedName = TextFolding.fold(name)
            let folded = code + " " + foldedName + " " + TextFolding.fold(shown) == whole ? SearchIndex.literal(foldedName) : "[" + SearchIndex.literal(whole) + "]"
            let parts = page.split(separator: "/", omittingEmptySubsequences: false)
            let patterned = parts.count == 4 && parts[0] == "thu-tuc" && !parts[1].isEmpty && parts[2] == code && parts[3] == "index.html"
            let place = patterned ? SearchIndex.literal(String(parts[1])) : "[" + SearchIndex.literal(page) + "]"
            lines.append("[" + [SearchIndex.literal(code), SearchIndex.literal(name), folded, String(fieldNumber), String(level), place].joined(separator: ",") + "]")
        }
        guard !lines.isEmpty else { return "" }
        return "[" + SearchIndex.literal(commune.slug) + ",[" + shownFields.joined(separator: ",") + "],[\n" + lines.joined(separator: ",\n") + "]]"
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
