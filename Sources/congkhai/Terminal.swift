import CongKhaiModel
import Foundation

/// Everything the editor reads on the terminal goes through here: Vietnamese, no stack traces.
enum Terminal {
    /// Errors first, each in full; then warnings, in full with `--chi-tiet`, otherwise one
    /// example per kind with the count and where the others are, so a site with 300 similar
    /// warnings still shows its one error on the first screen.
    static func report(_ diagnostics: [Diagnostic], detailed: Bool = false) {
        for line in DiagnosticSummary.lines(diagnostics, detailed: detailed) { error(line) }
    }

    static func info(_ line: String) {
        // Flushed at once: `serve` runs for hours with its output often piped to a log.
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func fail(_ message: String, hint: String) -> Never {
        error("lỗi: \(message)\n    gợi ý: \(hint)")
        exit(1)
    }

    /// `public` rather than `/home/.../public` when the folder is below the working directory.
    static func shortPath(_ url: URL, from cwd: URL) -> String {
        let base = cwd.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) + "/" : path + "/"
    }
}
