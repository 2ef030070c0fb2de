import ArgumentParser
import CongKhaiBuild
import CongKhaiModel
import CongKhaiProvince
import Foundation

/// `congkhai build` in a folder with `tinh.yaml`: every commune and the province pages, or one
/// commune (`--xa`), or the province pages alone (`--chi-tinh`) for a CI matrix.
struct ProvinceBuildCommand {
    let build: BuildCommand

    func run() throws {
        let start = ContinuousClock.now
        let folder = build.site.siteFolder
        let cwd = build.site.cwd
        guard ProvinceConfig.isProvince(folder) else {
            Terminal.fail("--xa và --chi-tinh chỉ dùng trong thư mục của tỉnh, nhưng không thấy tinh.yaml trong \(Terminal.shortPath(folder, from: cwd)).",
                          hint: "Chạy lệnh trong thư mục có tinh.yaml, hoặc chỉ định nó bằng --source.")
        }
        if build.commune != nil, build.provinceOnly {
            Terminal.fail("Không dùng --xa cùng với --chi-tinh.", hint: "Dựng từng xã bằng --xa, rồi dựng trang của tỉnh bằng --chi-tinh.")
        }
        if build.pdf {
            Terminal.fail("--pdf chưa dùng được cho thư mục của tỉnh.", hint: "Bỏ --pdf, hoặc dựng từng xã như một trang riêng.")
        }
        if build.baseURL != nil {
            Terminal.fail("--base-url chưa dùng được cho thư mục của tỉnh: mỗi xã lấy địa chỉ gốc từ url_goc trong site.yaml của xã.",
                          hint: "Bỏ --base-url.")
        }
        let log = DiagnosticLog()
        guard let province = ProvinceLoader.load(folder, log: log) else {
            Terminal.report(log.all)
            Terminal.info("Không dựng cổng của tỉnh: \(log.errorCount) lỗi trong tinh.yaml.")
            throw ExitCode(1)
        }
        Terminal.report(log.all)
        let asOf = build.site.asOfDate
        var builder = ProvinceBuild(province: province, outputFolder: build.output.map { URL(fileURLWithPath: $0, relativeTo: cwd) }, asOf: asOf)
        builder.force = build.force
        let report: ProvinceBuild.Report
        var shownOutput = Terminal.shortPath(builder.outputFolder, from: cwd)
        if let slug = build.commune {
            guard let one = builder.buildOne(slug) else {
                Terminal.fail("Tỉnh không có xã “\(slug)”.", hint: "Các xã: \(province.communes.map(\.slug).joined(separator: ", ")).")
            }
            report = one
            shownOutput += slug + "/"
        } else if build.provinceOnly {
            report = builder.mergeOnly()
        } else {
            var all = builder.buildAll()
            all.diagnostics += ProvinceRecipes.staleMatrices(province)
            report = all
        }
        Terminal.report(report.diagnostics)
        guard report.errorCount == 0 else {
            Terminal.info("Không dựng: \(report.errorCount) lỗi, \(report.warningCount) cảnh báo. Thư mục \(shownOutput) được giữ nguyên.")
            throw ExitCode(1)
        }
        switch report.failure {
        case nil:
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            Terminal.info("Đã dựng \(report.communeCount) xã, \(report.pageCount) trang (\(report.fileCount) tệp) vào \(shownOutput) · \(report.warningCount) cảnh báo · \(milliseconds) ms · ngày tính hạn \(asOf.vietnamese)")
        case let failure?:
            OutputRefusal.fail(failure, output: shownOutput, source: "thư mục của tỉnh hoặc của một xã")
        }
    }
}
