import CongKhaiBuild
import CongKhaiLoad
import CongKhaiModel
import Foundation

/// `congkhai new site` inside a province's repository: the commune goes where the province looks
/// for its communes, with only its own content, and the province's lists that must name it are
/// pointed out (an explicit `xa:` in `tinh.yaml`, the CI files' matrix).
public enum ProvinceScaffold {
    /// What `new site` needs of `tinh.yaml`, read even when the province has no commune yet
    /// (which `ProvinceLoader.load` refuses).
    public struct Header: Sendable {
        public var folder: URL
        public var name: String?
        /// `xa`, or `thu_muc_xa`.
        public var communesFolder: String
        /// The line of an explicit `xa:` list: a new commune must be added there to be built.
        public var listLine: Int?
        public var listed: [String]
    }

    public static func header(_ folder: URL) -> Header? {
        let path = ProvinceConfig.fileName
        let log = DiagnosticLog()
        guard let source = SourceText.read(folder.appendingPathComponent(path), displayPath: path, log: log),
              let yaml = MappingReader(YAMLDocument.parse(source.text, path: path, log: log), path: path, lineOffset: 0,
                                       log: log, what: "Tệp tinh.yaml") else { return nil }
        let listed = yaml.has("xa")
        return Header(folder: folder.standardizedFileURL, name: yaml.string("ten", "tên tỉnh"),
                      communesFolder: yaml.string("thu_muc_xa", "thư mục chứa các xã") ?? ProvinceConfig.defaultCommuneFolder,
                      listLine: listed ? yaml.location(ofKey: "xa").line : nil, listed: listed ? yaml.strings("xa", "danh sách xã") : [])
    }

    /// The province a new site made from `cwd` belongs to: `source` itself when it holds
    /// `tinh.yaml`, or the folder above when `cwd` is its communes' folder (`cd xa`).
    public static func province(source: URL, cwd: URL) -> Header? {
        if ProvinceConfig.isProvince(source) { return header(source) }
        let parent = cwd.standardizedFileURL.deletingLastPathComponent()
        guard ProvinceConfig.isProvince(parent), let found = header(parent),
              parent.appendingPathComponent(found.communesFolder).standardizedFileURL.path == cwd.standardizedFileURL.path else { return nil }
        return found
    }

    /// `xa/tan-phu` for “Xã Tân Phú”: the name without its kind word, as the example province's
    /// folders are (`hoa-van`), since the folder is the commune's address on the province's portal.
    public static func communeFolder(_ unit: SiteScaffold.Unit, in province: Header) -> URL {
        province.folder.appendingPathComponent(province.communesFolder).appendingPathComponent(TextFolding.slug(unit.name).lowercased())
    }

    /// The new commune's files: what the province shares (`tinh/<path>` for `content/<path>`) is
    /// inherited, not copied.
    public static func files(_ unit: SiteScaffold.Unit, today: CalendarDate, province: Header) -> [(path: String, text: String)] {
        SiteScaffold.communeFiles(unit, today: today) { path in
            guard path.hasPrefix("content/") else { return false }
            let shared = province.folder.appendingPathComponent(SharedContent.folderName).appendingPathComponent(String(path.dropFirst("content/".count)))
            return FileManager.default.fileExists(atPath: shared.path)
        }
    }

    /// `../..`: the province's folder as named from the new commune's, for the commands to run there.
    public static func provinceArgument(_ province: Header, from commune: URL) -> String {
        ProvinceConfig.argument(naming: province.folder, from: commune)
    }

    /// `congkhai new tinh "Tỉnh Đồng Nai"`: a province repository with no commune yet.
    public static func provinceFiles(name: String, today: CalendarDate) -> [(path: String, text: String)] {
        let yaml = """
        # Cổng của tỉnh dựng bằng CongKhai: xem README, mục “Cổng của tỉnh”.
        ten: \(YAMLText.quoted(name))
        # Địa chỉ cổng thông tin điện tử của tỉnh (bỏ dấu # khi điền):
        # url_cong: "https://tinh.gov.vn/"
        # Mỗi xã, phường, đặc khu là một thư mục trong xa/ (tạo bằng: congkhai new site "Xã Tân Phú").
        # Không bắt buộc: liệt kê các xã theo thứ tự muốn hiển thị; bỏ trống thì lấy mọi thư mục trong xa/.
        # xa: [tan-phu, hoa-binh]

        """
        return [(ProvinceConfig.fileName, yaml)] + SiteScaffold.provinceStart(today: today)
    }
}
