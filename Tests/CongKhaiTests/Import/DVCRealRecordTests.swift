@testable import CongKhaiImport
import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

/// Real records of the national portal (`Tests/Fixtures/import/dvc-real/`, see its README): each
/// parser on the field that has the shape, then the whole import, asserting on the file written.
@Suite("Import: real national-portal records")
struct DVCRealRecordTests {
    static func field(_ record: String, _ key: String) throws -> String {
        let url = ImportSite.fixtures.appendingPathComponent("dvc-real/\(record).json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return try #require(object?[key] as? String).precomposedStringWithCanonicalMapping
    }

    static func source(_ record: String) -> ImportSource {
        ImportSite.fixture("dvc-real/\(record).json")
    }

    @Test func groupsNumberedSubCasesAndLetteredRows() throws {
        let parsed = try #require(DocumentTableParser.parse(Self.field("bo-nong-nghiep-mt__1.014801", "thanh_phan_ho_so")))
        #expect(parsed.groups.map(\.heading) == [
            "1.3.1.1. Hồ sơ đề nghị cấp Giấy xác nhận nuôi trồng thủy sản lồng bè, đối tượng thủy sản nuôi chủ lực bao gồm:",
            "1.3.1.2. Hồ sơ đề nghị cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè, đối tượng thủy sản nuôi chủ lực bao gồm:",
        ])
        let first = parsed.groups[0].rows
        #expect(first.map(\.quantity) == ["1 bản chính, 1 bản sao", "1 bản chính"])
        #expect(first[0].name == "b) Sơ đồ mặt bằng vị trí ao/lồng nuôi có xác nhận của chủ cơ sở..")
        #expect(first[1].name == "a) Đơn đề nghị cấp theo Mẫu số 25.NT Phụ lục I ban hành kèm theo Nghị định số 41/2026/NĐ-CP;")
        #expect(first[1].form == "Mauso25.docx")
        #expect(parsed.groups[1].rows.map(\.form) == ["Mẫu số 26.docx", nil])
        #expect(parsed.leftover == nil)
    }

    @Test func formsGluedAfterAMarkAndNotesWithZeroCount() throws {
        let parsed = try #require(DocumentTableParser.parse(Self.field("bo-cong-an__1.010039", "thanh_phan_ho_so")))
        #expect(parsed.groups.count == 1 && parsed.groups[0].heading == nil)
        let rows = parsed.groups[0].rows
        #expect(rows.count == 3)
        #expect(rows[0].name == "Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)")
        #expect(rows[0].form == "1.MuCT01banhnhkmtheoThngts53 (2).doc")
        #expect(rows.map(\.quantity) == ["1 bản chính", "1 bản chính", ""])
        #expect(rows[2].name.hasPrefix("*Lưu ý: - Trường hợp công dân"))
    }

    @Test func aCountGluedToAFormNumberTakesOnlyTheLastDigit() throws {
        let parsed = try #require(DocumentTableParser.parse(Self.field("bo-nong-nghiep-mt__1.013965", "thanh_phan_ho_so")))
        #expect(parsed.groups.count == 2)
        #expect(parsed.groups[0].rows.last?.name == "Văn bản đề nghị sử dụng đất kết hợp đa mục đích theo Mẫu số 13")
        #expect(parsed.groups[0].rows.last?.quantity == "1 bản chính, 1 bản sao")
        #expect(parsed.groups[1].heading == "b) Hồ sơ gia hạn phương án sử dụng đất kết hợp đa mục đích hồ sơ:")
    }

    @Test func channelRowsWithTabsUnknownsAndDescriptions() throws {
        let rows = try #require(ChannelTableParser.parse(Self.field("bo-cong-an__1.004327", "cach_thuc_thuc_hien")))
        #expect(rows.map(\.channel) == [.post, .inPerson])
        #expect(rows.map(\.deadline) == ["60 ngày làm việc", "60 ngày làm việc"])
        #expect(rows.allSatisfy { $0.fee == nil })
        #expect(rows[0].description == "Gửi qua bưu điện")
        #expect(rows[1].description?.hasPrefix("Theo quy định tại Điều 21 Luật tố cáo") == true)
    }

    @Test func nestedFeeNotesAndMultiLineDescriptions() throws {
        let rows = try #require(ChannelTableParser.parse(Self.field("bo-tu-phap__2.001263", "cach_thuc_thuc_hien")))
        #expect(rows.first?.channel == .online && rows.contains { $0.channel == .post })
        #expect(rows[0].deadline == nil)
        #expect(rows[0].fee == "400.000 đồng")
        #expect(rows[0].feeNote?.hasPrefix("Lệ phí : 400.000 Đồng (Mức thu lệ phí: 400.000đ/trường hợp.") == true)
        #expect(rows[0].description?.hasPrefix("Cách thức thực hiện : Người nhận con nuôi") == true)
        #expect(rows[0].description?.contains("\nLưu ý: Trường hợp") == true)
    }

    @Test func gluedTimeAndFeeAreNotGuessed() throws {
        let rows = try #require(ChannelTableParser.parse(Self.field("bo-tai-chinh__1.007895", "cach_thuc_thuc_hien")))
        #expect(rows.count == 1)
        #expect(rows[0].deadline == nil && rows[0].fee == nil)
        #expect(rows[0].problems.contains { $0.contains("“120 VNĐ”") })
        let bare = try #require(ChannelTableParser.parse(Self.field("bo-tu-phap__2.000528", "cach_thuc_thuc_hien")))
        #expect(bare.map(\.deadline) == ["1", "1", "1"])
        #expect(bare.allSatisfy { $0.problems.contains { $0.contains("không có đơn vị") } })
    }

    @Test func legalBasisNumbersWithDotsAndLeakedAgency() throws {
        let khaiSinh = try #require(LegalBasisParser.parseAll(Self.field("bo-tu-phap__1.004884", "can_cu_phap_ly")))
        #expect(khaiSinh.documents.first?.number == "66.7/2025/NQ-CP")
        #expect(khaiSinh.documents.first?.title == "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu")
        let court = try #require(LegalBasisParser.parseAll(Self.field("toa-an-nhan-dan__3.000163", "can_cu_phap_ly")))
        #expect(court.documents.map(\.number) == ["02/2014/TTLT-TANDTC-VKSNDTC-BTP-BTC", "110/2015/QH13", "21/2014/L-CTN", "56/2010/QH12"])
        #expect(court.agency == "Tòa án nhân dân tỉnh, thành phố trực thuộc trung ương, Tòa án nhân dân tối cao, Tòa án nhân dân khu vực")
        #expect(court.leftover == nil)
        let police = try #require(LegalBasisParser.parseAll(Self.field("bo-cong-an__1.004327", "can_cu_phap_ly")))
        #expect(police.documents.map(\.number) == ["10/2014/TT-BCA", "76/2012/NĐ-CP", "91/2013/NĐ-CP", "12/2015/TT-BCA", "03/2011/QH13"])
        #expect(police.documents[1].title == "Nghị định")
        #expect(police.documents[4].title == "Luật 03/2011/QH13")
    }

    @Test func resultsAndEveryFurnitureVariant() throws {
        let police = ResultParser.parse(try Self.field("bo-cong-an__1.010039", "ket_qua_xu_ly"))
        #expect(police.codes == ["KQ.G01.000064", "KQ.G01.000065", "KQ.G01.000067", "KQ.G01.000066"])
        #expect(police.names.first == "Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư")
        #expect(police.leftover == nil && police.keywords == nil)
        #expect(police.furniture > 10)
        let court = ResultParser.parse(try Self.field("toa-an-nhan-dan__3.000163", "ket_qua_xu_ly"))
        #expect(court.codes == ["VBTT"] && court.names == ["Văn bản tố tụng của Tòa án theo tiến trình giải quyết"])
        let other = ResultParser.parse("Giấy phépMã: KQ.G01.1Từ khóaTiền lươngMô tảKhông có thông tinChọn cơ quan thực hiệnBộ ngành-- Chọn Bộ ngành --Đơn vị-- Chọn Cơ sở --Nộp hồ sơ")
        #expect(other.names == ["Giấy phép"] && other.keywords == "Tiền lương" && other.leftover == nil)
        #expect(ResultParser.parse("Giấy phépMã: KQ.G01.1Chọn cơ quan thực hiệnMột dòng lạ").leftover == "Chọn cơ quan thực hiệnMột dòng lạ")
    }

    @Test func wholeImportWritesCleanStructuredFiles() throws {
        let site = try ImportSite()
        let names = ["bo-cong-an__1.004327", "bo-cong-an__1.010039", "bo-nong-nghiep-mt__1.014801", "bo-tai-chinh__1.007895",
                     "bo-tu-phap__2.000528", "toa-an-nhan-dan__3.000163", "bo-tu-phap__2.001263", "bo-tu-phap__1.004884",
                     "bo-nong-nghiep-mt__1.013965"]
        let (report, log) = site.run(.dvc, names.map(Self.source))
        #expect(log.all.isEmpty, "\(log.all.map(\.formatted))")
        #expect(report.created.count == names.count)
        #expect(report.furniture > 50)
        let (content, loadLog) = site.load()
        #expect(loadLog.errorCount == 0, "\(loadLog.all.map(\.formatted))")
        let procedures = try #require(content?.procedures)
        #expect(procedures.count == names.count)
        for path in site.procedureFiles {
            let text = try #require(site.read(path))
            for furniture in ["Từ khóa", "Chọn cơ quan thực hiện", "Tỉnh/ Thành phố", "Hệ thống chỉ hiển thị", "-- Chọn", "Tên giấy tờMẫu"] {
                #expect(!text.contains(furniture), "\(path): \(furniture)")
            }
            #expect(text.contains("dvc_url: \"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/"), "\(path)")
        }
        for procedure in procedures {
            #expect(!procedure.channels.isEmpty, "\(procedure.code)")
            #expect(procedure.onlineURL?.hasPrefix("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/") == true)
        }
        let police = try #require(site.read("content/thu-tuc/dang-ky-quan-ly-cu-tru/1.010039.md"))
        #expect(police.contains("## Thành phần hồ sơ\n\n| Tên giấy tờ | Số lượng | Mẫu đơn, tờ khai |\n|---|---|---|\n| Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA) | 1 bản chính | 1.MuCT01banhnhkmtheoThngts53 (2).doc |\n"))
        #expect(police.contains("# Theo Cổng DVC: mã kết quả KQ.G01.000064, KQ.G01.000065, KQ.G01.000067, KQ.G01.000066."))
        let birth = try #require(site.read("content/thu-tuc/ho-tich/2.000528.md"))
        #expect(birth.contains("### Giấy tờ phải nộp:\n\n| Tên giấy tờ | Số lượng |\n|---|---|\n| Giấy Chứng sinh | 1 bản chính |\n"))
        #expect(birth.contains("### Giấy tờ phải xuất trình:\n"))
        #expect(birth.contains("cach_thuc:\n  - hinh_thuc: truc_tuyen\n    thoi_han: \"1\"\n    phi: \"Miễn phí\"\n"))
        // The long fee note is said once under the table, not three times in the cells.
        #expect(birth.components(separatedBy: "Phí, lệ phí: Mức lệ phí cụ thể").count == 2)
        #expect(birth.contains("## Mô tả cách thức thực hiện\n\nPhí, lệ phí: Mức lệ phí cụ thể"))
        #expect(!birth.contains("## Cách thức thực hiện"))
        let court = try #require(site.read("content/thu-tuc/toa-an/3.000163.md"))
        #expect(court.contains("co_quan_thuc_hien: \"Tòa án nhân dân tỉnh, thành phố trực thuộc trung ương, Tòa án nhân dân tối cao, Tòa án nhân dân khu vực\""))
        // One entry per record the editor must open, naming what to check.
        let customs = try #require(report.toCheck.first { $0.path.hasSuffix("/1.007895.md") })
        #expect(customs.checks.contains { $0.topic == "thời hạn, phí" && $0.detail.contains("120 VNĐ") })
        #expect(report.toCheck.first { $0.path.hasSuffix("/1.010039.md") }?.checks.contains { $0.topic == "mẫu đơn" } == true)
    }

    @Test func numberFirstLegalBasisTable() throws {
        let text = "Số ký hiệuTrích yếuNgày ban hànhCơ quan ban hành60/2014/QH13Luật Hộ tịch20/11/2014Quốc hội"
            + "123/2015/NĐ-CPNghị định quy định chi tiết một số điều của Luật Hộ tịch15/11/2015Chính phủ"
        let parsed = try #require(LegalBasisParser.parseAll(text))
        #expect(parsed.documents.map(\.number) == ["60/2014/QH13", "123/2015/NĐ-CP"])
        #expect(parsed.documents.map(\.title) == ["Luật Hộ tịch", "Nghị định quy định chi tiết một số điều của Luật Hộ tịch"])
        #expect(parsed.documents.map(\.issuer) == ["Quốc hội", "Chính phủ"])
        #expect(parsed.documents.first?.date == CalendarDate(year: 2014, month: 11, day: 20))
    }

    /// Unseen records are cut anywhere by crawlers: no cut of a real field may crash a parser.
    @Test func everyCutOfTheRealFieldsParsesWithoutCrashing() throws {
        for record in ["bo-cong-an__1.010039", "bo-nong-nghiep-mt__1.014801", "bo-tu-phap__2.001263", "toa-an-nhan-dan__3.000163"] {
            for key in ["thanh_phan_ho_so", "cach_thuc_thuc_hien", "can_cu_phap_ly", "ket_qua_xu_ly"] {
                let text = try Self.field(record, key)
                var cut = text.startIndex
                while cut < text.endIndex {
                    for part in [String(text[..<cut]), String(text[cut...])] {
                        _ = DocumentTableParser.parse(part).map(DocumentTableParser.markdown)
                        _ = ChannelTableParser.parse(part)
                        _ = LegalBasisParser.parseAll(part)
                        _ = ResultParser.parse(part)
                    }
                    cut = text.index(cut, offsetBy: 997, limitedBy: text.endIndex) ?? text.endIndex
                }
            }
        }
    }

    /// The page says what the record says: an amount where it names one, "Chưa có thông tin"
    /// where it has none, never "Không thu phí" for either.
    @Test func builtPageShowsTheRecordsFeesAndItsOwnPortalPage() throws {
        let site = try TestSite(["content/site.yaml": "ten: UBND xã A\nloai: xa\ntinh: T\ndvc_url: https://dichvucong.tinh.gov.vn/\n"])
        let log = DiagnosticLog()
        _ = Importer.run(kind: .dvc, files: ["bo-cong-an__1.004327", "bo-tu-phap__2.001263"].map(Self.source), siteFolder: site.folder, log: log)
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let unknown = try #require(result.text(of: "thu-tuc/khieu-nai-to-cao/1.004327/index.html"))
        #expect(unknown.contains("<td data-label=\"Thời hạn\">60 ngày làm việc</td><td data-label=\"Phí, lệ phí\">Chưa có thông tin</td>"))
        #expect(!unknown.contains("Không thu phí"))
        #expect(unknown.contains("href=\"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7714-7298-b44d-e3acdb438259\""))
        #expect(!unknown.contains("Từ khóa") && !unknown.contains("Chọn cơ quan"))
        let adoption = try #require(result.text(of: "thu-tuc/nuoi-con-nuoi/2.001263/index.html"))
        #expect(adoption.contains("<dt>Phí, lệ phí</dt><dd>\n400.000 đồng"))
    }

    @Test func theEditorsAddressStaysAndOnlyWebAddressesAreTaken() throws {
        let site = try ImportSite()
        try site.write("content/thu-tuc/khieu-nai-to-cao/1.004327.md",
                       "---\nma: \"1.004327\"\nten: \"Giải quyết tố cáo\"\nlinh_vuc: \"Khiếu nại, tố cáo\"\ndvc_url: \"https://dichvucong.tinh.gov.vn/to-cao\"\n---\n")
        site.run(.dvc, [Self.source("bo-cong-an__1.004327")])
        let kept = try #require(site.read("content/thu-tuc/khieu-nai-to-cao/1.004327.md"))
        #expect(kept.contains("dvc_url: \"https://dichvucong.tinh.gov.vn/to-cao\""))
        #expect(!kept.contains("dichvucong.gov.vn/thu-tuc-hanh-chinh"))
        let record = #"{"ma_thu_tuc": "1.000001", "ten_thu_tuc": "Thử", "linh_vuc": "Hộ tịch", "detail_url": "javascript:alert(1)"}"#
        let (report, _) = site.run(.dvc, [try site.source("hong.json", Data(record.utf8))])
        let text = try #require(site.read("content/thu-tuc/ho-tich/1.000001.md"))
        #expect(!text.contains("dvc_url") && !text.contains("javascript"))
        #expect(report.toCheck.first?.checks.contains { $0.topic == "địa chỉ trên Cổng DVC" } == true)
    }

    /// Record 1.007891: what the portal itself gets wrong (a time of "1" with no unit, a fee that
    /// is free and priced at once) is written into the file above `cach_thuc`, where the editor
    /// who opens it sees it, not only in the terminal; the joint circular keeps its number.
    @Test func doubtfulTimesAndFeesAreMarkedInTheFile() throws {
        let site = try ImportSite()
        let (report, _) = site.run(.dvc, [Self.source("bo-tai-chinh__1.007891")])
        let text = try #require(site.read("content/thu-tuc/hai-quan/1.007891.md"))
        let lines = text.split(separator: "\n").map(String.init)
        let channels = try #require(lines.firstIndex(of: "cach_thuc:"))
        let marks = lines[..<channels].filter { $0.hasPrefix("# Cần kiểm tra: ") }
        #expect(marks.count == 2)
        #expect(marks.contains { $0.contains("thời hạn chỉ ghi số “1”, không có đơn vị") })
        #expect(marks.contains { $0.contains("phí vừa ghi “Miễn phí” vừa có mức thu") })
        #expect(text.contains("so_hieu: \"01/2008/TTLT-BCT-BTC-BGTVT-BNN&PTNT-BYT-NHNN\""))
        #expect(!text.contains("ten: \"&PTNT"))
        #expect(report.toCheck.first?.checks.count == 2)
    }

    @Test func reimportingTheRealRecordsChangesNothing() throws {
        let site = try ImportSite()
        let sources = ["bo-cong-an__1.010039", "bo-tu-phap__2.000528", "bo-tai-chinh__1.007891"].map(Self.source)
        site.run(.dvc, sources)
        let before = site.procedureFiles.map { site.read($0) }
        let (second, _) = site.run(.dvc, sources)
        #expect(second.updated.count == 3)
        #expect(site.procedureFiles.map { site.read($0) } == before)
    }
}
