import ArgumentParser
import CongKhaiBuild
import CongKhaiModel
import CongKhaiProvince
import Foundation

/// `congkhai new site|thu-tuc|phi|ngan-sach|cchc|cong-khai|tin-tuc ...`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo một trang mới, hoặc tệp nội dung mới đúng mẫu, có chú thích từng trường, không ghi đè tệp có sẵn.",
        discussion: """
        Ví dụ:
          congkhai new site "Xã Tân Phú" --tinh "Tỉnh Đồng Nai"        (trang mới trong thư mục xa-tan-phu/)
          congkhai new thu-tuc "Hộ tịch" 1.001193 --tieu-de "Thủ tục đăng ký khai sinh"
          congkhai new phi le-phi-khai-sinh
          congkhai new ngan-sach 2027 du-toan        (hoặc \(Scaffold.budgetPeriods.filter { $0 != "du-toan" }.joined(separator: ", ")))
          congkhai new cchc 2027 quy-1               (hoặc \(Scaffold.reformPeriods.dropFirst().joined(separator: ", ")))
          congkhai new cong-khai ke-hoach-nam-2027
          congkhai new tin-tuc hop-hdnd-ky-thu-nhat --tieu-de "Kỳ họp thứ nhất"
          congkhai new ci-tinh                       (trong thư mục có tinh.yaml: tệp GitHub Actions, GitLab CI dựng mỗi xã một việc)
        """
    )

    /// What to create: a whole site, or one kind of content file. The file kinds are
    /// `Scaffold.Kind`'s, so a kind added there is accepted, listed and created here unchanged.
    enum Kind: Equatable, ExpressibleByArgument {
        case site
        case file(Scaffold.Kind)
        /// The CI files of a province repository (a matrix over its communes).
        case provinceCI

        init?(argument: String) {
            switch argument {
            case "site": self = .site
            case "ci-tinh": self = .provinceCI
            default:
                guard let kind = Scaffold.Kind(rawValue: argument) else { return nil }
                self = .file(kind)
            }
        }

        static var allValueStrings: [String] { ["site"] + Scaffold.Kind.allCases.map(\.rawValue) + ["ci-tinh"] }

        var name: String {
            switch self {
            case .site: "site"
            case .provinceCI: "ci-tinh"
            case let .file(kind): kind.rawValue
            }
        }
    }

    @Argument(help: ArgumentHelp("Loại: site (cả trang mới), " + Scaffold.Kind.allCases.map(\.rawValue).joined(separator: ", ") + "; ci-tinh (tệp CI của kho tỉnh).", valueName: "loại"))
    var kind: Kind

    @Argument(help: ArgumentHelp("Các thông tin của loại đó (xem ví dụ). Với site: tên đơn vị, rồi thư mục (không bắt buộc).", valueName: "thông-tin"))
    var arguments: [String] = []

    @Option(name: .customLong("tieu-de"), help: "Tiêu đề hoặc tên ghi sẵn vào tệp.")
    var title: String?

    @Option(name: .customLong("tinh"), help: "Với site: tỉnh hoặc thành phố, ví dụ \"Tỉnh Đồng Nai\".")
    var province: String?

    @Option(name: .customLong("loai"), help: "Với site: loại đơn vị khi tên không có chữ Xã, Phường, Đặc khu.")
    var unitKind: UnitKindArgument?

    @OptionGroup var site: SiteFolder

    func run() throws {
        let today = BuildCommand.resolveAsOf(nil)
        if kind == .provinceCI {
            return NewProvinceCI.run(source: site.siteFolder, cwd: site.cwd)
        }
        guard case let .file(scaffold) = kind else {
            try NewSite.run(arguments: arguments, province: province, kind: unitKind?.kind, today: today, cwd: site.cwd)
            return
        }
        if province != nil || unitKind != nil {
            Terminal.fail("--tinh và --loai chỉ dùng với `congkhai new site`.", hint: "Bỏ hai tùy chọn này khi tạo tệp \(kind.name).")
        }
        switch Scaffold.files(scaffold, arguments: arguments, title: title, today: today).flatMap({ Scaffold.write($0, in: site.siteFolder) }) {
        case let .success(paths):
            for path in paths { Terminal.info("Đã tạo \(path)") }
            Terminal.info("Mở tệp, sửa các chỗ ghi “(cần sửa)”, rồi chạy `congkhai check`.")
        case let .failure(failure):
            NewCommand.fail(failure, kind: kind)
        }
    }

    static func fail(_ failure: Scaffold.Failure, kind: Kind) -> Never {
        switch failure {
        case let .usage(message):
            Terminal.fail(message, hint: "Xem `congkhai new --help`.")
        case let .exists(path):
            Terminal.fail("Tệp \(path) đã có; CongKhai không ghi đè.",
                          hint: kind == .file(.fee) ? "Thêm khoản mới vào cuối danh sách `phi:` trong tệp đó (chép một khoản có sẵn)." : "Chọn tên khác hoặc sửa trực tiếp tệp đó.")
        case let .notEmpty(entry):
            Terminal.fail("Thư mục đã có nội dung (ví dụ “\(entry)”); trang mới chỉ được tạo trong thư mục trống để không ghi đè gì.",
                          hint: "Chọn một thư mục mới: congkhai new site \"Xã Tân Phú\" --tinh \"Tỉnh Đồng Nai\" thu-muc-moi")
        case let .writeFailed(reason):
            Terminal.fail("Không ghi được tệp: \(reason)", hint: "Kiểm tra quyền ghi thư mục.")
        }
    }
}

/// `--loai xa|phuong|dac_khu`.
struct UnitKindArgument: ExpressibleByArgument {
    let kind: UnitKind

    init?(argument: String) {
        guard let kind = UnitKind(rawValue: argument) else { return nil }
        self.kind = kind
    }

    static var allValueStrings: [String] { UnitKind.allCases.map(\.rawValue) }
}

/// `congkhai new site NAME --tinh PROVINCE [--loai KIND] [DIR]`.
enum NewSite {
    static func run(arguments: [String], province: String?, kind: UnitKind?, today: CalendarDate, cwd: URL) throws {
        guard (1...2).contains(arguments.count) else {
            Terminal.fail(arguments.isEmpty ? "Thiếu tên đơn vị." : "Thừa tham số “\(arguments[2...].joined(separator: " "))”: chỉ cần tên đơn vị và thư mục.",
                          hint: "Ví dụ: congkhai new site \"Xã Tân Phú\" --tinh \"Tỉnh Đồng Nai\" (tên có dấu cách thì đặt trong ngoặc kép).")
        }
        guard let province else {
            Terminal.fail("Thiếu tỉnh (--tinh).", hint: "Ví dụ: congkhai new site \"\(arguments[0])\" --tinh \"Tỉnh Đồng Nai\"")
        }
        let unit: SiteScaffold.Unit
        switch SiteScaffold.unit(name: arguments[0], province: province, kind: kind) {
        case let .success(value): unit = value
        case let .failure(failure): NewCommand.fail(failure, kind: .site)
        }
        let folderName = arguments.count == 2 ? arguments[1] : TextFolding.slug(unit.shortName)
        let folder = URL(fileURLWithPath: folderName, relativeTo: cwd)
        switch SiteScaffold.write(SiteScaffold.files(unit, today: today), in: folder) {
        case let .success(paths):
            let shown = Terminal.shortPath(folder, from: cwd)
            Terminal.info("Đã tạo trang \(unit.shortName), \(unit.province) trong \(shown) (\(paths.count) tệp).")
            Terminal.info(nextSteps(folder: shown))
        case let .failure(failure):
            NewCommand.fail(failure, kind: .site)
        }
    }

    static func nextSteps(folder: String) -> String {
        """

        Việc tiếp theo:
          1. cd \(folder)
          2. Mở content/site.yaml, điền địa chỉ, điện thoại, thư điện tử, các điểm niêm yết
             (xóa dấu # ở đầu dòng của khóa đã điền).
          3. Viết các trang nháp trong content/gioi-thieu/ (cơ cấu tổ chức, liên hệ, ...) rồi xóa
             dòng `nhap: true` để đăng. Bản nháp không được đăng.
          4. Thêm nội dung: congkhai new tin-tuc ..., congkhai new thu-tuc ..., congkhai import ...
             (xem `congkhai new --help`).
          5. congkhai check    kiểm tra lỗi và xem danh mục công khai còn thiếu gì.
          6. congkhai serve    xem thử tại http://127.0.0.1:8080/ trong khi sửa.
          7. congkhai build    dựng trang vào public/; đưa lên mạng: xem README, mục “Đưa lên mạng”
             (.github/workflows/congkhai.yml cho GitHub, .gitlab-ci.yml cho GitLab đã có sẵn).
        Giao diện mặc định có sẵn trong CongKhai; muốn sửa: congkhai theme export
        """
    }
}

/// `congkhai new ci-tinh`: the province's CI files, its communes as the matrix.
enum NewProvinceCI {
    static func run(source: URL, cwd: URL) {
        guard ProvinceConfig.isProvince(source) else {
            Terminal.fail("Không thấy tinh.yaml trong \(Terminal.shortPath(source, from: cwd)): tệp CI này dành cho kho của tỉnh.",
                          hint: "Chạy lệnh trong thư mục có tinh.yaml, hoặc chỉ rõ bằng --source. Trang của một xã dùng tệp CI do `congkhai new site` tạo.")
        }
        let log = DiagnosticLog()
        guard let province = ProvinceLoader.load(source, log: log) else {
            Terminal.report(log.all)
            Terminal.fail("Không tạo tệp CI: tinh.yaml có lỗi.", hint: "Sửa các lỗi trên rồi chạy lại.")
        }
        switch Scaffold.write(ProvinceRecipes.files(province), in: source) {
        case let .success(paths):
            for path in paths { Terminal.info("Đã tạo \(path)") }
            Terminal.info("Ma trận gồm \(province.communes.count) xã: \(province.communes.map(\.slug).joined(separator: ", ")). Thêm, bớt xã thì sửa danh sách trong hai tệp này.")
        case let .failure(failure):
            NewCommand.fail(failure, kind: .provinceCI)
        }
    }
}
