import CongKhaiBuild
import CongKhaiModel
import Foundation

/// A commune's folder (`xa/hoa-van/`) opened on its own, inside a province's repository: what
/// `check` needs to see the commune as the province builds it (with what it inherits from
/// `tinh/` and the province's theme), and what `build` and `serve` need to send the editor to
/// the province's commands instead of building a commune without its catalogue.
public struct ProvinceCommune: Sendable {
    public var province: ProvinceConfig
    public var commune: ProvinceConfig.Commune
    let builder: ProvinceBuild

    public enum Found: Sendable {
        /// Not inside a province (no `tinh.yaml` above), or a folder the province does not list.
        case none
        case commune(ProvinceCommune)
        /// `tinh.yaml` above could not be read: its problems, named from the commune's folder.
        case provinceProblems([Diagnostic], provinceFolder: URL)
    }

    /// The province whose `tinh.yaml` is in a folder above `siteFolder`, if it lists `siteFolder`
    /// as one of its communes.
    public static func find(_ siteFolder: URL, asOf: CalendarDate) -> Found {
        let site = siteFolder.standardizedFileURL.resolvingSymlinksInPath()
        var folder = site.deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            if ProvinceConfig.isProvince(folder) { break }
            folder = folder.deletingLastPathComponent()
        }
        guard ProvinceConfig.isProvince(folder) else { return .none }
        let log = DiagnosticLog()
        guard let province = ProvinceLoader.load(folder, log: log) else {
            let up = relativePrefix(from: site, to: folder)
            return .provinceProblems(log.all.map { moved($0, prefix: up) }, provinceFolder: folder)
        }
        guard let commune = province.communes.first(where: { $0.folder.resolvingSymlinksInPath().path == site.path }) else { return .none }
        return .commune(ProvinceCommune(province: province, commune: commune, builder: ProvinceBuild(province: province, asOf: asOf)))
    }

    /// The options `build` gives this commune inside its province.
    public var options: BuildOptions {
        builder.communeOptions(commune, output: builder.outputFolder.appendingPathComponent(commune.slug))
    }

    /// `xa/hoa-van`, as named from the province's folder.
    public var shownFolder: String { builder.shownFolder(commune) }

    /// Findings named from the commune's folder, where the editor runs the command: its own
    /// files as `content/...`, the province's as `../../tinh/...` and `../../templates/...`.
    public func shown(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let own = shownFolder + "/"
        let up = String(repeating: "../", count: shownFolder.split(separator: "/").count)
        return builder.shown(diagnostics, of: commune).map { diagnostic in
            let path = diagnostic.location.path
            var moved = diagnostic
            moved.location.path = path.hasPrefix(own) ? String(path.dropFirst(own.count)) : up + path
            return moved
        }
    }

    static func relativePrefix(from site: URL, to province: URL) -> String {
        let depth = site.pathComponents.count - province.pathComponents.count
        return String(repeating: "../", count: max(0, depth))
    }

    static func moved(_ diagnostic: Diagnostic, prefix: String) -> Diagnostic {
        var moved = diagnostic
        moved.location.path = prefix + diagnostic.location.path
        return moved
    }
}

extension ProvinceCommune {
    /// How to name the province's folder in a command typed at `cwd`: `../..` from inside it.
    public func provinceArgument(from cwd: URL) -> String {
        ProvinceConfig.argument(naming: province.folder, from: cwd)
    }
}
