@testable import CongKhaiImport
import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

@Suite("Import: run-together tables from the national portal")
struct ImportFlattenedTableTests {
    @Test func channelTableGivesEachChannelItsDeadlineAndFee() throws {
        let text = "Hình thức nộpThời gianPhí, lệ phíMô tả"
            + "Trực tiếp3 Ngày làm việcLệ phí : 8000 Đồng (Quá hạn)Nộp tại bộ phận một cửa"
            + "Trực tuyến3 Ngày làm việcMiễn phíNộp hồ sơ trực tuyến 24/7"
            + "Dịch vụ bưu chính3 Ngày làm việc7,000 Việt Nam ĐồngGửi qua bưu điện"
        let rows = try #require(ChannelTableParser.parse(text))
        #expect(rows.map(\.channel) == [.inPerson, .online, .post])
        #expect(rows.map(\.deadline) == ["3 ngày làm việc", "3 ngày làm việc", "3 ngày làm việc"])
        #expect(rows.map(\.fee) == ["Lệ phí : 8000 đồng (Quá hạn)", "Miễn phí", "7.000 đồng"])
        #expect(rows[1].description == "Nộp hồ sơ trực tuyến 24/7")
        #expect(ChannelTableParser.commonDeadline(rows) == "3 ngày làm việc")
        let amount = try #require(ChannelTableParser.deadlineAmount("3 Ngày làm việc"))
        #expect(amount.0 == 3 && amount.1 == .workingDays)
    }

    @Test func freeTextDeadlineAndSeveralFeeItems() throws {
        let text = "Trực tiếpTrong ngày làm việc hoặc ngày tiếp theoPhí : 2000 Đồng (Trang 1, 2)Phí : 1000 Đồng (Từ trang 3)Nộp tại xã"
        let rows = try #require(ChannelTableParser.parse(text))
        #expect(rows.count == 1)
        #expect(rows[0].deadline == "Trong ngày làm việc hoặc ngày tiếp theo")
        #expect(rows[0].fee == "Phí : 2000 đồng (Trang 1, 2); Phí : 1000 đồng (Từ trang 3)")
        #expect(ChannelTableParser.deadlineAmount(rows[0].deadline ?? "") == nil)
    }

    @Test(arguments: [
        "Nộp trực tiếp tại xã, thời hạn 3 ngày",                                    // prose, no table
        "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp3 Ngày làm việc",           // no fee
        "Ghi chú trướcTrực tiếp3 Ngày làm việcMiễn phí",                            // text before the first row
        "Trực tiếp tại xã, 3 ngày, Miễn phí",                                       // a channel name in prose
    ])
    func channelTableThatCannotBeAccountedForIsRefused(_ text: String) {
        #expect(ChannelTableParser.parse(text) == nil)
    }

    @Test func differentDeadlinesHaveNoCommonOne() throws {
        let rows = try #require(ChannelTableParser.parse("Trực tiếp5 Ngày làm việcLệ phí : 0 ĐồngTrực tuyến3 Ngày làm việcMiễn phí"))
        #expect(ChannelTableParser.commonDeadline(rows) == nil)
        #expect(ChannelTableParser.deadlineAmount("0,5 ngày").map { $0.0 } == 0.5)
        #expect(ChannelTableParser.deadlineAmount("4 giờ").map { $0.1 } == .hours)
    }

    @Test func legalBasisSplitsTitlesFromNumbers() throws {
        let text = "Tên văn bản pháp lýMã văn bản"
            + "Luật Hộ tịch60/2014/QH13"
            + "Nghị định 123/2015/NĐ-CP quy định chi tiết Luật Hộ tịch123/2015/NĐ-CP"
            + "Thông tư 04/2020/TT-BTP04/2020/TT-BTP"
            + "Quyết định 1872/QĐ-TTg1872/QĐ-TTg"
            + "Nghị quyết về lệ phí25/2025/NQ-HĐND"
        let documents = try #require(LegalBasisParser.parse(text))
        #expect(documents.map(\.number) == ["60/2014/QH13", "123/2015/NĐ-CP", "04/2020/TT-BTP", "1872/QĐ-TTg", "25/2025/NQ-HĐND"])
        #expect(documents.map(\.title) == ["Luật Hộ tịch", "Nghị định 123/2015/NĐ-CP quy định chi tiết Luật Hộ tịch",
                                          "Thông tư 04/2020/TT-BTP", "Quyết định 1872/QĐ-TTg", "Nghị quyết về lệ phí"])
    }

    /// From the real record 1.007891 (Bộ Tài chính): a joint circular's issuers hold `&` (Bộ
    /// NN&PTNT). Before, the number stopped at `BNN` and `&PTNT-BYT-NHNN` began the next title.
    @Test func aJointCircularsNumberKeepsItsAmpersand() throws {
        let text = "Tên văn bản pháp lýMã văn bản"
            + "Luật 54/2014/QH1354/2014/QH13"
            + "Thông tư liên tịch 01/2008/TTLT-BCT-BTC-BGTVT-BNN&PTNT-BYT-NHNN01/2008/TTLT-BCT-BTC-BGTVT-BNN&PTNT-BYT-NHNN"
            + "Nghị định 08/2015/NĐ-CP08/2015/NĐ-CP"
        let documents = try #require(LegalBasisParser.parse(text))
        #expect(documents.map(\.number) == ["54/2014/QH13", "01/2008/TTLT-BCT-BTC-BGTVT-BNN&PTNT-BYT-NHNN", "08/2015/NĐ-CP"])
        #expect(documents.map(\.title) == ["Luật 54/2014/QH13", "Thông tư liên tịch 01/2008/TTLT-BCT-BTC-BGTVT-BNN&PTNT-BYT-NHNN",
                                          "Nghị định 08/2015/NĐ-CP"])
    }

    @Test func legalBasisAsALineList() throws {
        let documents = try #require(LegalBasisParser.parse("- Luật Hộ tịch số 60/2014/QH13;\n- Nghị định số 123/2015/NĐ-CP."))
        #expect(documents.map(\.number) == ["60/2014/QH13", "123/2015/NĐ-CP"])
        #expect(documents.first?.title == "Luật Hộ tịch số 60/2014/QH13")
    }

    @Test(arguments: [
        "Nghị định về chứng thực và các thông tư hướng dẫn",          // no number at all
        "Luật Hộ tịch60/2014/QH13Văn bản không số",                    // a title without its number at the end
        "Tên văn bảnNgày ban hànhMã văn bảnLuật Hộ tịch20/11/201460/2014/QH13", // a column the parser does not know
        "- Luật Hộ tịch 60/2014/QH13\n- Thông tư hướng dẫn",           // a line without a number
    ])
    func legalBasisThatCannotBeSplitIsRefused(_ text: String) {
        #expect(LegalBasisParser.parse(text) == nil)
    }

    @Test func resultCodesAndPageFurnitureAreSeparated() {
        let parsed = ResultParser.parse("Giấy khai sinhMã: KQ.G15.000031Bản sao Giấy khai sinhMã: KQ.G15.000032Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện")
        #expect(parsed.names == ["Giấy khai sinh", "Bản sao Giấy khai sinh"])
        #expect(parsed.codes == ["KQ.G15.000031", "KQ.G15.000032"])
        #expect(parsed.leftover == nil)
    }

    @Test func unknownTextAfterTheResultIsKept() {
        let parsed = ResultParser.parse("Giấy khai sinhMã: KQ.G15.000031Ghi chú: cấp kèm bản sao")
        #expect(parsed.names == ["Giấy khai sinh"])
        #expect(parsed.leftover == "Ghi chú: cấp kèm bản sao")
        #expect(ResultParser.parse("Giấy chứng nhận quyền sử dụng đất").names == ["Giấy chứng nhận quyền sử dụng đất"])
    }

    @Test func olderDocumentTableWithCountColumnsStillSplits() throws {
        let parsed = try #require(DocumentTableParser.parse("Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khaiBản chính: 1Bản sao: 0Giấy chứng sinh | bản gốcBản chính: 1Bản sao: 1"))
        #expect(parsed.groups.count == 1)
        #expect(parsed.groups[0].rows.map(\.name) == ["Tờ khai", "Giấy chứng sinh | bản gốc"])
        #expect(parsed.groups[0].rows.map(\.quantity) == ["1 bản chính", "1 bản chính, 1 bản sao"])
        #expect(DocumentTableParser.markdown(parsed).contains("| Giấy chứng sinh \\| bản gốc | 1 bản chính, 1 bản sao |"))
    }

    @Test func placeholdersAreMissingAndTextIsNFC() {
        #expect(ImportText.value("Không có thông tin") == nil)
        #expect(ImportText.value("  KHÔNG CÓ THÔNG TIN. ") == nil)
        #expect(ImportText.value("Đang cập nhật") == nil)
        #expect(ImportText.value("Không") == "Không")
        let decomposed = "Hộ tịch".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count != "Hộ tịch".unicodeScalars.count)
        #expect(ImportText.value(decomposed)?.unicodeScalars.elementsEqual("Hộ tịch".unicodeScalars) == true)
        #expect(ImportText.clean("a\u{00A0}\u{200B}b\r\n\r\n\r\nc ") == "a b\n\nc")
    }

    @Test func markdownEscapesWhatWouldChangeTheStructure() {
        let text = ImportText.markdown("## Bước 3\n<script>x</script>\n---\n[mẫu](../../bi-mat.md)\nBình thường")
        #expect(text == "\\## Bước 3\n\n\\<script>x\\</script>\n\n\\---\n\n[mẫu]\\(../../bi-mat.md)\n\nBình thường")
    }

    @Test func codesAreCleanedAndChecked() {
        #expect(ProcedureCode.clean(" 1.001193\u{200B}\u{00A0}") == "1.001193")
        #expect(ProcedureCode.isValid("1.001193.000.00.00.H36"))
        for bad in ["abc", "1.00119", "1.001193/..", "../1.001193", "1.001193.000.00.00.H3", ""] {
            #expect(!ProcedureCode.isValid(bad))
        }
    }

    @Test func yamlQuotingSurvivesAnyText() {
        #expect(YAMLText.quoted("a \"b\" \\ c\nd\te") == "\"a \\\"b\\\" \\\\ c\\nd\\te\"")
        #expect(YAMLText.quoted("x\u{7}y\u{85}") == "\"x\\u0007y\\u0085\"")
        #expect(YAMLText.comment("dòng 1\ndòng 2") == "# dòng 1 dòng 2")
    }
}
