import CongKhaiBuild
import CongKhaiModel
import Foundation

/// The whole-site fuzzer (issue 12): the example site, mutated by a seed, is loaded, checked
/// and rendered in memory (the `SiteBuild` behind `build` and `serve`, writing nothing).
/// Oracle: the build returns (a crash kills the process, which the driver script reports with
/// the seed), within the time limit (a watchdog in the executable), and every finding is a
/// Diagnostic naming a file or folder of the site, with a message.
public enum SiteFuzz {
    public static let asOf = CalendarDate(year: 2026, month: 11, day: 23)!

    /// A working copy of `site`'s content/ (templates/ is linked: the fuzzer never changes it).
    public static func workingCopy(of site: URL, in parent: URL) throws -> URL {
        let copy = parent.appendingPathComponent("site")
        let manager = FileManager.default
        try? manager.removeItem(at: copy)
        try manager.createDirectory(at: copy, withIntermediateDirectories: true)
        try manager.copyItem(at: site.appendingPathComponent("content"), to: copy.appendingPathComponent("content"))
        try manager.createSymbolicLink(at: copy.appendingPathComponent("templates"), withDestinationURL: site.appendingPathComponent("templates"))
        return copy
    }

    public struct Outcome: Sendable {
        public var mutations: [SiteMutation]
        public var diagnostics: [Diagnostic]
        public var pages: Int
        /// Oracle violations; empty when the site passed.
        public var problems: [String]
    }

    /// Mutates the working copy by `seed`, builds it in memory, checks the oracle, restores it.
    public static func run(seed: UInt64, copy: URL, before: (([SiteMutation]) -> Void)? = nil) throws -> Outcome {
        let mutator = SiteMutator(folder: copy)
        let mutations: [SiteMutation]
        do {
            mutations = try mutator.apply(seed: seed)
        } catch {
            try mutator.restore()
            throw error
        }
        defer { try? mutator.restore() }
        before?(mutations)
        let options = BuildOptions(siteFolder: copy, outputFolder: copy.appendingPathComponent("public"), asOf: asOf)
        let result = SiteBuild(options: options).build()
        return Outcome(mutations: mutations, diagnostics: result.diagnostics, pages: result.pageCount,
                       problems: problems(in: result.diagnostics, site: copy))
    }

    /// Every finding names a file or folder that exists in the site (content/ or templates/),
    /// with a line that is not negative, and a message in Vietnamese words.
    public static func problems(in diagnostics: [Diagnostic], site: URL) -> [String] {
        var problems: [String] = []
        for diagnostic in diagnostics {
            let path = diagnostic.location.path
            let named = path.hasPrefix("content/") || path.hasPrefix("templates/") || path == "content" || path == "templates"
            let exists = FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path)
            if !named || !exists {
                problems.append("finding without a file of the site: \(diagnostic.formatted)")
            }
            if diagnostic.location.line < 0 || diagnostic.message.isEmpty {
                problems.append("finding without a line or message: \(diagnostic.formatted)")
            }
            if diagnostic.message.contains("Fatal error") || diagnostic.message.contains("Swift/") {
                problems.append("finding shows a stack trace: \(diagnostic.formatted)")
            }
        }
        return problems
    }
}
