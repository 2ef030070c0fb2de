@testable import CongKhaiImport
import CongKhaiModel
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files an attacker or a careless editor could hand to `congkhai import`: each must end in a
/// diagnostic naming a file, never a crash or a hang.
@Suite("Import: hostile files end in a diagnostic naming the file")
struct ImportHostileInputTests {
    @Test func aFIFOIsRefusedInsteadOfWaitingForever() throws {
        let site = try ImportSite()
        let path = site.folder.appendingPathComponent("nguon.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        let (_, log) = site.run(.csv, [ImportSource(url: URL(fileURLWithPath: path), displayPath: "nguon.csv")])
        #expect(log.with("import.unreadable").first?.location.path == "nguon.csv")
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let site = try ImportSite()
        let source = try site.source("to.json", Data())
        let handle = try FileHandle(forWritingTo: source.url)
        try handle.truncate(atOffset: 300 * 1024 * 1024)
        try handle.close()
        let (_, log) = site.run(.dvc, [source])
        let error = try #require(log.with("import.too-large").first)
        #expect(error.location.path == "to.json" && error.message.contains("300 MB"))
    }

    @Test func unicodeLineBreaksInTheEditorsFrontMatterDoNotConfuseTheMerge() throws {
        let site = try ImportSite()
        let existing = "---\n# Ghi chú\u{2028}của cán bộ\u{85}dòng hai\nma: \"1.001193\"\nten: \"Khai sinh\"\n# chú\u{2029}thích\nlinh_vuc: \"Hộ tịch\"\n---\n## Lưu ý\n\nGiữ.\n"
        try site.write("content/thu-tuc/ho-tich/1.001193.md", existing)
        let (report, log) = site.run(.csv, [try site.source("d.csv", Data("Mã TTHC;Tên thủ tục;Lĩnh vực\n1.001193;Thủ tục đăng ký khai sinh;Hộ tịch\n".utf8))])
        #expect(log.errorCount == 0, "\(log.all.map(\.formatted))")
        #expect(report.updated == ["content/thu-tuc/ho-tich/1.001193.md"] && report.created.isEmpty)
        let text = try #require(site.read("content/thu-tuc/ho-tich/1.001193.md"))
        #expect(text.contains("Giữ.") && text.contains("ten: \"Thủ tục đăng ký khai sinh\"\n"))
    }

    @Test(arguments: [
        Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]),
        Data("PK\u{05}\u{06}".utf8) + Data(repeating: 0xFF, count: 18),
        Data(repeating: 0x50, count: 1),
    ])
    func brokenZipsAreErrors(_ data: Data) throws {
        let site = try ImportSite()
        let (_, log) = site.run(.xlsx, [try site.source("hong.xlsx", data)])
        #expect(log.with("import.xlsx").first?.location.path == "hong.xlsx")
    }

    @Test func csvWithNothingButQuotesSeparatorsAndBreaks() throws {
        let site = try ImportSite()
        let noise = String(repeating: "\";\r\"\"\n;\";\u{2028}\"", count: 5_000)
        let (_, log) = site.run(.csv, [try site.source("nhieu.csv", Data(noise.utf8))])
        #expect(log.hasErrors)
        #expect(log.all.allSatisfy { $0.location.path == "nhieu.csv" })
        #expect(site.procedureFiles.isEmpty)
    }

    @Test func aCSVBeyondACatalogueIsRefusedBeforeParsing() throws {
        let site = try ImportSite()
        let big = Data(repeating: UInt8(ascii: "a"), count: 17 * 1024 * 1024)
        let (_, log) = site.run(.csv, [try site.source("lon.csv", big)])
        #expect(log.with("import.too-large").first?.message.hasPrefix("Tệp CSV lớn 17 MB") == true)
    }
}
