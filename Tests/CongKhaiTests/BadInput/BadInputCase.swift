import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

/// One case of the bad-input corpus: a folder under Tests/Fixtures/bad-inputs/ holding a tiny
/// site (only the files that differ from the default one) and `expected.yaml`, which says what
/// CongKhai must answer. See Tests/Fixtures/bad-inputs/README.md.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    /// One diagnostic the case must produce.
    struct Expected: Sendable, Hashable, Comparable {
        var file: String
        var line: Int
        var severity: Severity
        var key: String
        var message: String?
        var hint: String?

        static func < (a: Expected, b: Expected) -> Bool {
            (a.file, a.line, a.severity.rawValue, a.key) < (b.file, b.line, b.severity.rawValue, b.key)
        }

        /// What two diagnostics must share to be the same answer.
        var identity: String { "\(file):\(line) \(severity.label) [\(key)]" }
    }

    /// A published file that must (or must not) contain a text: proves a case was understood.
    struct OutputCheck: Sendable {
        var file: String
        var contains: [String]
        var absent: [String]
    }

    /// A file made when the case runs, so the corpus need not hold megabytes.
    struct Generated: Sendable {
        var file: String
        var bytes: Int
        /// Repeated to fill the file; empty means a sparse file of zeros.
        var text: String
    }

    static let root = TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/bad-inputs")

    var name: String
    var folder: URL
    var description: String
    var diagnostics: [Expected]
    var output: [OutputCheck]
    var generated: [Generated]

    var testDescription: String { name }

    /// Every case folder, in name order.
    static var all: [BadInputCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap { name in
            let folder = root.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("expected.yaml").path) else { return nil }
            return BadInputCase(name: name, folder: folder)
        }
    }

    /// Reads `expected.yaml` with CongKhai's own YAML reader, so a typo in a case is reported
    /// like a typo in content (unknown key, wrong type) instead of being silently ignored.
    init(name: String, folder: URL) {
        self.name = name
        self.folder = folder
        let path = "Tests/Fixtures/bad-inputs/\(name)/expected.yaml"
        let log = DiagnosticLog()
        let text = (try? String(contentsOf: folder.appendingPathComponent("expected.yaml"), encoding: .utf8)) ?? ""
        var diagnostics: [Expected] = []
        var output: [OutputCheck] = []
        var generated: [Generated] = []
        var description = ""
        if let root = YAMLDocument.parse(text, path: path, log: log),
           let yaml = MappingReader(root, path: path, lineOffset: 0, log: log, what: "expected.yaml") {
            description = yaml.string("description", "what the case is about", required: true) ?? ""
            diagnostics = yaml.mappings("diagnostics", "expected diagnostics", required: true).compactMap { item in
                defer { item.finish(context: "an expected diagnostic") }
                let file = item.string("file", "path from the site folder", required: true)
                let line = item.int("line", "1-based line; leave out when the whole file is meant") ?? 0
                let severityText = item.string("severity", "error or warning", required: true)
                let key = item.string("key", "stable diagnostic key", required: true)
                let message = item.string("message", "a fragment of the message")
                let hint = item.string("hint", "a fragment of the hint")
                guard let file, let key, let severity = severityText.flatMap(Severity.init(rawValue:)) else {
                    log.report(.error("expected.invalid", at: item.start, "severity must be error or warning"))
                    return nil
                }
                return Expected(file: file, line: line, severity: severity, key: key, message: message, hint: hint)
            }
            output = yaml.mappings("output", "published files to look into").compactMap { item in
                defer { item.finish(context: "an output check") }
                guard let file = item.string("file", "path in the output folder", required: true) else { return nil }
                return OutputCheck(file: file, contains: item.strings("contains", "texts that must appear"),
                                   absent: item.strings("absent", "texts that must not appear"))
            }
            generated = yaml.mappings("generate", "large files made when the case runs").compactMap { item in
                defer { item.finish(context: "a generated file") }
                let file = item.string("file", "path from the site folder", required: true)
                let megabytes = item.number("megabytes", "size in MiB")
                let text = item.string("repeat", "text repeated to fill the file") ?? ""
                guard let file, let megabytes else { return nil }
                return Generated(file: file, bytes: Int(megabytes * 1024 * 1024), text: text)
            }
            yaml.finish(context: "expected.yaml")
        }
        for problem in log.all {
            Issue.record("\(name)/expected.yaml is not valid: \(problem.formatted)")
        }
        self.description = description
        self.diagnostics = diagnostics
        self.output = output
        self.generated = generated
    }

    /// The case's files over the default site: a minimal `site.yaml` and home page, and the
    /// repository's templates. A case replaces any of them by holding a file at the same path.
    func makeSite() throws -> URL {
        let manager = FileManager.default
        let site = manager.temporaryDirectory.appendingPathComponent("congkhai-bad-\(name)-\(UUID().uuidString)")
        try manager.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        let templates = TestSite.repositoryRoot.appendingPathComponent("templates")
        if manager.fileExists(atPath: folder.appendingPathComponent("templates").path) {
            try manager.copyItem(at: templates, to: site.appendingPathComponent("templates"))
        } else {
            try manager.createSymbolicLink(at: site.appendingPathComponent("templates"), withDestinationURL: templates)
        }
        let defaults = [
            "content/site.yaml": "ten: Ủy ban nhân dân xã Thử Nghiệm\nten_ngan: Xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\n",
            "content/_index.md": "---\ntieu_de: Trang chủ\n---\nChào mừng.\n",
        ]
        for (path, text) in defaults {
            try Data(text.utf8).write(to: site.appendingPathComponent(path))
        }
        try overlay(folder, onto: site, relative: "")
        for file in generated {
            let url = site.appendingPathComponent(file.file)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = manager.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            if file.text.isEmpty {
                try handle.truncate(atOffset: UInt64(file.bytes))
            } else {
                let chunk = Data(String(repeating: file.text, count: max(1, 65536 / max(1, file.text.utf8.count))).utf8)
                var written = 0
                while written < file.bytes {
                    let piece = chunk.prefix(file.bytes - written)
                    try handle.write(contentsOf: piece)
                    written += piece.count
                }
            }
            try handle.close()
        }
        return site
    }

    /// Copies files byte for byte and symbolic links as links (a link pointing out of content/
    /// is itself a case), replacing what the default site has at the same path.
    private func overlay(_ source: URL, onto target: URL, relative: String) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: source.path).sorted() {
            let path = relative.isEmpty ? name : relative + "/" + name
            if path == "expected.yaml" { continue }
            let from = source.appendingPathComponent(name)
            let to = target.appendingPathComponent(name)
            if let destination = try? manager.destinationOfSymbolicLink(atPath: from.path) {
                try? manager.removeItem(at: to)
                try manager.createSymbolicLink(atPath: to.path, withDestinationPath: destination)
                continue
            }
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: from.path, isDirectory: &isFolder)
            if isFolder.boolValue {
                try manager.createDirectory(at: to, withIntermediateDirectories: true)
                try overlay(from, onto: to, relative: path)
            } else {
                try? manager.removeItem(at: to)
                try Data(contentsOf: from).write(to: to)
            }
        }
    }
}
