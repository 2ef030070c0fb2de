import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// A rules file's `han`, `niem_yet_toi_thieu`, `truyen_thanh_toi_thieu` and `dinh_ky` either
/// change the checklist or are refused at their line (the follow-up of issue #14's `moc`).
@Suite("Rules file: deadline, minimums and recurrence work or are refused")
struct RuleSettingsTests {
    static let list = """
    ---
    tieu_de: "Danh mục thông tin đã công khai quý II năm 2026"
    quy_tac: danh-sach-quy
    ky: 2026-q2
    ngay_cong_khai: 2026-07-06
    niem_yet:
      tu: 2026-07-06
      den: 2026-10-05
    truyen_thanh:
      tu: 2026-07-06
      den: 2026-07-08
    ---
    Bản danh mục quý II.
    """

    func run(_ rules: String, files: [String: String] = [:]) throws -> BuildResult {
        var all = files
        all["content/site.yaml"] = ChecklistYearBoundaryTests.siteYAML
        all["content/quy-tac.yaml"] = rules
        let site = try TestSite.minimal(all)
        return Pipeline.run(BuildOptions(siteFolder: site.folder, outputFolder: site.output,
                                         asOf: ChecklistYearBoundaryTests.date("2026-11-23")))
    }

    func unused(_ result: BuildResult) -> [Int] {
        result.diagnostics.filter { $0.key == "checklist.setting-unused" }.map(\.location.line)
    }

    @Test func aRadioMinimumOnTheQuarterlyListIsJudged() throws {
        let result = try run("quy_tac:\n  danh-sach-quy:\n    truyen_thanh_toi_thieu: 10\n",
                             files: ["content/cong-khai/danh-muc-quy-2-2026.md": Self.list])
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let item = try #require(result.checklist.items.first { $0.id == "2026-q2/danh-sach-quy/2026-q2" })
        // Three days on the radio (06–08/07) against ten: seven short. Before, the list's radio
        // window was not passed to the judge, so the setting silently did nothing.
        #expect(item.status.kind == .shortPosting)
        #expect(item.status.days == 7)
    }

    @Test func withoutTheSettingTheSameListIsOnTime() throws {
        let result = try run("quy_tac:\n  danh-sach-quy:\n    nhom: khac\n",
                             files: ["content/cong-khai/danh-muc-quy-2-2026.md": Self.list])
        let item = try #require(result.checklist.items.first { $0.id == "2026-q2/danh-sach-quy/2026-q2" })
        #expect(item.status.kind == .onTime)
    }

    @Test func settingsTheItemsCannotHonourAreRefusedAtTheirLine() throws {
        let result = try run("""
        quy_tac:
          phi:
            han: { ngay: 3 }
          cchc:
            niem_yet_toi_thieu: 30
            han: { ngay_trong_thang: 15 }
          ns-thuc-hien:
            truyen_thanh_toi_thieu: 5
            niem_yet_toi_thieu: 40
        """)
        #expect(unused(result) == [3, 5, 8])
        #expect(result.diagnostics.filter { $0.key == "checklist.setting-unused" }.allSatisfy {
            $0.severity == .error && $0.location.path == "content/quy-tac.yaml"
        })
    }

    @Test func anExemptRuleOrARestatedValueIsNotReported() throws {
        let result = try run("""
        quy_tac:
          phi:
            han: { ngay: 3 }
            khong_ap_dung: true
          tthc:
            dinh_ky: thuong_xuyen
          ns-du-toan:
            dinh_ky: nam
        """)
        #expect(unused(result).isEmpty, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func aStandingDisclosureRuleTakesNoDeadlineButAPeriodicOneDoes() throws {
        let result = try run("""
        quy_tac:
          bang-gia-dat:
            noi_dung: Bảng giá đất
            van_ban: Luật Đất đai 2024
            dinh_ky: thuong_xuyen
            han: { ngay: 10 }
          thu-hoi-dat:
            noi_dung: Thông báo thu hồi đất
            van_ban: Luật Đất đai 2024
            han: { ngay: 10 }
            truyen_thanh_toi_thieu: 3
        """)
        #expect(unused(result) == [6])
    }
}
