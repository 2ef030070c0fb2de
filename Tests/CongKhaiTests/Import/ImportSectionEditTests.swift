@testable import CongKhaiImport
import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

@Suite("Import: what the editor wrote inside an imported section is kept or reported")
struct ImportSectionEditTests {
    static let path = "content/thu-tuc/ho-tich/1.001193.md"

    static func record(steps: String) -> Data {
        Data("""
        {"ma_thu_tuc": "1.001193", "ten_thu_tuc": "Thủ tục đăng ký khai sinh", "linh_vuc": "Hộ tịch",
         "trinh_tu_thuc_hien": "\(steps)"}
        """.utf8)
    }

    static func steps(of text: String) -> String? {
        MarkdownSections(text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n"))
            .sections.first { $0.heading == "Trình tự thực hiện" }?.text
    }

    @Test func anUntouchedSectionFollowsTheSource() throws {
        let site = try ImportSite()
        site.run(.dvc, [try site.source("a.json", Self.record(steps: "Bước 1: Nộp hồ sơ."))])
        #expect(site.read(Self.path)?.contains("# Dấu bản nhập") == true)
        let (_, log) = site.run(.dvc, [try site.source("a.json", Self.record(steps: "Bước 1: Nộp hồ sơ trực tuyến."))])
        #expect(log.with("import.section-kept").isEmpty)
        #expect(Self.steps(of: try #require(site.read(Self.path))) == "Bước 1: Nộp hồ sơ trực tuyến.")
    }

    @Test func aSentenceTheEditorAddedIsKeptAndANewSourceTextIsReported() throws {
        let site = try ImportSite()
        site.run(.dvc, [try site.source("a.json", Self.record(steps: "Bước 1: Nộp hồ sơ."))])
        let imported = try #require(site.read(Self.path))
        let edited = imported.replacingOccurrences(of: "Bước 1: Nộp hồ sơ.\n", with: "Bước 1: Nộp hồ sơ.\n\nLưu ý: mang theo giấy chứng sinh bản chính.\n")
        try site.write(Self.path, edited)
        // The source says the same as before: the editor's version stays, nothing to report.
        let (_, same) = site.run(.dvc, [try site.source("a.json", Self.record(steps: "Bước 1: Nộp hồ sơ."))])
        #expect(same.with("import.section-kept").isEmpty)
        #expect(site.read(Self.path) == edited)
        // The source changed: still the editor's version, and a warning at the section's heading.
        let (_, changed) = site.run(.dvc, [try site.source("b.json", Self.record(steps: "Bước 1: Nộp hồ sơ trực tuyến."))])
        let warning = try #require(changed.with("import.section-kept").first)
        let headingLine = edited.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "## Trình tự thực hiện" }.map { $0 + 1 }
        #expect(warning.location == SourceLocation(path: Self.path, line: try #require(headingLine)))
        #expect(warning.message.hasPrefix("Mục “## Trình tự thực hiện” đã được sửa sau lần nhập trước"))
        #expect(warning.message.contains("b.json"))
        let text = try #require(site.read(Self.path))
        #expect(Self.steps(of: text) == "Bước 1: Nộp hồ sơ.\n\nLưu ý: mang theo giấy chứng sinh bản chính.")
        #expect(site.load().1.errorCount == 0)
        // Emptying the section under its heading takes the source's text.
        try site.write(Self.path, text.replacingOccurrences(of: "Bước 1: Nộp hồ sơ.\n\nLưu ý: mang theo giấy chứng sinh bản chính.\n", with: ""))
        let (_, taken) = site.run(.dvc, [try site.source("b.json", Self.record(steps: "Bước 1: Nộp hồ sơ trực tuyến."))])
        #expect(taken.with("import.section-kept").isEmpty)
        #expect(Self.steps(of: try #require(site.read(Self.path))) == "Bước 1: Nộp hồ sơ trực tuyến.")
    }

    @Test func aCatalogueImportInBetweenKeepsTheFingerprints() throws {
        let site = try ImportSite()
        site.run(.dvc, [try site.source("a.json", Self.record(steps: "Bước 1: Nộp hồ sơ."))])
        site.run(.csv, [try site.source("d.csv", Data("Mã TTHC;Tên thủ tục;Lĩnh vực\n1.001193;Thủ tục đăng ký khai sinh;Hộ tịch\n".utf8))])
        #expect(site.read(Self.path)?.contains("trinh-tu-thuc-hien=") == true)
        let (_, log) = site.run(.dvc, [try site.source("a.json", Self.record(steps: "Bước 1: Nộp hồ sơ trực tuyến."))])
        #expect(log.with("import.section-kept").isEmpty)
    }

    @Test func fingerprintsIgnoreWhatTheFileCannotKeep() {
        #expect(ImportMarks.fingerprint("a  \nb\n\n") == ImportMarks.fingerprint("\na\nb"))
        #expect(ImportMarks.fingerprint("a\nb") != ImportMarks.fingerprint("a\nc"))
        #expect(ImportMarks.fingerprint("").count == 16)
        var marks = ImportMarks()
        marks["Trình tự thực hiện"] = "00ff"
        marks["Thành phần hồ sơ"] = "abcd"
        let line = YAMLText.comment(try! #require(marks.comment))
        #expect(ImportMarks(commentLines: [line]) == marks)
    }
}
