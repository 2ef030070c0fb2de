import ArgumentParser
import CongKhaiBuild
import CongKhaiModel
import CongKhaiServe
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Dựng trang trong bộ nhớ và mở xem tại http://127.0.0.1:CỔNG/, tự dựng lại và tải lại trang khi sửa tệp."
    )

    @OptionGroup var site: SiteArguments

    @Option(name: .long, help: "Cổng để mở trang xem thử. Mặc định: 8080.")
    var port: Int = 8080

    @Flag(name: .long, help: "In thời gian của từng bước sau mỗi lần dựng lại.")
    var verbose = false

    func run() async throws {
        guard let port = UInt16(exactly: port), port > 0 else {
            Terminal.fail("Cổng “\(self.port)” không hợp lệ.", hint: "Chọn một số từ 1024 đến 65535, ví dụ --port 8080.")
        }
        let options = BuildOptions(siteFolder: site.siteFolder, asOf: site.asOfDate, verbose: verbose)
        let reporter = SiteServer.Reporter(diagnostics: { Terminal.report($0) }, info: { Terminal.info($0) })
        do {
            try await SiteServer.run(options: options, port: port, reporter: reporter)
        } catch let SiteServer.Failure.cannotListen(port, reason) {
            Terminal.fail("Không mở được cổng \(port) trên 127.0.0.1 (\(reason)).",
                          hint: "Cổng có thể đang được chương trình khác dùng; thử --port \(port == 65535 ? 8081 : port + 1).")
        }
    }
}
