import ArgumentParser
import CongKhaiModel
import Foundation

/// `--source`: the site's folder, for every command that works on one.
struct SiteFolder: ParsableArguments {
    @Option(name: .long, help: "Thư mục của trang (chứa content/). Mặc định: thư mục hiện tại.")
    var source: String = "."

    var cwd: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }
    var siteFolder: URL { URL(fileURLWithPath: source, relativeTo: cwd) }
}

/// Where the site is and which day it is, shared by `build`, `serve` and `check`.
struct SiteArguments: ParsableArguments {
    @OptionGroup var folder: SiteFolder

    @Option(name: .customLong("as-of"), help: "Ngày tính hạn công khai (YYYY-MM-DD hoặc DD/MM/YYYY). Mặc định: SOURCE_DATE_EPOCH hoặc hôm nay.")
    var asOf: String?

    var cwd: URL { folder.cwd }
    var siteFolder: URL { folder.siteFolder }
    var asOfDate: CalendarDate { BuildCommand.resolveAsOf(asOf) }
}
