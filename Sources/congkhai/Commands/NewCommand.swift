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
          congkhai new tinh "Tỉnh Đồng Nai"          (kho của cả tỉnh trong thư mục tinh-dong-nai/; trong đó `new site` tạo xã trong xa/)
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
        /// A province repository with no commune yet.
        case province

        init?(argument: String) {
            switch argument {
            case "site": self = .site
            case "ci-tinh": self = .provinceCI
            case "tinh": self = .province
            default:
                guard let kind = Scaffold.Kind(rawValue: argument) else { return nil }
                self = .file(kind)
            }
        }

        static var allValueStrings: [String] { ["site"] + Scaffold.Kind.allCases.map(\.rawValue) + ["tinh", "ci-tinh"] }

        var name: String {
            switch self {
            case .site: "site"
            case .provinceCI: "ci-tinh"
            case .province: "tinh"
            case let .file(kind): kind.rawValue
            }
        }
    }

    @Argument(help: ArgumentHelp("Loại: site (cả trang mới), " + Scaffold.Kind.allCases.map(\.rawValue).joined(separator: ", ") + "; tinh (kho của cả tỉnh), ci-tinh (tệp CI của kho tỉnh).", valueName: "loại"))
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
        if kind == .province {
            return NewProvince.run(arguments: arguments, today: today, cwd: site.cwd)
        }
        guard case let .file(scaffold) = kind else {
            try NewSite.run(arguments: arguments, province: province, kind: unitKind?.kind, today: today, source: site.siteFolder, cwd: site.cwd)
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
    static func run(arguments: [String], province: String?, kind: UnitKind?, today: CalendarDate, source: URL, cwd: URL) throws {
        guard (1...2).contains(arguments.count) else {
            Terminal.fail(arguments.isEmpty ? "Thiếu tên đơn vị." : "Thừa tham số “\(arguments[2...].joined(separator: " "))”: chỉ cần tên đơn vị và thư mục.",
                          hint: "Ví dụ: congkhai new site \"Xã Tân Phú\" --tinh \"Tỉnh Đồng Nai\" (tên có dấu cách thì đặt trong ngoặc kép).")
        }
        // In a province's repository the commune is one of its communes, not a site of its own.
        let inProvince = ProvinceScaffold.province(source: source, cwd: cwd)
        guard let province = province ?? inProvince?.name else {
            Terminal.fail("Thiếu tỉnh (--tinh).", hint: "Ví dụ: congkhai new site \"\(arguments[0])\" --tinh \"Tỉnh Đồng Nai\"")
        }
        let unit: SiteScaffold.Unit
        switch SiteScaffold.unit(name: arguments[0], province: province, kind: kind) {
        case let .success(value): unit = value
        case let .failure(failure): NewCommand.fail(failure, kind: .site)
        }
        if let inProvince {
            return inProvinceRun(unit, province: inProvince, folder: arguments.count == 2 ? URL(fileURLWithPath: arguments[1], relativeTo: cwd) : nil,
                                 today: today, cwd: cwd)
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

    /// A commune of the province: in its communes' folder, its own content only, then what the
    /// province must still be told (its `xa:` list, its CI matrix).
    static func inProvinceRun(_ unit: SiteScaffold.Unit, province: ProvinceScaffold.Header, folder explicit: URL?, today: CalendarDate, cwd: URL) {
        let folder = explicit ?? ProvinceScaffold.communeFolder(unit, in: province)
        let files = ProvinceScaffold.files(unit, today: today, province: province)
        switch SiteScaffold.write(files, in: folder) {
        case let .success(paths):
            let shown = Terminal.shortPath(folder, from: cwd)
            let slug = folder.standardizedFileURL.lastPathComponent
            Terminal.info("Đã tạo trang \(unit.shortName) của \(unit.province) trong \(shown) (\(paths.count) tệp).")
            Terminal.info("Mọi tệp trong tinh/ của tỉnh (danh mục thủ tục, phí và lệ phí, quy tắc công khai) được kế thừa, không chép vào xã; xã có tệp riêng cùng tên thì dùng tệp của xã.")
            if province.listLine != nil, !province.listed.contains(slug) {
                Terminal.info("Cần làm ngay: thêm “\(slug)” vào danh sách xa: trong tinh.yaml (dòng \(province.listLine ?? 0)); chưa thêm thì xã chưa được dựng.")
            }
            let log = DiagnosticLog()
            if let reloaded = ProvinceLoader.load(province.folder, log: log) {
                Terminal.report(ProvinceRecipes.staleMatrices(reloaded))
            }
            let provinceFolder = ProvinceScaffold.provinceArgument(province, from: folder)
            Terminal.info("""

            Việc tiếp theo:
              1. cd \(shown)
              2. Mở content/site.yaml, điền địa chỉ, điện thoại, thư điện tử, các điểm niêm yết, các đơn
                 vị trước sắp xếp (xóa dấu # ở đầu dòng của khóa đã điền).
              3. Viết các trang nháp trong content/gioi-thieu/ rồi xóa dòng `nhap: true` để đăng.
              4. Thủ tục của tỉnh mà xã không thực hiện: ghi trong content/thu-tuc/khong-ap-dung.yaml
                 (xem README, mục “Cổng của tỉnh”); thủ tục riêng của xã: congkhai new thu-tuc ...
              5. congkhai check    (trong thư mục của xã) kiểm tra xã cùng phần kế thừa của tỉnh.
              6. congkhai serve --source \(provinceFolder)    xem thử cả tỉnh; \(unit.kind.label.lowercased()) ở /\(slug)/.
              7. congkhai build --source \(provinceFolder)    dựng cả tỉnh (hoặc --xa \(slug) chỉ xã này).
            """)
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

/// `congkhai new tinh "Tỉnh Đồng Nai" [DIR]`: a province repository, its communes added after.
enum NewProvince {
    static func run(arguments: [String], today: CalendarDate, cwd: URL) {
        guard (1...2).contains(arguments.count), case let name = arguments[0].nfc.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            Terminal.fail(arguments.isEmpty ? "Thiếu tên tỉnh." : "Chỉ cần tên tỉnh và thư mục.",
                          hint: "Ví dụ: congkhai new tinh \"Tỉnh Đồng Nai\" (tên có dấu cách thì đặt trong ngoặc kép).")
        }
        let folder = URL(fileURLWithPath: arguments.count == 2 ? arguments[1] : TextFolding.slug(name).lowercased(), relativeTo: cwd)
        switch SiteScaffold.write(ProvinceScaffold.provinceFiles(name: name, today: today), in: folder) {
        case let .success(paths):
            let shown = Terminal.shortPath(folder, from: cwd)
            Terminal.info("Đã tạo kho của \(name) trong \(shown) (\(paths.count) tệp: \(paths.joined(separator: ", "))).")
            Terminal.info("""

            Việc tiếp theo:
              1. cd \(shown)
              2. Mỗi xã, phường, đặc khu: congkhai new site "Xã Tân Phú"   (tạo xa/tan-phu/). Xã đã có
                 trang riêng: chép thư mục trang đó (có content/) vào xa/<tên-xã>/.
              3. Danh mục thủ tục cấp xã theo quyết định công bố của Chủ tịch UBND tỉnh:
                 congkhai import dvc ho-so.json ...   (vào tinh/thu-tuc/, mọi xã kế thừa).
                 Phí, lệ phí theo nghị quyết của HĐND tỉnh: tinh/phi-le-phi.yaml.
              4. congkhai check    kiểm tra mọi xã, mỗi xã một dòng.
              5. congkhai serve    xem thử cả tỉnh;   congkhai build    dựng vào public/.
              6. congkhai new ci-tinh    tệp GitHub Actions, GitLab CI dựng mỗi xã một việc.
            Xem README, mục “Cổng của tỉnh”.
            """)
        case let .failure(failure):
            NewCommand.fail(failure, kind: .province)
        }
    }
}
