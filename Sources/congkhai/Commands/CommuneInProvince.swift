import CongKhaiModel
import CongKhaiProvince
import Foundation

/// A commune's folder inside a province (`xa/hoa-van/` with `tinh.yaml` two folders up): `check`
/// checks it as the province builds it; `build` and `serve` on it alone would leave out what it
/// inherits from `tinh/`, so they send the editor to the province's commands.
enum CommuneInProvince {
    /// The commune, or nil when `folder` is not one; stops on a `tinh.yaml` that cannot be read.
    static func find(_ folder: URL, asOf: CalendarDate) -> ProvinceCommune? {
        switch ProvinceCommune.find(folder, asOf: asOf) {
        case .none:
            return nil
        case let .commune(found):
            return found
        case let .provinceProblems(problems, provinceFolder):
            Terminal.report(problems)
            Terminal.fail("Thư mục này nằm trong thư mục của tỉnh \(provinceFolder.path)/ nhưng không đọc được tinh.yaml của tỉnh.",
                          hint: "Sửa các lỗi của tinh.yaml ở trên rồi chạy lại.")
        }
    }

    /// `build` or `serve` on a commune's folder: refused, with the command that builds it with its inheritance.
    static func refuse(_ found: ProvinceCommune, command: String, cwd: URL) -> Never {
        let province = found.provinceArgument(from: cwd)
        let slug = found.commune.slug
        let instead = command == "serve"
            ? "congkhai serve --source \(province) (xem cả tỉnh; xã này ở /\(slug)/)"
            : "congkhai build --source \(province) --xa \(slug) (chỉ dựng xã này vào public/\(slug)/ của tỉnh), hoặc congkhai build --source \(province) (cả tỉnh)"
        Terminal.fail("Thư mục này là trang của xã “\(slug)” thuộc \(found.province.name) (có tinh.yaml ở \(province)): congkhai \(command) riêng ở đây sẽ thiếu phần xã kế thừa từ tinh/ (danh mục thủ tục, phí và lệ phí, quy tắc công khai, giao diện của tỉnh).",
                      hint: "Chạy từ thư mục của tỉnh: \(instead).")
    }
}
