import CongKhaiModel
import CongKhaiRender
import Foundation

/// Turns the notice-board pages (`in/*.html`, the quarter sheets' `in/*/index.html`) into `in/*.pdf` with WeasyPrint.
/// WeasyPrint takes about 1.5 s to start, so every page goes through one long-lived Python
/// process (two when there are enough pages to share), running the script below. The pages
/// are written to a scratch folder and the PDFs read back into the build's files, so they
/// reach `public/` through the same staging-and-swap as everything else.
public struct PDFEngine: Sendable {
    /// The Python interpreter that has WeasyPrint: `CONGKHAI_PYTHON`, else `python3`.
    public var python: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let chosen = environment["CONGKHAI_PYTHON"]?.trimmingWhitespace() ?? ""
        self.python = chosen.isEmpty ? "python3" : chosen
    }

    public enum Availability: Sendable, Equatable {
        case ready(version: String)
        case missing(detail: String)
    }

    /// Whether `python` can import WeasyPrint (about a second: only asked for with `--pdf`).
    public func availability() -> Availability {
        let run = Self.run([python, "-c", "import weasyprint; print(weasyprint.__version__)"])
        if run.status == 0 { return .ready(version: run.output.trimmingWhitespace()) }
        let lastLine = run.errors.split(separator: "\n").last.map(String.init) ?? "mã thoát \(run.status)"
        return .missing(detail: lastLine)
    }

    /// The engine a build with `--pdf` uses, or nil (with the warning) when WeasyPrint is missing.
    static func requested(by options: BuildOptions, log: DiagnosticLog) -> PDFEngine? {
        guard options.pdf else { return nil }
        let engine = options.pdfEngine ?? PDFEngine()
        switch engine.availability() {
        case .ready: return engine
        case let .missing(detail):
            log.report(engine.missingDiagnostic(detail))
            return nil
        }
    }

    /// Adds the PDFs to a finished build as its own timed step. A build with errors keeps the
    /// old `public/`, so no PDF is made for it.
    func add(to result: inout BuildResult, log: DiagnosticLog) {
        guard result.errorCount == 0 else { return }
        var clock = StepClock()
        result.files += clock.step("in PDF") { render(result.files, log: log) }
        result.timings += clock.timings
    }

    /// The warning a build gives when `--pdf` was asked for and WeasyPrint cannot be used: the
    /// rest of the site is built as usual, without PDF links.
    public func missingDiagnostic(_ detail: String) -> Diagnostic {
        .warning("pdf.no-weasyprint", at: SourceLocation(path: "in/"),
                 "Không tạo được bản PDF: lệnh “\(python)” không dùng được WeasyPrint (\(detail)). Các trang khác và bản in HTML vẫn được dựng, không có liên kết PDF.",
                 hint: "Cài WeasyPrint: `python3 -m pip install weasyprint` (Debian: thêm `apt-get install fonts-liberation2`), hoặc chỉ tới Python có WeasyPrint bằng biến môi trường CONGKHAI_PYTHON.")
    }

    /// One PDF per print page of `files`; problems are reported as errors (the build then keeps
    /// the old `public/`), so a page never links to a PDF that is not there.
    public func render(_ files: [OutputFile], log: DiagnosticLog) -> [OutputFile] {
        // `in/<name>.html`, a sheet's `in/<name>/index.html`; the `in/` index itself is a site
        // page, not a notice.
        let pages = files.filter { $0.path.hasPrefix(PrintEdition.folder) && $0.path.hasSuffix(".html") && $0.path != PrintEdition.folder + "index.html" }
        guard !pages.isEmpty else { return [] }
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("congkhai-pdf-\(getpid())-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }
        do {
            try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
            for file in files where needed(file.path) {
                let target = scratch.appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                switch file.body {
                case let .bytes(data): try data.write(to: target)
                case let .copy(source): try manager.createSymbolicLink(at: target, withDestinationURL: source)
                }
            }
            try Data(Self.script.utf8).write(to: scratch.appendingPathComponent("in-pdf.py"))
        } catch {
            log.report(.error("pdf.failed", at: SourceLocation(path: "in/"), "Không chuẩn bị được thư mục tạm để tạo PDF: \(error.localizedDescription)"))
            return []
        }
        let jobs = pages.map { (html: $0.path, pdf: PrintEdition.pdfPath(for: $0.path)) }
        // Two processes halve the wall time once there are more pages than the start-up costs.
        let shares = jobs.count >= 8 ? [Array(jobs.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)),
                                         Array(jobs.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))] : [jobs]
        var processes: [(Process, Pipe)] = []
        for (number, share) in shares.enumerated() {
            let list = share.map { "\($0.html)\t\($0.pdf)" }.joined(separator: "\n") + "\n"
            let listFile = scratch.appendingPathComponent("viec-\(number).txt")
            try? Data(list.utf8).write(to: listFile)
            let errors = Pipe()
            let process = Self.process([python, scratch.appendingPathComponent("in-pdf.py").path, scratch.path, listFile.path], errors: errors)
            do { try process.run() } catch {
                log.report(.error("pdf.failed", at: SourceLocation(path: "in/"), "Không chạy được “\(python)”: \(error.localizedDescription)"))
                return []
            }
            processes.append((process, errors))
        }
        for (process, errors) in processes {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                log.report(.error("pdf.failed", at: SourceLocation(path: "in/"),
                                  "WeasyPrint không tạo được PDF (mã thoát \(process.terminationStatus)): \(message.split(separator: "\n").suffix(3).joined(separator: " "))",
                                  hint: "Bản in HTML trong in/ vẫn mở được bằng trình duyệt; sửa lỗi trên rồi dựng lại với --pdf."))
            }
        }
        var produced: [OutputFile] = []
        for job in jobs {
            guard let data = manager.contents(atPath: scratch.appendingPathComponent(job.pdf).path) else {
                log.report(.error("pdf.failed", at: SourceLocation(path: job.html), "Không có tệp \(job.pdf) sau khi chạy WeasyPrint."))
                continue
            }
            var pdf = OutputFile(path: job.pdf, text: "")
            pdf.body = .bytes(data)
            produced.append(pdf)
        }
        return produced
    }

    /// What WeasyPrint may read: the print pages, the theme's assets and the files beside the content.
    func needed(_ path: String) -> Bool {
        if path.hasPrefix(PrintEdition.folder) || path.hasPrefix("assets/") { return true }
        return !path.hasSuffix(".html") && !path.hasSuffix(".json") && !path.hasSuffix(".csv") && !path.hasSuffix(".xml") && !path.hasSuffix(".js")
    }

    static func process(_ arguments: [String], errors: Pipe, output: Pipe? = nil) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardError = errors
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        return process
    }

    static func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let output = Pipe(), errors = Pipe()
        let process = process(arguments, errors: errors, output: output)
        do { try process.run() } catch { return (127, "", error.localizedDescription) }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Run as `python3 in-pdf.py ROOT LIST`: LIST has one `in/x.html<TAB>in/x.pdf` a line,
    /// relative to ROOT. Only files under ROOT are read (no network), fonts come from the system.
    static let script = #"""
    import sys, os
    import weasyprint
    from weasyprint import HTML

    root = os.path.realpath(sys.argv[1])

    # The notice must be printable offline: only file: URLs (the site folder) are read.
    if hasattr(weasyprint, "URLFetcher"):  # WeasyPrint 66 and later
        fetcher = weasyprint.URLFetcher(allowed_protocols=["file"])
    else:
        def fetcher(url, *args, **kwargs):
            if not url.startswith("file:"):
                raise ValueError("not fetched: " + url)
            return weasyprint.default_url_fetcher(url, *args, **kwargs)

    # One font configuration for every page: fontconfig is asked once, not once per page.
    try:
        from weasyprint.text.fonts import FontConfiguration
    except ImportError:
        from weasyprint.fonts import FontConfiguration
    fonts = FontConfiguration()

    failed = 0
    with open(sys.argv[2], encoding="utf-8") as jobs:
        for line in jobs:
            line = line.rstrip("\n")
            if not line:
                continue
            html, pdf = line.split("\t")
            try:
                document = HTML(filename=os.path.join(root, html), url_fetcher=fetcher, encoding="utf-8")
                document.write_pdf(os.path.join(root, pdf), font_config=fonts)
            except Exception as error:
                failed += 1
                print(html + ": " + str(error), file=sys.stderr)
    sys.exit(1 if failed else 0)
    """#
}
