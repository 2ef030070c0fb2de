import CongKhaiModel

/// Loads `cong-khai/<ten>.md`: front matter (tieu_de, nhom, van_ban, ngay_cong_khai, niem_yet,
/// truyen_thanh, thuong_xuyen) and the body.
enum DisclosureLoader {
    static func load(_ source: SourceText, log: DiagnosticLog) -> Disclosure? {
        nil
    }
}

/// Loads `content/quy-tac.yaml`.
enum RuleOverridesLoader {
    static func load(_ source: SourceText, log: DiagnosticLog) -> RuleOverrides? {
        nil
    }
}

/// The pages other disclosures add (one per disclosure, under `cong-khai/`).
enum DisclosurePages {
    static func assemble(pages: [Page], disclosures: [Disclosure]) -> [Page] {
        pages
    }
}
