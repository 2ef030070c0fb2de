import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

@Suite("new site: a skeleton that builds, drafts unpublished, never over existing files")
struct SiteScaffoldTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 30)!

    static func newSite(_ name: String = "Xã Tân Phú", province: String = "Tỉnh Đồng Nai", kind: UnitKind? = nil) throws -> TestSite {
        let site = try TestSite([:], theme: false)
        let unit = try SiteScaffold.unit(name: name, province: province, kind: kind).get()
        _ = try SiteScaffold.write(SiteScaffold.files(unit, today: today), in: site.folder).get()
        return site
    }

    /// The only warnings of a new site name its drafts, so the editor knows what to write.
    @Test func aNewSiteBuildsWithTheEmbeddedThemeWithoutErrors() throws {
        let site = try Self.newSite()
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("templates").path))
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(Set(warnings.map(\.key)) == ["draft.unpublished"], "\(warnings.map(\.formatted))")
        #expect(warnings.count == 4)
        let home = try #require(result.text(of: "index.html"))
        #expect(home.contains("Chào mừng quý vị đến với Trang thông tin điện tử của Ủy ban nhân dân xã Tân Phú, tỉnh Đồng Nai."))
        #expect(home.contains("Ủy ban nhân dân xã Tân Phú"))
        for section in ["gioi-thieu", "tin-tuc", "thu-tuc", "ngan-sach", "cchc", "cong-khai", "phi-le-phi"] {
            #expect(result.files.contains { $0.path == "\(section)/index.html" }, "\(section)")
        }
        #expect(result.files.contains { $0.path == "assets/style.css" })
    }

    @Test func draftsAreWrittenButNotPublished() throws {
        let site = try Self.newSite()
        let drafts = ["co-cau-to-chuc", "dieu-kien-tu-nhien", "lich-su-van-hoa", "lien-he"]
        for name in drafts {
            let text = try #require(site.read("content/gioi-thieu/\(name).md", in: site.folder))
            #expect(text.contains("\nnhap: true\n"))
        }
        let result = site.build()
        for name in drafts {
            #expect(!result.files.contains { $0.path.hasPrefix("gioi-thieu/\(name)") }, "\(name) is a draft")
        }
    }

    @Test func siteYAMLExplainsEveryKeyTheLoaderKnows() throws {
        let site = try Self.newSite("Phường Long Bình", province: "Tỉnh Đồng Nai")
        let yaml = try #require(site.read("content/site.yaml", in: site.folder))
        #expect(yaml.contains("ten: \"Ủy ban nhân dân phường Long Bình\"\n"))
        #expect(yaml.contains("loai: phuong\n"))
        for key in ["ten", "ten_ngan", "loai", "tinh", "dia_chi", "dien_thoai", "email", "gio_lam_viec", "ten_mien", "url_goc", "dvc_url",
                    "mo_ta", "nguoi_chiu_trach_nhiem", "kenh_phan_anh", "diem_niem_yet", "truoc_sap_xep", "ngay_nghi", "bo_quy_tac"] {
            let lines = yaml.components(separatedBy: "\n")
            guard let at = lines.firstIndex(where: { $0.hasPrefix("\(key):") || $0.hasPrefix("# \(key):") }) else {
                Issue.record("site.yaml has no \(key)")
                continue
            }
            #expect(at > 0 && lines[at - 1].hasPrefix("#"), "\(key) has a comment above it")
        }
    }

    @Test func thePublishingRecipesAreWritten() throws {
        let site = try Self.newSite()
        let github = try #require(site.read(".github/workflows/congkhai.yml", in: site.folder))
        #expect(github.contains("schedule:") && github.contains("actions/deploy-pages"))
        let gitlab = try #require(site.read(".gitlab-ci.yml", in: site.folder))
        #expect(gitlab.contains("pages:") && gitlab.contains("- public"))
        #expect(site.read(".gitignore", in: site.folder)?.contains("public/") == true)
        #expect(site.read(".gitignore", in: site.folder)?.contains(".public.ban-truoc/") == true, "the kept previous edition is no content either")
        #expect(site.read(".gitignore", in: site.folder)?.contains(".public.ban-ghi") == true, "nor the record of the last build")
        #expect(site.read(".gitignore", in: site.folder)?.contains(".public.ban-ghi-tep\n") == true, "nor the list of the editions' files")
    }

    @Test func theNameAndKindAreReadTogether() throws {
        #expect(try SiteScaffold.unit(name: "Xã Tân Phú", province: "Tỉnh Đồng Nai", kind: nil).get()
            == SiteScaffold.Unit(kind: .xa, name: "Tân Phú", province: "Tỉnh Đồng Nai"))
        #expect(try SiteScaffold.unit(name: "Phú Quốc", province: "Tỉnh An Giang", kind: .dacKhu).get().shortName == "Đặc khu Phú Quốc")
        #expect(try SiteScaffold.unit(name: "đặc khu Côn Đảo", province: "Thành phố Hồ Chí Minh", kind: nil).get().provinceInSentence == "thành phố Hồ Chí Minh")
        guard case let .failure(.usage(message)) = SiteScaffold.unit(name: "Phường Long Bình", province: "Tỉnh Đồng Nai", kind: .xa) else {
            Issue.record("a kind word contradicting --loai must be refused")
            return
        }
        #expect(message.contains("--loai"))
        guard case .failure(.usage) = SiteScaffold.unit(name: "Xã Tân Phú", province: " ", kind: nil) else {
            Issue.record("an empty province must be refused")
            return
        }
    }

    @Test func aFolderWithAnythingInItIsRefusedAndLeftAlone() throws {
        let site = try TestSite(["ghi-chu.txt": "của tôi"], theme: false)
        let unit = try SiteScaffold.unit(name: "Xã Tân Phú", province: "Tỉnh Đồng Nai", kind: nil).get()
        guard case let .failure(.notEmpty(entry)) = SiteScaffold.write(SiteScaffold.files(unit, today: Self.today), in: site.folder) else {
            Issue.record("a non-empty folder must be refused")
            return
        }
        #expect(entry == "ghi-chu.txt")
        #expect((try FileManager.default.contentsOfDirectory(atPath: site.folder.path)) == ["ghi-chu.txt"])
    }

    @Test func newCchcNamesTheValidPeriodsWhenThePeriodIsWrong() {
        guard case let .failure(.usage(message)) = Scaffold.files(.reform, arguments: ["2026", "quy-4"], title: nil, today: Self.today) else {
            Issue.record("quy-4 is no report period")
            return
        }
        #expect(!message.contains("Cần năm và kỳ"))
        #expect(message.contains("“quy-4”") && message.contains("quy-1, 6-thang, quy-3, nam"))
        guard case let .failure(.usage(year)) = Scaffold.files(.budget, arguments: ["hai-nghin", "du-toan"], title: nil, today: Self.today) else {
            Issue.record("a bad year is refused")
            return
        }
        #expect(year.contains("“hai-nghin”"))
    }
}
