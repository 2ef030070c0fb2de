import ArgumentParser
import CongKhaiBuild
import CongKhaiModel
import Foundation

/// `congkhai new thu-tuc|phi|ngan-sach|cchc|cong-khai|tin-tuc ...`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo tệp nội dung mới đúng mẫu, có chú thích từng trường, không ghi đè tệp có sẵn.",
        discussion: """
        Ví dụ:
          congkhai new thu-tuc "Hộ tịch" 1.001193 --tieu-de "Thủ tục đăng ký khai sinh"
          congkhai new phi le-phi-khai-sinh
          congkhai new ngan-sach 2027 du-toan        (hoặc thuc-hien-quy-1, thuc-hien-6-thang, thuc-hien-9-thang, thuc-hien-nam, quyet-toan, du-toan-trinh)
          congkhai new cchc 2027 quy-1               (hoặc 6-thang, quy-3, nam)
          congkhai new cong-khai ke-hoach-nam-2027
          congkhai new tin-tuc hop-hdnd-ky-thu-nhat --tieu-de "Kỳ họp thứ nhất"
        """
    )

    @Argument(help: "Loại nội dung: thu-tuc, phi, ngan-sach, cchc, cong-khai, tin-tuc.")
    var kind: String

    @Argument(help: "Các thông tin của loại đó (xem ví dụ).")
    var arguments: [String] = []

    @Option(name: .customLong("tieu-de"), help: "Tiêu đề hoặc tên ghi sẵn vào tệp.")
    var title: String?

    @Option(name: .long, help: "Thư mục của trang. Mặc định: thư mục hiện tại.")
    var source: String = "."

    func run() throws {
        guard let scaffold = Scaffold.Kind(rawValue: kind) else {
            Terminal.fail("Không có loại nội dung “\(kind)”.",
                          hint: "Dùng một trong: \(Scaffold.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let today = BuildCommand.resolveAsOf(nil)
        let site = URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        switch Scaffold.files(scaffold, arguments: arguments, title: title, today: today).flatMap({ Scaffold.write($0, in: site) }) {
        case let .success(paths):
            for path in paths { Terminal.info("Đã tạo \(path)") }
            Terminal.info("Mở tệp, sửa các chỗ ghi “(cần sửa)”, rồi chạy `congkhai check`.")
        case let .failure(.usage(message)):
            Terminal.fail(message, hint: "Xem `congkhai new --help`.")
        case let .failure(.exists(path)):
            Terminal.fail("Tệp \(path) đã có; CongKhai không ghi đè.",
                          hint: kind == "phi" ? "Thêm khoản mới vào cuối danh sách `phi:` trong tệp đó (chép một khoản có sẵn)." : "Chọn tên khác hoặc sửa trực tiếp tệp đó.")
        case let .failure(.writeFailed(reason)):
            Terminal.fail("Không ghi được tệp: \(reason)", hint: "Kiểm tra quyền ghi thư mục content/.")
        }
    }
}
