import CongKhaiModel
import Foundation

/// Loads a budget disclosure: the sidecar YAML and the CSV beside it.
enum BudgetLoader {
    static func load(_ sidecar: SourceText, sidecarURL: URL, yearFolder: String, log: DiagnosticLog) -> BudgetDisclosure? {
        nil
    }
}
