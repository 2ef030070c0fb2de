import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// The pipeline (Pipeline.swift): the six stages run in order by one loop, each timed, each
/// finding labelled with the stage that found it, and `serve`'s update runs the same loop.
struct PipelineTests {
    @Test func everyStageRunsOnceInOrderAndIsTimed() throws {
        let site = try TestSite.minimal()
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        #expect(result.timings.map(\.step) == PipelineStage.allCases.map(\.label))
    }

    @Test func findingsCarryTheStageThatFoundThem() throws {
        let site = try TestSite.minimal([
            "content/a.md": "---\ntieu_de: A\ntieu_de: B\n---\n",
            "content/gioi-thieu/lich-su.md": "---\ntieu_de: Lịch sử\n---\n",
            "content/cong-khai/x.md": "---\ntieu_de: Nội dung X\nquy_tac: khong-co-quy-tac-nay\n---\n",
            "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
            "content/tin-tuc/b.md": "---\ntieu_de: Tin không ngày\n---\n[Xem](khong-co.md)\n",
        ])
        let result = site.build()
        #expect(result.diagnostics("yaml.duplicate-key").map(\.stage) == [.load])
        #expect(result.diagnostics("section.no-index").map(\.stage) == [.assemble])
        #expect(result.diagnostics("checklist.unknown-rule").map(\.stage) == [.derive])
        #expect(result.diagnostics("news.no-date").map(\.stage) == [.check])
        #expect(result.diagnostics("link.broken").map(\.stage) == [.render])
    }

    @Test func aSiteThatCannotBeAssembledStopsAfterAssembling() throws {
        let site = try TestSite([
            "content/_index.md": "---\ntieu_de: Trang chủ\n---\n",
        ])
        let result = site.build()
        #expect(result.diagnostics("site.no-config").map(\.stage) == [.assemble])
        #expect(result.timings.map(\.step) == [PipelineStage.load, .assemble].map(\.label))
        #expect(result.files.isEmpty)
    }

    @Test func serveUpdateRunsTheSameStagesOverTheChangedFileOnly() throws {
        let site = try TestSite.minimal([
            "content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\n---\n",
            "content/gioi-thieu/a.md": "---\ntieu_de: A\n---\nMột.\n",
            "content/gioi-thieu/b.md": "---\ntieu_de: B\n---\nHai.\n",
        ])
        let build = SiteBuild(options: site.options())
        let full = build.build()
        try site.write("content/gioi-thieu/b.md", "---\ntieu_de: B\n---\nBa.\n")
        let update = build.update(changed: ["content/gioi-thieu/b.md"])
        #expect(update.timings.map(\.step) == PipelineStage.allCases.map(\.label))
        #expect(update.renderedPages > 0)
        #expect(update.renderedPages < full.renderedPages)
        #expect(update.text(of: "gioi-thieu/b/index.html")?.contains("Ba.") == true)
    }
}
