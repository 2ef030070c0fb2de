import ArgumentParser
import CongKhaiModel
import Foundation

/// Where the site is and which day it is, shared by `build`, `serve` and `check`.
struct SiteArguments: ParsableArguments {
    @Option(name: .long, help: "Thư mục của trang (chứa content/ và templates/). Mặc định: thư mục hiện tại.")
    var source: String = "."

    @Option(name: .customLong("as-of"), help: "Ngày tính hạn công khai (YYYY-MM-DD hoặc DD/MM/YYYY). Mặc định: SOURCE_DATE_EPOCH hoặc hôm nay.")
    var asOf: String?

    var cwd: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }
    var siteFolder: URL { URL(fileURLWithPath: source, relativeTo: cwd) }
    var asOfDate: CalendarDate { BuildCommand.resolveAsOf(asOf) }
}
