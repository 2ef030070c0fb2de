import ArgumentParser
import CongKhaiBuild
import CongKhaiModel
import CongKhaiProvince
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Dựng toàn bộ trang web từ content/ và templates/ vào public/."
    )

    @OptionGroup var site: SiteArguments

    @Option(name: .long, help: "Thư mục kết quả. Mặc định: public/ trong thư mục của trang.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Địa chỉ gốc của trang (https://...), dùng cho sitemap và nguồn tin.")
    var baseURL: String?

    @Flag(name: .long, help: "Thay thư mục kết quả kể cả khi nó có tệp không do CongKhai tạo.")
    var force = false

    @Flag(name: .long, help: "Tạo thêm bản PDF của các bản in niêm yết (in/*.pdf); cần WeasyPrint (python3 -m pip install weasyprint).")
    var pdf = false

    @Flag(name: .customLong("dung-lai"), help: "Dựng lại toàn bộ kể cả khi không có gì thay đổi kể từ lần dựng trước.")
    var rebuildAnyway = false

    @Flag(name: .long, help: "In thời gian của từng bước.")
    var verbose = false

    @Option(name: .customLong("xa"), help: "Trong thư mục của tỉnh (có tinh.yaml): chỉ dựng một xã vào public/<xã>/.")
    var commune: String?

    @Flag(name: .customLong("chi-tinh"), help: "Trong thư mục của tỉnh: chỉ dựng các trang của tỉnh từ kết quả đã dựng của các xã trong public/.")
    var provinceOnly = false

    @Flag(name: .customLong("chi-tiet"), help: "In đầy đủ mọi cảnh báo (mặc định: mỗi loại một cảnh báo mẫu kèm số lượng).")
    var detailed = false

    /// For measuring what `FastTemplate` earns (BENCHMARKS.md): the same build, rendered by
    /// swift-mustache alone. Hidden: the output is the same, only slower.
    @Flag(name: .customLong("reference-templates"), help: .hidden)
    var referenceTemplates = false

    func run() throws {
        if ProvinceConfig.isProvince(site.siteFolder) || commune != nil || provinceOnly {
            return try ProvinceBuildCommand(build: self).run()
        }
        if let found = CommuneInProvince.find(site.siteFolder, asOf: site.asOfDate) {
            CommuneInProvince.refuse(found, command: "build", cwd: site.cwd)
        }
        let start = ContinuousClock.now
        let asOfDate = site.asOfDate
        let cwd = site.cwd
        if let baseURL, let problem = BaseAddress.problem(baseURL) {
            Terminal.fail("--base-url \(problem)", hint: "Ví dụ: --base-url https://hoaphong.lamdong.gov.vn/")
        }
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        var options = BuildOptions(siteFolder: site.siteFolder, outputFolder: outputURL, asOf: asOfDate,
                                   baseURL: baseURL, verbose: verbose, force: force)
        options.pdf = pdf
        options.referenceTemplateEngine = referenceTemplates
        // Before anything is loaded: the libraries mapped now are the same in every run.
        let settings = UnchangedBuild.settings(options, environment: ProcessInfo.processInfo.environment)
        // Pages go straight to the staging folder as they are rendered; it is removed unless swapped in.
        // The kept previous edition when there is one: it is brought up to date in place.
        OutputSwap.removeLeftovers(of: options.outputFolder)
        let hadKeptEdition = FileManager.default.fileExists(atPath: OutputWriter.keptEdition(for: options.outputFolder).path)
        let staging = OutputWriter.claimStaging(for: options.outputFolder)
        let kept = OutputWriter.isKeptEdition(staging, of: options.outputFolder)
        if !kept { try? FileManager.default.removeItem(at: staging) }
        // Checked while this build holds the kept edition, so no other build is swapping the output.
        if kept, !rebuildAnyway, let replay = UnchangedBuild.replay(options, settings: settings) {
            OutputWriter.releaseStaging(staging)
            return reportUnchanged(replay, output: Terminal.shortPath(options.outputFolder, from: cwd), start: start, asOf: asOfDate)
        }
        let inputs = UnchangedBuild.inputs(options)
        ProcessEnd.keep(inputs as Any)
        let prepared = ContinuousClock.now
        options.spoolFolder = staging
        let cleanup = StagingCleanup(staging: staging, output: options.outputFolder, keeping: kept)
        defer { if !kept { try? FileManager.default.removeItem(at: staging) }; withExtendedLifetime(cleanup) {} }
        let result = Pipeline.run(options, keeping: ProcessEnd.keep)
        ProcessEnd.keep(result)
        StagingCleanup.holdWhileStopping()
        Terminal.report(result.diagnostics, detailed: detailed)
        if verbose {
            for timing in result.timings { Terminal.info("  \(timing.step): \(timing.milliseconds) ms") }
        }
        let shownOutput = Terminal.shortPath(options.outputFolder, from: cwd)
        guard result.errorCount == 0 else {
            // A failed build leaves the folder beside the output as it found it: a kept edition
            // this build started has nothing the next build needs.
            if kept, !hadKeptEdition { try? FileManager.default.removeItem(at: staging) }
            Terminal.info("Không dựng trang: \(result.errorCount) lỗi, \(result.warningCount) cảnh báo. Thư mục \(shownOutput) được giữ nguyên.")
            throw ExitCode(1)
        }
        let swapStart = ContinuousClock.now
        let (written, snapshot) = OutputWriter.writeForRecord(result.files, to: options.outputFolder, force: force, spooled: true,
                                                              source: options.siteFolder, staging: staging)
        ProcessEnd.keep(snapshot as Any)
        StagingCleanup.holdWhileStopping()
        switch written {
        case nil:
            let recordStart = ContinuousClock.now
            UnchangedBuild.record(options, settings: settings, inputs: inputs, read: result.sourceDigests, pageCount: result.pageCount, fileCount: result.files.count,
                                  diagnostics: result.diagnostics, output: snapshot)
            if verbose {
                // The steps around the pipeline: reading the inputs' record before it, putting the
                // new edition in place and recording it after.
                let recorded = ContinuousClock.now
                for (step, duration) in [("chuẩn bị", prepared - start), ("thay thư mục", recordStart - swapStart), ("ghi bản ghi", recorded - recordStart)] {
                    Terminal.info("  \(step): \(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000) ms")
                }
            }
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            Terminal.info("Đã dựng \(result.pageCount) trang (\(result.files.count) tệp) vào \(shownOutput) · \(result.errorCount) lỗi · \(result.warningCount) cảnh báo · \(milliseconds) ms · ngày tính hạn \(asOfDate.vietnamese)")
        case let failure?:
            OutputRefusal.fail(failure, output: shownOutput, source: "thư mục của trang hoặc nằm trong content/, templates/")
        }
    }

    /// Nothing the output depends on changed: the output is left as it is (not one file
    /// touched) and the last build's findings are shown again, as that build showed them.
    private func reportUnchanged(_ replay: UnchangedBuild.Replay, output: String, start: ContinuousClock.Instant, asOf: CalendarDate) {
        Terminal.report(replay.diagnostics, detailed: detailed)
        let warnings = replay.diagnostics.filter { $0.severity == .warning }.count
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        Terminal.info("Không có gì thay đổi kể từ lần dựng trước: \(output) giữ nguyên \(replay.pageCount) trang (\(replay.fileCount) tệp) · 0 lỗi · \(warnings) cảnh báo · \(milliseconds) ms · ngày tính hạn \(asOf.vietnamese). Dùng --dung-lai để dựng lại toàn bộ.")
    }

    /// `--as-of`, else `SOURCE_DATE_EPOCH`, else today; a bad value stops with a clear message.
    static func resolveAsOf(_ argument: String?) -> CalendarDate {
        switch BuildClock.asOf(argument: argument, environment: ProcessInfo.processInfo.environment) {
        case let .success(date): return date
        case let .failure(.invalidAsOf(text)):
            Terminal.fail("--as-of “\(text)” không phải là một ngày có thật.", hint: "Ví dụ: --as-of 2026-11-23")
        case let .failure(.invalidEpoch(text)):
            Terminal.fail("SOURCE_DATE_EPOCH “\(text)” không phải là số giây.", hint: "Bỏ biến này hoặc dùng --as-of 2026-11-23.")
        }
    }
}
