import ArgumentParser
import CongKhaiBuild
import CongKhaiModel
import CongKhaiProvince
import CongKhaiServe
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Dựng trang trong bộ nhớ và mở xem tại http://127.0.0.1:CỔNG/, tự dựng lại và tải lại trang khi sửa tệp."
    )

    @OptionGroup var site: SiteArguments

    @Option(name: .long, help: "Cổng để mở trang xem thử.")
    var port: Int = 8080

    @Option(name: .long, help: "Địa chỉ IPv4 để mở trang xem thử: 0.0.0.0 hoặc địa chỉ của máy này trong mạng nội bộ để máy khác cùng xem. 127.0.0.1: chỉ máy này xem được.")
    var bind: String = "127.0.0.1"

    @Flag(name: .long, help: "In thời gian của từng bước sau mỗi lần dựng lại.")
    var verbose = false

    func run() async throws {
        guard let port = UInt16(exactly: port), port > 0 else {
            Terminal.fail("Cổng “\(self.port)” không hợp lệ.", hint: "Chọn một số từ 1024 đến 65535, ví dụ --port 8080.")
        }
        guard ServeCommand.isIPv4(bind) else {
            Terminal.fail("Địa chỉ “\(bind)” không phải địa chỉ IPv4.", hint: "Ví dụ: --bind 0.0.0.0 (mọi máy trong mạng nội bộ) hoặc --bind 192.168.1.10 (địa chỉ của máy này).")
        }
        if !ProvinceConfig.isProvince(site.siteFolder), let found = CommuneInProvince.find(site.siteFolder, asOf: site.asOfDate) {
            CommuneInProvince.refuse(found, command: "serve", cwd: site.cwd)
        }
        let options = BuildOptions(siteFolder: site.siteFolder, asOf: site.asOfDate, verbose: verbose)
        if bind != "127.0.0.1" {
            Terminal.error("cảnh báo: Mọi máy truy cập được địa chỉ \(bind) đều xem được trang xem thử, kể cả nội dung chưa kiểm tra và các lỗi hiện trên trang.\n    gợi ý: Chỉ dùng trong mạng nội bộ tin cậy, không dùng trên mạng công cộng hay máy chủ có địa chỉ Internet; dừng bằng Ctrl+C khi xem xong.")
        }
        let reporter = SiteServer.Reporter(diagnostics: { Terminal.report($0) }, info: { Terminal.info($0) })
        let otherHosts = bind == "0.0.0.0" ? ServeCommand.localIPv4Addresses() : []
        do {
            if ProvinceConfig.isProvince(site.siteFolder) {
                return try await ProvinceServer.run(folder: site.siteFolder, asOf: site.asOfDate, port: port, bind: bind, otherHosts: otherHosts,
                                                    verbose: verbose, reporter: reporter)
            }
            try await SiteServer.run(options: options, port: port, bind: bind,
                                     otherHosts: bind == "0.0.0.0" ? ServeCommand.localIPv4Addresses() : [], reporter: reporter)
        } catch let SiteServer.Failure.cannotListen(port, reason) {
            Terminal.fail("Không mở được cổng \(port) trên \(bind) (\(reason)).",
                          hint: "Cổng có thể đang được chương trình khác dùng; thử --port \(port == 65535 ? 8081 : port + 1).")
        }
    }

    /// The IPv4 addresses of this machine's interfaces: the `Host` a LAN colleague's browser
    /// sends when the preview listens on every interface.
    static func localIPv4Addresses() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let first else { return [] }
        defer { freeifaddrs(first) }
        var addresses: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == UInt16(AF_INET) else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let converted = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                withUnsafePointer(to: inet.pointee.sin_addr) { inet_ntop(AF_INET, $0, &text, socklen_t(INET_ADDRSTRLEN)) }
            }
            if converted != nil { addresses.append(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
        }
        return addresses
    }

    /// Four decimal numbers 0-255 separated by dots: what the listener takes.
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && Int(part).map { $0 <= 255 } == true
        }
    }
}
