@testable import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// No path written in content reads or writes outside the site's content/ and the output
/// folder: `../`, absolute paths and symbolic links pointing out are refused or lead nowhere.
@Suite("Security: paths stay inside the site")
struct PathConfinementTests {
    static let secret = "MẬT-KHẨU-BÍ-MẬT-42"

    /// A site beside a secret file, with every way content names a file aimed at it.
    static func hostileSite() throws -> (site: TestSite, secretFile: URL) {
        let procedure = try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("content/thu-tuc/ho-tich/1.000656.md"), encoding: .utf8)
            .replacingOccurrences(of: "tep: \"to-khai-dang-ky-khai-tu.docx\"", with: "tep: \"../../../bi-mat.txt\"")
            .replacingOccurrences(of: "ma: \"1.000656\"", with: "ma: \"../../../../../tmp/1.000656\"")
        let site = try TestSite.minimal([
            "bi-mat.txt": secret,
            "content/trang.md": """
                ---
                tieu_de: Trang
                bo_cuc: ../../bi-mat
                ---
                [a](../bi-mat.txt) [b](../../../../../../etc/passwd) [c](/etc/passwd) [d](file:///etc/passwd)
                ![e](../bi-mat.txt) [f](%2e%2e/bi-mat.txt) [g](..%2fbi-mat.txt)

                """,
            "content/thu-tuc/ho-tich/1.000656.md": procedure,
        ])
        let secretFile = site.folder.appendingPathComponent("bi-mat.txt")
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("content/lien-ket.txt").path,
                                                   withDestinationPath: "../bi-mat.txt")
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("content/tuyet-doi.pdf").path,
                                                   withDestinationPath: secretFile.path)
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("content/thu-muc").path,
                                                   withDestinationPath: "..")
        return (site, secretFile)
    }

    @Test func everyPathOutOfContentIsReportedAndNothingOutsideIsPublished() throws {
        let (site, _) = try Self.hostileSite()
        let result = site.build()
        let outside = Set(result.diagnostics("path.outside").map(\.location.path))
        #expect(outside == ["content/lien-ket.txt", "content/tuyet-doi.pdf", "content/thu-muc", "content/thu-tuc/ho-tich/1.000656.md"])
        #expect(result.diagnostics("link.broken").count == 6)
        #expect(result.diagnostics("link.missing-image").count == 1)
        #expect(result.diagnostics("template.unknown-layout").count == 1)
        for file in result.files {
            let segments = file.path.split(separator: "/", omittingEmptySubsequences: false)
            #expect(!file.path.hasPrefix("/") && !segments.contains("..") && !segments.contains(""), "\(file.path)")
            switch file.body {
            case let .bytes(data):
                #expect(data.range(of: Data(Self.secret.utf8)) == nil, "\(file.path) holds the secret")
            case let .copy(source):
                let real = source.resolvingSymlinksInPath().path
                #expect(real.hasPrefix(site.folder.appendingPathComponent("content").resolvingSymlinksInPath().path + "/")
                        || real.hasPrefix(TestSite.repositoryRoot.appendingPathComponent("templates").path + "/")
                        || real.hasPrefix(site.folder.appendingPathComponent("templates").path + "/"), "\(file.path) copies \(real)")
            }
        }
    }

    @Test func writingStaysInsideTheOutputFolder() throws {
        let (site, _) = try Self.hostileSite()
        let before = try Self.listing(site.folder, excluding: "public")
        let result = site.build()
        #expect(OutputWriter.write(result.files, to: site.output, force: false, source: site.folder) == nil)
        #expect(try Self.listing(site.folder, excluding: "public") == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/1.000656"))
    }

    @Test func outputNeverReplacesTheSiteItsContentOrItsTemplates() throws {
        let site = try TestSite.minimal()
        let result = site.build()
        for output in [site.folder, site.folder.deletingLastPathComponent(), site.folder.appendingPathComponent("content"),
                       site.folder.appendingPathComponent("content/public"), site.folder.appendingPathComponent("templates/x")] {
            let failure = OutputWriter.write(result.files, to: output, force: true, source: site.folder)
            #expect(failure == .overlapsSource(output.standardizedFileURL.resolvingSymlinksInPath().path), "\(output.path)")
        }
        #expect(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("content/site.yaml").path))
        #expect(OutputWriter.write(result.files, to: site.output, force: false, source: site.folder) == nil)
    }

    static func listing(_ folder: URL, excluding: String) throws -> [String] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return names.filter { $0 != excluding && !$0.hasPrefix(excluding + "/") && !$0.hasPrefix("templates/") }.sorted()
    }
}

/// The output folder is replaced only when CongKhai wrote everything in it.
@Suite("Security: output folder refusal")
struct OutputFolderRefusalTests {
    @Test func refusesAFileAddedByHandToAPreviousOutput() throws {
        let site = try TestSite.minimal()
        let result = site.build()
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == nil)
        try site.write("public/tin-tuc/bao-cao-quan-trong.docx", "của cán bộ")
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == .notCongKhaiOutput("tin-tuc/bao-cao-quan-trong.docx"))
        #expect(site.read("tin-tuc/bao-cao-quan-trong.docx") == "của cán bộ")
        #expect(OutputWriter.write(result.files, to: site.output, force: true) == nil)
        #expect(site.read("tin-tuc/bao-cao-quan-trong.docx") == nil)
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == nil)
    }

    @Test func refusesToReplaceAFileWithTheOutputFolder() throws {
        let site = try TestSite.minimal()
        try site.write("public", "một tệp tên public")
        let result = site.build()
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == .notCongKhaiOutput("public"))
        #expect(try String(contentsOf: site.output, encoding: .utf8) == "một tệp tên public")
    }

    /// A marker that CongKhai did not write vouches for nothing: the user's files stay.
    @Test(arguments: [
        ("rỗng", Data()),
        ("không có danh sách tệp", Data("Thư mục này do CongKhai tạo ra.\n".utf8)),
        ("chỉ có dòng đầu", Data(OutputWriter.markerText.utf8)),
        ("UTF-16", (OutputWriter.markerText + "index.html\n").data(using: .utf16)!),
        ("đường dẫn ra ngoài", Data((OutputWriter.markerText + "../bi-mat.docx\n").utf8)),
        ("dòng cuối không xuống dòng", Data((OutputWriter.markerText + "index.html").utf8)),
    ])
    func aMarkerCongKhaiDidNotWriteVouchesForNothing(_ name: String, _ marker: Data) throws {
        let site = try TestSite.minimal()
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try marker.write(to: site.output.appendingPathComponent(OutputWriter.markerName))
        try site.write("public/index.html", "của người dùng")
        let result = site.build()
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == .unrecognisedMarker, "\(name)")
        #expect(site.read("index.html") == "của người dùng")
        #expect(OutputWriter.write(result.files, to: site.output, force: true) == nil)
        #expect(site.read("index.html") != "của người dùng")
    }

    @Test func aMarkerThatIsAFolderVouchesForNothing() throws {
        let site = try TestSite.minimal()
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent(OutputWriter.markerName), withIntermediateDirectories: true)
        try site.write("public/index.html", "của người dùng")
        let result = site.build()
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == .unrecognisedMarker)
        #expect(site.read("index.html") == "của người dùng")
    }

    @Test func theMarkerCongKhaiWritesVouchesForWhatItLists() throws {
        let site = try TestSite.minimal()
        let result = site.build()
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == nil)
        let listed = OutputWriter.listedFiles(inMarker: site.output.appendingPathComponent(OutputWriter.markerName))
        #expect(listed == Set(result.files.map(\.path)))
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == nil)
    }
}
