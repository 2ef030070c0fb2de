import Testing

@Suite("Fees and procedures joined both ways; open data")
struct FeeJoinTests {
    @Test func procedurePageShowsItsFeesFormattedAndFeedback() throws {
        let site = try ProcedureFixtures.site(["content/site.yaml": "ten: UBND xã A\nloai: xa\ntinh: T\nkenh_phan_anh:\n  dia_chi: \"Số 1 đường A\"\n  email: phananh@xaa.gov.vn\n"])
        let result = site.build()
        let page = try #require(result.text(of: "thu-tuc/ho-tich/1.001193/index.html"))
        #expect(page.contains("8.000 đồng"))
        #expect(page.contains("phi-le-phi/index.html#le-phi-khai-sinh"))
        #expect(page.contains("phananh@xaa.gov.vn"))
        #expect(page.contains("1234/QĐ-UBND"))
    }

    @Test func feePageListsTheProceduresThatChargeIt() throws {
        let page = try #require(try ProcedureFixtures.site().build().text(of: "phi-le-phi/index.html"))
        #expect(page.contains("id=\"le-phi-khai-sinh\""))
        #expect(page.contains("ho-tich/1.001193/index.html"))
        #expect(page.contains("chung-thuc/2.000908/index.html"))
        #expect(page.contains("2.000 đồng"))
    }

    @Test func unusedFeeIsWarned() throws {
        let result = try ProcedureFixtures.site(["content/thu-tuc/chung-thuc/2.000908.md": ProcedureFixtures.procedure(code: "2.000908", field: "Chứng thực", fees: "mien")]).build()
        #expect(result.diagnostics("fee.unused").map(\.message).first?.contains("phi-chung-thuc") == true)
    }

    @Test func catalogueGroupsByFieldWithFilterPages() throws {
        let result = try ProcedureFixtures.site().build()
        let paths = Set(result.files.map(\.path))
        for path in ["thu-tuc/index.html", "thu-tuc/ho-tich/index.html", "thu-tuc/chung-thuc/index.html",
                     "thu-tuc/muc-do/toan-trinh/index.html", "thu-tuc/muc-do/mot-phan/index.html", "du-lieu/index.html"] {
            #expect(paths.contains(path), "\(path)")
        }
        let catalogue = try #require(result.text(of: "thu-tuc/index.html"))
        #expect(catalogue.contains("Hộ tịch"))
        #expect(catalogue.contains("Chứng thực bản sao từ bản chính"))
        let online = try #require(result.text(of: "thu-tuc/muc-do/toan-trinh/index.html"))
        #expect(online.contains("1.001193") && online.contains("2.000908"))
        #expect(result.text(of: "thu-tuc/muc-do/truc-tiep/index.html")?.contains("1.001193") == false)
    }

    @Test func openDataFilesFollowTheDocumentedColumns() throws {
        let result = try ProcedureFixtures.site().build()
        let csv = try #require(result.text(of: "du-lieu/thu-tuc.csv"))
        let file = try #require(result.files.first { $0.path == "du-lieu/thu-tuc.csv" })
        if case let .bytes(data) = file.body { #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 BOM for Excel") }
        #expect(csv.hasPrefix("ma,ten,linh_vuc,cap_thuc_hien,muc_do,thoi_han,thoi_han_ngay,don_vi,phi,muc_phi,co_quan_thuc_hien,quyet_dinh_cong_bo,ngay_cong_bo,dia_chi\r\n"))
        #expect(csv.contains("2.000908,Chứng thực bản sao từ bản chính,Chứng thực,"))
        let json = try #require(result.text(of: "du-lieu/thu-tuc.json"))
        #expect(json.contains("\"ma\" : \"1.001193\""))
        #expect(json.contains("\"phi\" : [\n      \"le-phi-khai-sinh\"\n    ]"))
        let fees = try #require(result.text(of: "du-lieu/phi-le-phi.csv"))
        #expect(fees.contains("le-phi-khai-sinh,Lệ phí đăng ký khai sinh,le_phi,0 (Đúng hạn); 8000 (Quá hạn),"))
    }
}
