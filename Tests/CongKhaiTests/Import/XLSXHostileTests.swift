@testable import CongKhaiImport
import CongKhaiModel
import Foundation
import Testing
import ZIPFoundation

/// Workbooks written at test time, so no large binary is committed.
enum XLSXFixture {
    static func workbook(sheet: String, sharedStrings: String? = nil) throws -> Data {
        var parts = [
            "xl/workbook.xml": #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DM" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": sheet,
        ]
        if let sharedStrings { parts["xl/sharedStrings.xml"] = sharedStrings }
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static func sheet(_ rows: String) -> String {
        #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + rows + "</sheetData></worksheet>"
    }

    static func row(_ number: Int, _ cells: [String]) -> String {
        let letters = ["A", "B", "C", "D"]
        return "<row r=\"\(number)\">" + cells.enumerated().map { index, text in
            "<c r=\"\(letters[index])\(number)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
        }.joined() + "</row>"
    }

    static let header = row(1, ["STT", "Mã TTHC", "Tên thủ tục", "Lĩnh vực"])
}

@Suite("Import: hostile Excel workbooks are errors naming the file, never a crash")
struct XLSXHostileTests {
    func failure(_ sheet: String) throws -> Diagnostic? {
        let site = try ImportSite()
        let (_, log) = site.run(.xlsx, [try site.source("danh-muc.xlsx", try XLSXFixture.workbook(sheet: sheet))])
        #expect(site.procedureFiles.isEmpty)
        return log.with("import.xlsx").first
    }

    @Test(arguments: ["ABCDEFGHIJKLMN1", "XFE1", "AAAA1", "A1048577", "A99999999999999999999999"])
    func cellReferencesPastExcelsLimitsAreRefused(_ reference: String) throws {
        let sheet = XLSXFixture.sheet(XLSXFixture.header + "<row r=\"2\"><c r=\"\(reference)\" t=\"inlineStr\"><is><t>x</t></is></c></row>")
        let error = try #require(try failure(sheet))
        #expect(error.location.path == "danh-muc.xlsx")
        #expect(error.message.contains("nằm ngoài giới hạn của Excel"))
    }

    @Test(arguments: ["0", "1048577", "99999999999999999999", "-3"])
    func rowNumbersPastExcelsLimitsAreRefused(_ number: String) throws {
        let error = try #require(try failure(XLSXFixture.sheet(XLSXFixture.header + "<row r=\"\(number)\"></row>")))
        #expect(error.message.contains("nằm ngoài giới hạn của Excel"))
    }

    @Test func theLastColumnAndRowExcelHasAreRead() throws {
        let sheet = XLSXFixture.sheet(XLSXFixture.header + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>7</v></c></row>")
        let rows = try XLSXReader.read(try XLSXFixture.workbook(sheet: sheet))
        #expect(rows.last?.number == 1_048_576)
        #expect(rows.last?.cells.count == 16_384 && rows.last?.cells.last?.text == "7")
    }

    @Test func deepNestingIsRefusedBeforeItCanOverflowTheStack() throws {
        let deep = String(repeating: "<x>", count: 200_000) + String(repeating: "</x>", count: 200_000)
        let error = try #require(try failure(XLSXFixture.sheet(XLSXFixture.header + "<row r=\"2\"><c r=\"A2\">" + deep + "</c></row>")))
        #expect(error.message.contains("lồng nhau quá 64 tầng"))
    }

    @Test func aDoctypeIsRefused() throws {
        let sheet = #"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>"# + XLSXFixture.sheet("<row r=\"1\"><c t=\"inlineStr\"><is><t>&b;</t></is></c></row>")
        let error = try #require(try failure(sheet))
        #expect(error.message.contains("DOCTYPE"))
    }

    @Test func manyFarCellsAreRefusedInsteadOfFillingMemory() throws {
        let rows = (2...200).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
        let error = try #require(try failure(XLSXFixture.sheet(XLSXFixture.header + rows)))
        #expect(error.message.contains("quá nhiều ô"))
    }

    @Test func brokenXMLNamesThePart() throws {
        let error = try #require(try failure(XLSXFixture.sheet("<row r=\"1\"><c>") ))
        #expect(error.message == "Phần “xl/worksheets/sheet1.xml” của bảng tính bị hỏng nên không đọc được.")
    }

    /// libxml2 refuses a single buffer over ~10 MB unless told otherwise; the sheet is streamed.
    @Test func aSheetOverTenMegabytesOfXMLIsRead() throws {
        var body = XLSXFixture.header
        var number = 2
        while body.utf8.count < 12_000_000 {
            body += XLSXFixture.row(number, ["\(number - 1)", String(format: "1.%06d", number), "Thủ tục số \(number) có tên khá dài để bảng lớn nhanh", "Hộ tịch"])
            number += 1
        }
        let rows = try XLSXReader.read(try XLSXFixture.workbook(sheet: XLSXFixture.sheet(body)))
        #expect(rows.count == number - 1)
        #expect(rows.last?.cells[1].text == String(format: "1.%06d", number - 1))
    }
}
