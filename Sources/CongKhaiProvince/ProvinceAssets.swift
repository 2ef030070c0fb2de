import CongKhaiBuild
import CongKhaiRender
import Foundation

/// The files the province pages load (stylesheet, emblem, search script), from the province's own
/// theme: the one built into congkhai under the province's `templates/`, never a commune's, so a
/// commune restyling its own site does not restyle the province's dashboard. Made the way a commune
/// build publishes its theme's assets (CSS minified, the rest as they are).
enum ProvinceAssets {
    static let paths = ["assets/style.css", "assets/emblem.svg", ProvinceSearch.script]

    static func files(_ province: ProvinceConfig) -> [OutputFile] {
        let wanted = Set(paths)
        // The province's `templates/` is the theme's top layer here (no commune above it).
        return Theme.files(siteTemplates: province.templates).filter { wanted.contains($0.path) }.compactMap { file in
            guard let data = file.data else { return nil }
            guard file.path.hasSuffix(".css") else { return OutputFile(path: file.path, bytes: data) }
            return String(data: data, encoding: .utf8).map { OutputFile(path: file.path, text: CSSMinifier.minify($0)) }
        }
    }

    /// Whether a changed file of the province's theme (`templates/assets/style.css`) is one of these.
    static func isAsset(themePath: String) -> Bool {
        paths.contains { themePath == "templates/" + $0 }
    }
}
