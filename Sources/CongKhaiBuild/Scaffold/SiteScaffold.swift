import CongKhaiModel
import Foundation

/// `congkhai new site "Xã Tân Phú" --tinh "Tỉnh Đồng Nai"`: a site folder that builds at once,
/// with the default theme (embedded, so no templates/), drafts where only the commune can write
/// the text, and the publishing recipes of `PublishingRecipes`.
public enum SiteScaffold {
    /// The commune as named on the command line.
    public struct Unit: Sendable, Equatable {
        public let kind: UnitKind
        /// Without the kind word: `Tân Phú`.
        public let name: String
        /// `Tỉnh Đồng Nai`, `Thành phố Huế`.
        public let province: String

        public init(kind: UnitKind, name: String, province: String) {
            self.kind = kind
            self.name = name
            self.province = province
        }

        /// `Xã Tân Phú`.
        public var shortName: String { "\(kind.label) \(name)" }
        /// `xã Tân Phú`, inside a sentence.
        public var inSentence: String { "\(kind.label.lowercased()) \(name)" }
        /// `tỉnh Đồng Nai`, inside a sentence.
        public var provinceInSentence: String {
            for word in ["Tỉnh ", "Thành phố "] where province.hasPrefix(word) {
                return word.lowercased() + province.dropFirst(word.count)
            }
            return province
        }
    }

    /// Reads `"Xã Tân Phú"` or `"Tân Phú" --loai xa`; a kind word in the name that contradicts
    /// `--loai` is an error rather than a guess.
    public static func unit(name rawName: String, province rawProvince: String, kind: UnitKind?) -> Result<Unit, Scaffold.Failure> {
        let name = rawName.nfc.trimmingCharacters(in: .whitespaces)
        let province = rawProvince.nfc.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            return .failure(.usage("Cần tên đơn vị, ví dụ: congkhai new site \"Xã Tân Phú\" --tinh \"Tỉnh Đồng Nai\""))
        }
        guard !province.isEmpty else {
            return .failure(.usage("Cần tên tỉnh hoặc thành phố, ví dụ: --tinh \"Tỉnh Đồng Nai\""))
        }
        var named: (UnitKind, String)?
        // "Đặc khu" before "Xã": no prefix is a prefix of another, but the longest reads clearest.
        for candidate in [UnitKind.dacKhu, .phuong, .xa] {
            let word = candidate.label + " "
            if name.lowercased().hasPrefix(word.lowercased()) {
                named = (candidate, String(name.dropFirst(word.count)).trimmingCharacters(in: .whitespaces))
                break
            }
        }
        if let (namedKind, bare) = named {
            guard !bare.isEmpty else { return .failure(.usage("Tên “\(name)” chỉ có chữ “\(namedKind.label)”; cần thêm tên riêng, ví dụ “\(namedKind.label) Tân Phú”.")) }
            if let kind, kind != namedKind {
                return .failure(.usage("Tên “\(name)” là \(namedKind.label.lowercased()) nhưng --loai là \(kind.rawValue) (\(kind.label.lowercased())). Bỏ --loai hoặc sửa tên cho khớp."))
            }
            return .success(Unit(kind: namedKind, name: bare, province: province))
        }
        return .success(Unit(kind: kind ?? .xa, name: name, province: province))
    }

    /// Every file of the new site, relative to its folder.
    public static func files(_ unit: Unit, today: CalendarDate) -> [(path: String, text: String)] {
        SiteScaffoldTexts.files(unit, today: today) + PublishingRecipes.files(unit)
    }

    /// A new commune inside a province's repository: its content only. The province publishes
    /// (its CI files and `.gitignore` are at the repository's root, where hosts look for them),
    /// and a file the province shares (`inherited` answers `content/phi-le-phi.yaml` when
    /// `tinh/phi-le-phi.yaml` exists) is left out, since a copy would replace the province's.
    public static func communeFiles(_ unit: Unit, today: CalendarDate, inherited: (String) -> Bool) -> [(path: String, text: String)] {
        SiteScaffoldTexts.files(unit, today: today).filter { $0.path != ".gitignore" && !inherited($0.path) }
    }

    /// What a province's repository starts with besides `tinh.yaml`: the `.gitignore` of a site,
    /// and an empty fee schedule in `tinh/` (the provincial council's), which communes inherit.
    public static func provinceStart(today: CalendarDate) -> [(path: String, text: String)] {
        [(".gitignore", SiteScaffoldTexts.gitignore), ("tinh/phi-le-phi.yaml", SiteScaffoldTexts.feeSchedule(today: today))]
    }

    /// Writes into `folder` (created if missing) only when it is missing or empty: a new site is
    /// never mixed into existing files.
    public static func write(_ files: [(path: String, text: String)], in folder: URL) -> Result<[String], Scaffold.Failure> {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { return .failure(.exists(folder.path)) }
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            if let first = entries.sorted().first { return .failure(.notEmpty(first)) }
        }
        return Scaffold.write(files, in: folder)
    }
}
