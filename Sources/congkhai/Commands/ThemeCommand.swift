import ArgumentParser
import CongKhaiBuild
import Foundation

/// `congkhai theme export [DIR]`: the default theme, compiled into the binary, written out to edit.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Làm việc với giao diện (bộ mẫu trang) mặc định có sẵn trong CongKhai.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Chép giao diện mặc định ra thư mục (mặc định templates/) để sửa. Tệp nào có trong templates/ thì thay tệp cùng tên của giao diện mặc định; tệp nào xóa đi thì dùng lại bản mặc định."
        )

        @Argument(help: ArgumentHelp("Thư mục ghi ra. Mặc định: templates/ trong thư mục hiện tại.", valueName: "thư-mục"))
        var folder: String = "templates"

        func run() throws {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let target = URL(fileURLWithPath: folder, relativeTo: cwd)
            let shown = Terminal.shortPath(target, from: cwd)
            switch Theme.export(to: target) {
            case let .success(paths):
                Terminal.info("Đã chép \(paths.count) tệp của giao diện mặc định vào \(shown).")
                Terminal.info("Chỉ giữ lại những tệp bạn sửa: tệp nào xóa đi thì CongKhai dùng bản mặc định (và nhận các bản sửa lỗi của nó khi cập nhật CongKhai).")
            case let .failure(.exists(paths)):
                Terminal.fail("\(shown) đã có \(paths.count) tệp trùng tên với giao diện mặc định (ví dụ \(paths[0])); CongKhai không ghi đè.",
                              hint: "Chép ra một thư mục khác để so sánh: congkhai theme export giao-dien-mac-dinh")
            case let .failure(.writeFailed(reason)):
                Terminal.fail("Không ghi được giao diện: \(reason)", hint: "Kiểm tra quyền ghi thư mục.")
            }
        }
    }
}
