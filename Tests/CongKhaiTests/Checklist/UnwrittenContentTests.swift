import CongKhaiBuild
import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

/// Nothing unwritten publishes or counts: what `congkhai new` writes is a draft until filled in,
/// and every “chạy: congkhai new …” the checklist prints, once filled in, satisfies its item.
@Suite("Drafts, placeholders and the checklist's suggestions")
struct UnwrittenContentTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23) ?? CalendarDate(dayNumber: 0)

    func build(_ site: TestSite) -> BuildResult {
        Pipeline.run(BuildOptions(siteFolder: site.folder, outputFolder: site.output, asOf: Self.asOf))
    }

    /// `congkhai new ngan-sach 2026 thuc-hien-quy-1` → the kind and its arguments (quotes kept together).
    static func command(_ fix: String) -> (Scaffold.Kind, [String])? {
        var words: [String] = []
        var current = "", quoted = false
        for character in fix {
            if character == "\"" { quoted.toggle(); continue }
            if character == " ", !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        guard words.count >= 3, words[0] == "congkhai", words[1] == "new", let kind = Scaffold.Kind(rawValue: words[2]) else { return nil }
        return (kind, Array(words.dropFirst(3)))
    }

    /// What an editor does with a new file: real numbers, real names, and the draft line removed.
    static func fillIn(_ text: String, path: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.hasPrefix("nhap:") }
        var filled = lines.joined(separator: "\n")
            .replacingOccurrences(of: "(cần sửa)", with: "đã điền")
            .replacingOccurrences(of: "\"00/", with: "\"15/")
        if path.hasSuffix(".csv") {
            filled = filled.replacingOccurrences(of: ",0,", with: ",1500000,").replacingOccurrences(of: ",0\n", with: ",1500000\n")
        }
        return filled
    }

    /// The same item once filled in: its id, or (when its quarter follows the document's date,
    /// as for final accounts) the same rule and key now pointing at the written file.
    static func same(_ item: ChecklistItem, written: [String]) -> (ChecklistItem) -> Bool {
        let key = item.id.split(separator: "/").dropFirst().joined(separator: "/")
        return { $0.id == item.id || $0.id.split(separator: "/").dropFirst().joined(separator: "/") == key && written.contains($0.fix) }
    }

    @Test func everySuggestionFilledInSatisfiesItsItem() throws {
        let empty = try TestSite.minimal(["content/tin-tuc/_index.md": "---\ntieu_de: Tin\n---\n"])
        let before = build(empty).checklist
        let suggestions = before.items.filter { $0.fix.hasPrefix("congkhai new") && $0.status.kind != .notApplicable }
        // Budgets, reform reports, quarterly lists, procedures and fees are all suggested.
        for kind in ["ngan-sach", "cchc", "cong-khai", "thu-tuc", "phi"] {
            #expect(suggestions.contains { $0.fix.hasPrefix("congkhai new \(kind) ") }, "no suggestion for \(kind)")
        }
        for item in suggestions {
            let (kind, arguments) = try #require(Self.command(item.fix), "\(item.fix)")
            let site = try TestSite.minimal(["content/tin-tuc/_index.md": "---\ntieu_de: Tin\n---\n"])
            let files = try Scaffold.files(kind, arguments: arguments, title: nil, today: Self.asOf).get()
            let written = try Scaffold.write(files, in: site.folder).get()

            // As written: a draft, listed, and the item is exactly as before.
            let drafted = build(site)
            #expect(drafted.errorCount == 0, "\(item.fix): \(drafted.diagnostics.map(\.formatted))")
            let asDraft = try #require(drafted.checklist.items.first { $0.id == item.id }, "\(item.fix)")
            #expect(asDraft.status == item.status, "\(item.fix) changed \(item.id) before it was filled in")
            #expect(written.contains(asDraft.fix), "\(item.id) should point at the draft, not \(asDraft.fix)")
            #expect(drafted.diagnostics.contains { $0.key.hasPrefix("draft.") && written.contains($0.location.path) })
            #expect(!drafted.files.contains { $0.path.hasPrefix(asDraft.pagePath ?? "-") && asDraft.status.kind == .missing })

            // Filled in: the item is satisfied (or, if its date is still ahead, waiting for it).
            for path in written {
                let url = site.folder.appendingPathComponent(path)
                try Self.fillIn(try String(contentsOf: url, encoding: .utf8), path: path).write(to: url, atomically: true, encoding: .utf8)
            }
            let filled = build(site)
            #expect(filled.errorCount == 0, "\(item.fix): \(filled.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
            #expect(!filled.diagnostics.contains { $0.key.hasPrefix("draft.") }, "\(item.fix): \(filled.diagnostics.map(\.formatted))")
            let done = try #require(filled.checklist.items.first(where: Self.same(item, written: written)), "\(item.fix)")
            let pastDue = (done.deadline ?? Self.asOf) < Self.asOf
            #expect(done.status.kind == .onTime || !pastDue && done.status.kind == .notYetDue,
                    "\(item.fix) filled in: \(item.id) is \(done.status.text)")
        }
    }

    @Test func theQuarterlyListSuggestionWritesTheQuarterlyKind() throws {
        let files = try Scaffold.files(.disclosure, arguments: ["danh-muc-quy-3-2026"], title: nil, today: Self.asOf).get()
        let text = try #require(files.first?.text)
        #expect(text.contains("quy_tac: danh-sach-quy\n") && text.contains("ky: 2026-q3\n"))
        #expect(!text.contains("nhom:"))
    }

    @Test func placeholdersAreHeldBackWithoutTheDraftLine() throws {
        // An editor removed `nhap: true` but kept the scaffold's values: still not published.
        let site = try TestSite.minimal([
            "content/tin-tuc/_index.md": "---\ntieu_de: Tin\n---\n",
            "content/tin-tuc/moi.md": "---\ntieu_de: \"Tiêu đề tin (cần sửa)\"\nngay: 2026-11-20\n---\nNội dung.\n",
            "content/cchc/2026-quy-1.md": "---\nnam: 2026\nky: quy_1\nso_bao_cao: \"00/BC-UBND\"\nngay_bao_cao: 2026-03-18\nho_so: { ton_ky_truoc: 0 }\n---\nBáo cáo.\n",
        ])
        let result = build(site)
        #expect(!result.files.contains { $0.path == "tin-tuc/moi/index.html" })
        let placeholders = result.diagnostics("draft.placeholder")
        #expect(placeholders.contains { $0.location.path == "content/tin-tuc/moi.md" && $0.location.line == 2 })
        #expect(placeholders.contains { $0.location.path == "content/cchc/2026-quy-1.md" && $0.location.line == 4 && $0.message.contains("00/BC-UBND") })
        #expect(result.checklist.items.first { $0.id == "2026-q1/cchc/quy_1" }?.status.kind == .missing)
        #expect(result.checklist.items.first { $0.id == "2026-q1/cchc/quy_1" }?.fix == "content/cchc/2026-quy-1.md")
    }

    @Test func theImporterCanTellAScaffoldFromTheEditorsFile() throws {
        let scaffold = try #require(try Scaffold.files(.procedure, arguments: ["Hộ tịch", "1.001193"], title: nil, today: Self.asOf).get().first)
        #expect(UnwrittenMarker.isUnwritten(text: scaffold.text, path: scaffold.path))
        let real = try #require(ChecklistTests.procedureFiles().first)
        #expect(!UnwrittenMarker.isUnwritten(text: real.1, path: real.0))
        #expect(UnwrittenMarker.isPlaceholder("00/2025/NĐ-CP") && UnwrittenMarker.isPlaceholder("Kết quả giải quyết (cần sửa)"))
        #expect(!UnwrittenMarker.isPlaceholder("100/2025/NĐ-CP"))
    }

    @Test func aCommentedPlaceholderIsNotContent() throws {
        let site = try TestSite.minimal(["content/gioi-thieu.md": "---\ntieu_de: Giới thiệu\n# so: \"00/QĐ-UBND\" (cần sửa)\n---\nXã có 6 thôn, điện thoại 0263 3868 200; giờ mở cửa 07:00/11:30.\n"])
        let result = build(site)
        #expect(result.diagnostics.filter { $0.key.hasPrefix("draft.") }.isEmpty)
        #expect(result.files.contains { $0.path == "gioi-thieu/index.html" })
    }

    @Test func publishingBeforeThePeriodEndsIsAnError() throws {
        let files = try Scaffold.files(.budget, arguments: ["2026", "thuc-hien-quy-1"], title: nil, today: Self.asOf).get()
        let site = try TestSite.minimal()
        _ = try Scaffold.write(files, in: site.folder).get()
        let sidecar = site.folder.appendingPathComponent("content/ngan-sach/2026/thuc-hien-quy-1.yaml")
        let text = try String(contentsOf: sidecar, encoding: .utf8)
            .replacingOccurrences(of: "ngay: 2026-04-05", with: "ngay: 2026-03-15")
            .replacingOccurrences(of: "ngay_cong_khai: 2026-04-10", with: "ngay_cong_khai: 2026-03-20")
        try text.write(to: sidecar, atomically: true, encoding: .utf8)
        let early = build(site).diagnostics("checklist.published-early")
        let line = (text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("ngay_cong_khai:") } ?? -1) + 1
        #expect(early.count == 1)
        #expect(early.first?.location.path == "content/ngan-sach/2026/thuc-hien-quy-1.yaml" && early.first?.location.line == line)
        #expect(early.first?.message.contains("31/03/2026") == true)
    }

    @Test func aDisclosurePublishedBeforeItsDecisionIsAnError() throws {
        let (path, text) = ChecklistTests.disclosure("som", decision: "2026-10-01", published: "2026-09-25", board: ("2026-10-02", "2026-11-05"))
        let site = try TestSite.minimal([path: text])
        let early = build(site).diagnostics("checklist.published-early")
        #expect(early.map(\.location.line) == [7])
        #expect(early.first?.message.contains("01/10/2026") == true)
    }

    @Test func aBrokenFeeScheduleGivesOnlyItsOwnErrors() throws {
        let procedure = try #require(ChecklistTests.procedureFiles().first)
        let site = try TestSite.minimal([
            procedure.0: procedure.1,
            "content/phi-le-phi.yaml": "tieu_de: \"Danh mục phí\nphi:\n  - id: le-phi-ho-tich-khac\n",
        ])
        let result = build(site)
        #expect(result.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.location.path == "content/phi-le-phi.yaml" },
                "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics("fee.no-schedule").isEmpty && result.diagnostics("procedure.unknown-fee").isEmpty)
        #expect(result.checklist.items.first { $0.id.hasSuffix("/phi/trang") }?.fix == "content/phi-le-phi.yaml")
    }
}
