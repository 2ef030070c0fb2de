@testable import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

/// `moc` and `ap_dung` in a rules file either take effect or are refused at their line
/// (issue #14: configuration that only looked configurable).
@Suite("Rules file: moc and ap_dung work or are refused")
struct RuleScopeTests {
    func parse(_ yaml: String) -> ([ChecklistRule], [Diagnostic]) {
        let log = DiagnosticLog()
        let rules = RuleProfileParser.parse(yaml, path: "content/quy-tac.yaml", base: NationalProfile.rules, log: log)
        return (rules, log.all)
    }

    func rule(_ rules: [ChecklistRule], _ id: String) -> ChecklistRule? { rules.first { $0.id == id } }

    @Test func theNationalProfileGivesEachKindItsOwnClock() {
        let log = DiagnosticLog()
        let rules = RuleProfileParser.parse(NationalProfile.yaml, path: NationalProfile.path, base: [], log: log)
        #expect(log.all.isEmpty)
        for rule in rules { #expect(rule.trigger == Scope.trigger(appliesTo: rule.appliesTo), "\(rule.id)") }
        #expect(rule(rules, "cchc")?.trigger == .periodEnd && rule(rules, "phi")?.trigger == ChecklistRule.Trigger.none)
    }

    @Test func aClockOtherThanTheKindsIsRefusedAtItsLine() throws {
        let (rules, found) = parse("quy_tac:\n  cchc:\n    moc: van_ban\n  web-ban-do:\n    moc: het_ky\n")
        #expect(found.map(\.key) == ["checklist.trigger-fixed", "checklist.trigger-fixed"])
        #expect(found.map(\.location.line) == [3, 5])
        #expect(found.allSatisfy { $0.severity == .error && $0.location.path == "content/quy-tac.yaml" })
        #expect(found.first?.hint?.contains("moc: het_ky") == true)
        #expect(rule(rules, "cchc")?.trigger == .periodEnd, "the refused value is not taken")
    }

    @Test func restatingTheClockOrTheKindIsAccepted() {
        let (_, found) = parse("quy_tac:\n  cchc:\n    moc: het_ky\n    ap_dung: cchc\n  dieu-11-k8:\n    ap_dung: cong_khai\n    moc: van_ban\n")
        #expect(found.isEmpty)
    }

    @Test func aStandingRuleMaySayItHasNoClock() {
        let (rules, found) = parse("""
        quy_tac:
          thuong-xuyen:
            noi_dung: A
            van_ban: QĐ 1
            dinh_ky: thuong_xuyen
            moc: khong
          theo-van-ban:
            noi_dung: B
            van_ban: QĐ 1
            dinh_ky: theo_van_ban
            moc: khong
        """)
        #expect(found.map(\.key) == ["checklist.trigger-fixed"])
        #expect(found.first?.location.line == 11)
        #expect(rule(rules, "thuong-xuyen")?.trigger == ChecklistRule.Trigger.none)
    }

    @Test func aBuiltInRuleCannotMoveToAnotherKind() {
        let (rules, found) = parse("quy_tac:\n  dieu-11-k8:\n    ap_dung: ngan_sach.du_toan\n")
        #expect(found.map(\.key) == ["checklist.applies-to-fixed"])
        #expect(found.first?.location.line == 3)
        #expect(rule(rules, "dieu-11-k8")?.appliesTo == "cong_khai")
    }

    @Test func aNewRuleAppliesToDisclosuresOrToAPageOnly() {
        let (rules, found) = parse("""
        quy_tac:
          a:
            noi_dung: A
            van_ban: QĐ 1
            ap_dung: phi
          b:
            noi_dung: B
            van_ban: QĐ 1
            ap_dung: trang.gioi-thieu/lich-su
          c:
            noi_dung: C
            van_ban: QĐ 1
            ap_dung: trang.gioi-thieu/lich-su/
          d:
            noi_dung: D
            van_ban: QĐ 1
            ap_dung: trang.gioi-thieu/
            moc: van_ban
        """)
        #expect(found.map(\.key) == ["checklist.applies-to", "checklist.applies-to", "checklist.trigger-fixed"])
        #expect(found.map(\.location.line) == [5, 9, 18])
        #expect(rule(rules, "c")?.appliesTo == "trang.gioi-thieu/lich-su/" && rule(rules, "c")?.trigger == ChecklistRule.Trigger.none)
        #expect(rule(rules, "a")?.appliesTo == "cong_khai")
    }
}

/// A new rule of either open kind produces checklist items in a real build.
@Suite("Rules file: a new rule takes effect")
struct RuleScopeBuildTests {
    @Test func aNewPageRuleListsItsPage() throws {
        let site = try TestSite.minimal(["content/quy-tac.yaml": "quy_tac:\n  lich-su:\n    noi_dung: Lịch sử xã\n    van_ban: QĐ 1\n    ap_dung: trang.gioi-thieu/lich-su/\n"])
        let result = site.build()
        #expect(result.errorCount == 0)
        let text = try #require(result.text(of: "cong-khai/danh-sach-cong-khai.json"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let row = try #require(rows.first { $0["quy_tac"] as? String == "lich-su" })
        #expect(row["trang_thai"] as? String == "thieu")
        try site.write("content/gioi-thieu/lich-su/_index.md", "---\ntieu_de: Lịch sử\n---\nXã được thành lập năm 1945.\n")
        let after = try #require(site.build().text(of: "cong-khai/danh-sach-cong-khai.json"))
        let rowsAfter = try #require(try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [[String: Any]])
        #expect(rowsAfter.first { $0["quy_tac"] as? String == "lich-su" }?["trang_thai"] as? String == "dung_han")
    }
}
