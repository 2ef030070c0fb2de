@testable import CongKhaiKinds
@testable import CongKhaiLoad
import CongKhaiModel
import Foundation
import FuzzSupport

/// Whole-file YAML with source locations: the fee schedule, a budget sidecar (its CSV is
/// never there, so only the YAML is read), the site config, the leaders and the rule overrides.
@main
enum Target {
    static func main() { FuzzDriver.run { start, count in fuzzYAML(start, count) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let path = "content/ngan-sach/2025/du-toan.yaml"
    guard let source = FuzzInput.decode(FuzzInput.bytes(start, count), path: path) else { return 0 }
    let log = DiagnosticLog()
    _ = FeeScheduleLoader.load(source, log: log)
    _ = BudgetLoader.load(source, sidecarURL: URL(fileURLWithPath: "/nonexistent/congkhai-fuzz/du-toan.yaml"),
                          yearFolder: "2025", log: log)
    _ = SiteConfigLoader.load(source, log: log)
    _ = LeadersLoader.load(source, path: "gioi-thieu/lanh-dao/", log: log)
    _ = RuleOverridesLoader.load(source, log: log)
    Oracle.check(log, paths: [path, "content/ngan-sach/2025/du-toan.csv"], lineCount: Oracle.lineCount(source.text))
    return 0
}
