import CongKhaiImport
import CongKhaiModel
import Foundation
import Testing

@Suite("Import: records from the national portal into procedure files")
struct DVCImportTests {
    @Test func khaiSinhRecordBecomesAProcedureThatLoadsCleanly() throws {
        let site = try ImportSite()
        let (report, log) = site.run(.dvc, [ImportSite.fixture("dvc-khai-sinh.json")])
        #expect(log.errorCount == 0, "\(log.all.map(\.formatted))")
        #expect(report.created == ["content/thu-tuc/ho-tich/1.001193.md"])
        let (content, loadLog) = site.load()
        #expect(loadLog.errorCount == 0, "\(loadLog.all.map(\.formatted))")
        let procedure = try #require(content?.procedures.first)
        #expect(procedure.code == "1.001193")
        #expect(procedure.name == "Thủ tục đăng ký khai sinh")
        #expect(procedure.field == "Hộ tịch")
        #expect(procedure.fieldSlug == "ho-tich")
        // Channels with their deadline and fee, and one clear deadline for the whole procedure.
        #expect(procedure.channels.map(\.channel) == [.inPerson, .online, .post])
        #expect(procedure.channels.map(\.fee) == ["Lệ phí : 8000 đồng (Trường hợp đăng ký khai sinh quá hạn)", "Miễn phí", "7.000 đồng"])
        #expect(procedure.channels.allSatisfy { $0.deadline == "3 ngày làm việc" })
        #expect(procedure.deadline == "3 ngày làm việc")
        #expect(procedure.deadlineAmount == 3)
        #expect(procedure.deadlineUnit == .workingDays)
        // Legal documents with their numbers.
        #expect(procedure.legalBasis.map(\.number) == ["60/2014/QH13", "123/2015/NĐ-CP", "04/2020/TT-BTP"])
        #expect(procedure.legalBasis.first?.title == "Luật Hộ tịch")
        // The result without its code and without the page's leftovers; the code kept in a comment.
        #expect(procedure.result == "Giấy khai sinh (bản chính)")
        #expect(procedure.publication?.number == "1872/QĐ-BTP")
        #expect(procedure.feeIDs.isEmpty && !procedure.isFree)
        let text = try #require(site.read("content/thu-tuc/ho-tich/1.001193.md"))
        #expect(text.contains("# Theo Cổng DVC: mã kết quả KQ.G15.000031."))
        #expect(!text.contains("Từ khóa") && !text.contains("Chọn cơ quan"))
        #expect(text.contains("**Trực tuyến (3 ngày làm việc):** Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công"))
    }

    @Test func outputIsNFCAndPlaceholdersAreMissing() throws {
        let site = try ImportSite()
        site.run(.dvc, [ImportSite.fixture("dvc-khai-sinh.json")])
        let text = try #require(site.read("content/thu-tuc/ho-tich/1.001193.md"))
        #expect(text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(text.contains("ten: \"Thủ tục đăng ký khai sinh\""))
        // "Không có thông tin" is not copied as if it were the requirements.
        #expect(!text.contains("Không có thông tin"))
        let procedure = try #require(site.load().0?.procedures.first)
        #expect(procedure.body.contains("## Yêu cầu, điều kiện"))
        #expect(!procedure.body.contains("Không có thông tin"))
        #expect(text.contains("# Cần bổ sung: nội dung mục “## Yêu cầu, điều kiện”"))
    }

    @Test func unparsedTextIsKeptWholeAndListedForTheEditorByRecord() throws {
        let site = try ImportSite()
        let (report, log) = site.run(.dvc, [ImportSite.fixture("dvc-khai-sinh.json"), ImportSite.fixture("dvc-nhieu-ho-so.json")])
        // Per-field problems are no longer warnings: one entry per file, with topic and detail.
        #expect(log.with("import.unparsed").isEmpty)
        let checks = Dictionary(uniqueKeysWithValues: report.toCheck.map { ($0.path, $0.checks) })
        let legal = try #require(checks["content/thu-tuc/chung-thuc/2.000908.md"]?.first { $0.topic == "căn cứ pháp lý" })
        #expect(legal.detail.hasPrefix("không tách được tên và số hiệu"))
        #expect(checks["content/thu-tuc/ho-tich/1.000894.000.00.00.H36.md"]?.contains { $0.topic == "kết quả" } == true)
        #expect(checks["content/thu-tuc/ho-tich/1.001193.md"]?.contains { $0.topic == "mẫu đơn" && $0.detail.contains("“Tờ khai đăng ký khai sinh.docx”") } == true)
        let chungThuc = try #require(site.read("content/thu-tuc/chung-thuc/2.000908.md"))
        #expect(chungThuc.contains("## Căn cứ pháp lý\n\nNghị định về chứng thực và các thông tư hướng dẫn\n"))
        let khaiSinh = try #require(site.read("content/thu-tuc/ho-tich/1.001193.md"))
        #expect(khaiSinh.contains("| Tên giấy tờ | Số lượng | Mẫu đơn, tờ khai |\n|---|---|---|\n| Tờ khai đăng ký khai sinh theo mẫu | 1 bản chính | Tờ khai đăng ký khai sinh.docx |\n| Bản chính Giấy chứng sinh | 1 bản chính |  |"))
        let ketHon = try #require(site.read("content/thu-tuc/ho-tich/1.000894.000.00.00.H36.md"))
        #expect(ketHon.contains("## Kết quả\n\nGhi chú riêng của cán bộ\n"))
        #expect(site.load().1.errorCount == 0)
    }

    @Test func arrayFileGivesOneFilePerRecord() throws {
        let site = try ImportSite()
        let (report, log) = site.run(.dvc, [ImportSite.fixture("dvc-nhieu-ho-so.json")])
        #expect(report.created == ["content/thu-tuc/chung-thuc/2.000908.md", "content/thu-tuc/ho-tich/1.000894.000.00.00.H36.md"])
        #expect(report.summary(errors: log.errorCount, warnings: log.warningCount)
                == "Đã nhập 2 thủ tục (2 mới, 0 cập nhật), \(log.warningCount) cảnh báo.")
        #expect(log.with("import.unknown-keys").first?.message.contains("url_chi_tiet") == true)
        let (content, loadLog) = site.load()
        #expect(loadLog.errorCount == 0, "\(loadLog.all.map(\.formatted))")
        let ketHon = try #require(content?.procedures.first { $0.code == "1.000894.000.00.00.H36" })
        // Channels with different deadlines: no deadline for the procedure as a whole.
        #expect(ketHon.channels.map(\.deadline) == ["5 ngày làm việc", "3 ngày làm việc"])
        #expect(ketHon.deadline == nil)
        #expect(ketHon.legalBasis.map(\.number) == ["60/2014/QH13", "123/2015/NĐ-CP"])
        #expect(ketHon.result == "Giấy chứng nhận kết hôn; Bản sao Giấy chứng nhận kết hôn")
        #expect(ketHon.publication?.number == "1234/QĐ-UBND")
        let chungThuc = try #require(content?.procedures.first { $0.code == "2.000908" })
        #expect(chungThuc.deadline == "Trong ngày làm việc hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ")
        #expect(chungThuc.deadlineAmount == nil)
        #expect(chungThuc.publication == nil)
        #expect(chungThuc.body.contains("| Tên giấy tờ | Số lượng |\n|---|---|\n| Bản chính giấy tờ, văn bản | 1 bản chính |\n| Bản sao cần chứng thực | 1 bản sao |"))
    }

    @Test func malformedRecordsAreSkippedWithAWarningEach() throws {
        let site = try ImportSite()
        let (report, log) = site.run(.dvc, [ImportSite.fixture("dvc-ho-so-loi.json")])
        #expect(log.errorCount == 0)
        let codes = log.with("import.code").map(\.message)
        #expect(codes.contains { $0.hasPrefix("hồ sơ thứ 1: thiếu “ma_thu_tuc”") })
        #expect(codes.contains { $0.contains("mã “abc” không đúng dạng") })
        #expect(codes.contains { $0.contains("mã “../../etc/1.001193” không đúng dạng") })
        #expect(codes.contains { $0.hasPrefix("hồ sơ thứ 4, trường ma_thu_tuc: mã ghi dạng số") })
        #expect(log.with("import.record").count == 1)
        let types = log.with("import.field-type").map(\.message)
        #expect(types.contains { $0.hasPrefix("hồ sơ 2.000001, trường co_quan_thuc_hien:") })
        #expect(types.contains { $0.hasPrefix("hồ sơ 2.000001, trường doi_tuong_thuc_hien:") })
        #expect(report.created == ["content/thu-tuc/dat-dai/2.000001.md"])
        #expect(site.procedureFiles == ["content/thu-tuc/dat-dai/2.000001.md"])
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("etc").path))
        #expect(site.load().1.errorCount == 0)
    }

    @Test func malformedJSONIsAnErrorAtItsLine() throws {
        let site = try ImportSite()
        let (report, log) = site.run(.dvc, [ImportSite.fixture("dvc-hong.json"), ImportSite.fixture("dvc-khai-sinh.json")])
        let error = try #require(log.with("import.json").first)
        #expect(error.severity == .error)
        #expect(error.location == SourceLocation(path: "dvc-hong.json", line: 4, column: 4))
        // The other file is still imported.
        #expect(report.total == 1)
        #expect(report.summary(errors: log.errorCount, warnings: log.warningCount).hasPrefix("Đã nhập 1 thủ tục (1 mới, 0 cập nhật), 1 lỗi"))
    }

    @Test func importingAgainUpdatesInsteadOfDuplicating() throws {
        let site = try ImportSite()
        let sources = [ImportSite.fixture("dvc-khai-sinh.json"), ImportSite.fixture("dvc-nhieu-ho-so.json")]
        let (first, _) = site.run(.dvc, sources)
        let before = site.procedureFiles.map { site.read($0) }
        let (second, log) = site.run(.dvc, sources)
        #expect(first.created.count == 3 && first.updated.isEmpty)
        #expect(second.created.isEmpty && second.updated.count == 3)
        #expect(site.procedureFiles.count == 3)
        #expect(site.procedureFiles.map { site.read($0) } == before)
        #expect(second.summary(errors: 0, warnings: log.warningCount) == "Đã nhập 3 thủ tục (0 mới, 3 cập nhật), \(log.warningCount) cảnh báo.")
    }

    @Test func aRecordWrappedInAnObjectAndOneWithoutAName() throws {
        let site = try ImportSite()
        let json = #"{"data": [{"ma_thu_tuc": "1.000001", "linh_vuc": "Hộ tịch"}, {"MaThuTuc": "1.000002", "TenThuTuc": "Tên viết kiểu khác", "LinhVuc": "Hộ tịch"}]}"#
        let (report, log) = site.run(.dvc, [try site.source("boc.json", Data(json.utf8))])
        #expect(report.created == ["content/thu-tuc/ho-tich/1.000002.md"])
        #expect(log.with("import.incomplete").first?.message.hasPrefix("hồ sơ 1.000001: thiếu tên thủ tục") == true)
    }

    @Test func importedTextCannotBreakTheYAMLOrTheSections() throws {
        let site = try ImportSite()
        let nasty = "A \"b\" \\ c: d # e\t{x} [y] &z *w ---\u{7}"
        let record: [String: Any] = [
            "ma_thu_tuc": "1.000003", "ten_thu_tuc": nasty, "linh_vuc": "Hộ: tịch #1",
            "co_quan_thuc_hien": "---\n...\nma: \"9.999999\"",
            "trinh_tu_thuc_hien": "## Thành phần hồ sơ\n---\n<b>đậm</b>",
            "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật \"Hộ tịch\" \\60/2014/QH13",
        ]
        let data = try JSONSerialization.data(withJSONObject: record)
        let (report, log) = site.run(.dvc, [try site.source("x.json", data)])
        #expect(report.created == ["content/thu-tuc/ho-tich-1/1.000003.md"], "\(log.all.map(\.formatted))")
        let (content, loadLog) = site.load()
        #expect(loadLog.errorCount == 0, "\(loadLog.all.map(\.formatted))")
        let procedure = try #require(content?.procedures.first)
        #expect(procedure.code == "1.000003")
        #expect(procedure.name == "A \"b\" \\ c: d # e {x} [y] &z *w ---")
        #expect(procedure.field == "Hộ: tịch #1")
        #expect(procedure.agency == "---; ...; ma: \"9.999999\"")
        #expect(procedure.legalBasis.first?.title == "Luật \"Hộ tịch\" \\")
        // The imported "## Thành phần hồ sơ" line is text, not a section the import would later replace.
        #expect(procedure.sections == [.steps, .documents, .requirements])
        #expect(procedure.body.contains("\\## Thành phần hồ sơ"))
        #expect(procedure.body.contains("\\<b>đậm\\</b>"))
    }
}
