/// The stages of a build, in the order they run (CongKhaiBuild's Pipeline.swift runs them).
/// A diagnostic carries the stage that found it.
public enum PipelineStage: String, Sendable, CaseIterable, Comparable {
    /// `content/` walked and each file loaded by the unit that claims it; the templates read.
    case load
    /// Loaded files joined into the site: each unit's pages, the section pages nobody wrote.
    case assemble
    /// What follows from the whole site and the as-of date: content of impossible years left
    /// out, the posting checklist, the link targets.
    case derive
    /// Whole-site rules that no single file can check.
    case check
    /// Every page through Markdown and its layout; the site-wide files (feed, open data).
    case render
    /// The outputs gathered: `build` then swaps them into `public/`, `serve` answers from them.
    case write

    /// The name `--verbose` prints beside the stage's time.
    public var label: String {
        switch self {
        case .load: return "nạp"
        case .assemble: return "ghép"
        case .derive: return "suy ra"
        case .check: return "kiểm tra"
        case .render: return "dựng"
        case .write: return "ghi"
        }
    }

    public static func < (a: PipelineStage, b: PipelineStage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
