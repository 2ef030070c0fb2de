import ArgumentParser
import CongKhaiBuild
import CongKhaiImport
import Foundation
import Testing
@testable import congkhai

@Suite("Argument errors and --help read in Vietnamese")
struct CLITextTests {
    /// What `congkhai ARGS` prints when parsing stops (an error, or the help screen).
    static func printed(_ arguments: [String]) -> String {
        do {
            // `--help` and `help new` parse to the parser's own help command, which prints when run.
            var command = try CongKhai.parseAsRoot(arguments)
            guard String(describing: type(of: command)) == "HelpCommand" else { return "" }
            try command.run()
            return ""
        } catch {
            return CLIText.vietnamese(CongKhai.fullMessage(for: error))
        }
    }

    static let english = ["Error:", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "OVERVIEW", "Usage:", "Show help",
                          "Show the version", "See '", "default:", "values:", "Unexpected", "Missing", "Unknown", "invalid", "Please"]

    static func englishLeft(_ text: String) -> [String] { english.filter { text.contains($0) } }

    @Test(arguments: [["--help"], ["new", "--help"], ["build", "--help"], ["serve", "--help"], ["check", "--help"],
                      ["import", "--help"], ["import", "csv", "--help"], ["theme", "--help"], ["theme", "export", "--help"], ["help", "new"]])
    func helpScreensHaveNoEnglishBoilerplate(_ arguments: [String]) {
        let text = Self.printed(arguments)
        #expect(text.contains("CÁCH DÙNG: congkhai"), "\(text)")
        #expect(Self.englishLeft(text).isEmpty, "\(arguments): \(Self.englishLeft(text))\n\(text)")
    }

    @Test func argumentErrorsAreTranslatedWithTheirValues() {
        let cases: [([String], String)] = [
            (["build", "thua"], "lỗi: Thừa tham số “thua”."),
            (["build", "a", "b"], "lỗi: Thừa 2 tham số: “a”, “b”."),
            (["new"], "lỗi: Thiếu tham số <loại>."),
            (["new", "foo"], "lỗi: Giá trị “foo” không hợp lệ cho <loại>. Chọn một trong:"),
            (["build", "--outptu", "x"], "lỗi: Không có tùy chọn “--outptu”. Có phải ý bạn là “--output”?"),
            (["serve", "--port"], "lỗi: Tùy chọn --port <port> cần một giá trị."),
            (["check", "--format", "xml"], "lỗi: Giá trị “xml” không hợp lệ cho --format <format>. Chọn một trong: text, json."),
            (["new", "site", "X", "--loai", "huyen"], "lỗi: Giá trị “huyen” không hợp lệ cho --loai <loai>."),
            (["build", "--force=yes"], "lỗi: Tùy chọn --force không nhận giá trị, nhưng đang có “yes”."),
        ]
        for (arguments, expected) in cases {
            let text = Self.printed(arguments)
            #expect(text.contains(expected), "\(arguments): \(text)")
            #expect(Self.englishLeft(text).isEmpty, "\(arguments): \(Self.englishLeft(text))\n\(text)")
            #expect(text.contains("Cách dùng: congkhai"), "\(text)")
        }
    }

    @Test func aWordThatIsNoCommandIsNamedAndInitPointsToNewSite() throws {
        let known = CongKhai.configuration.subcommands.map { $0._commandName }
        let initMessage = try #require(CLIText.unknownCommand(["init"], known: known))
        #expect(initMessage.contains("Không có lệnh “init”"))
        #expect(initMessage.contains("congkhai new site"))
        #expect(CLIText.unknownCommand(["buidl"], known: known)?.contains("Các lệnh: build, serve, check, new, import, theme") == true)
        #expect(CLIText.unknownCommand(["build", "x"], known: known) == nil)
        #expect(CLIText.unknownCommand(["--as-of", "2026-11-23"], known: known) == nil)
        #expect(CLIText.unknownCommand([], known: known) == nil)
    }

    @Test func newValidatesItsKindWithAnEnum() throws {
        let command = try #require(try CongKhai.parseAsRoot(["new", "cchc", "2026", "quy-1"]) as? NewCommand)
        #expect(command.kind == .file(.reform))
        #expect(try #require(try CongKhai.parseAsRoot(["new", "site", "Xã A"]) as? NewCommand).kind == .site)
        #expect(NewCommand.Kind.allValueStrings == ["site"] + Scaffold.Kind.allCases.map(\.rawValue) + ["tinh", "ci-tinh"], "the file kinds are Scaffold's own")
        #expect(try (CongKhai.parseAsRoot(["new", "ci-tinh"]) as? NewCommand)?.kind == .provinceCI)
        #expect(try (CongKhai.parseAsRoot(["new", "tinh", "Tỉnh A"]) as? NewCommand)?.kind == .province)
        let refused = Self.printed(["new", "huyen"])
        #expect(["site", "thu-tuc", "phi", "ngan-sach", "cchc", "cong-khai", "tin-tuc"].allSatisfy { refused.contains("  - \($0)\n") }, "\(refused)")
    }

    @Test func importTakesItsSourceAsAnEnumAndOneSourceOption() throws {
        let command = try #require(try CongKhai.parseAsRoot(["import", "xlsx", "a.xlsx", "b.xlsx", "--source", "../xa-khac"]) as? ImportCommand)
        #expect(command.kind == .xlsx && command.files == ["a.xlsx", "b.xlsx"] && command.site.source == "../xa-khac")
        #expect(Self.printed(["import", "pdf", "a.pdf"]).contains("lỗi: Giá trị “pdf” không hợp lệ cho <nguồn>. Chọn một trong: dvc, csv, xlsx."))
        #expect(Self.printed(["import", "csv"]).contains("Thiếu tệp cần nhập. Ví dụ: congkhai import csv danh-muc.csv"))
        let help = Self.printed(["import", "--help"])
        for kind in ImportKind.allCases { #expect(help.contains(kind.example), "\(help)") }
        // build, serve, check, new and import share one --source (SiteFolder).
        let build = try #require(try CongKhai.parseAsRoot(["build", "--source", "x"]) as? BuildCommand)
        let new = try #require(try CongKhai.parseAsRoot(["new", "phi", "le-phi", "--source", "x"]) as? NewCommand)
        #expect(build.site.folder.siteFolder == new.site.siteFolder)
    }

    @Test func aSiteAndAProvinceRefuseAnOutputFolderInTheSameWords() {
        let site = OutputRefusal.text(.overlapsSource("content"), output: "content/", source: "thư mục của trang hoặc nằm trong content/, templates/")
        #expect(site.message == "Thư mục kết quả content/ trùng với thư mục của trang hoặc nằm trong content/, templates/; dựng vào đó sẽ xóa chính nội dung.")
        let province = OutputRefusal.text(.unrecognisedMarker, output: "public/", source: "thư mục của tỉnh hoặc của một xã")
        #expect(province.message.contains("(rỗng, là thư mục, sai bảng mã hoặc không có danh sách tệp)"), "the province now says why, as the site did")
        #expect(OutputRefusal.text(.notCongKhaiOutput("anh"), output: "public/", source: "").message.contains("có “anh” không do CongKhai tạo"))
    }

    @Test func serveBindTakesOnlyIPv4Addresses() throws {
        #expect(ServeCommand.isIPv4("0.0.0.0") && ServeCommand.isIPv4("192.168.1.10") && ServeCommand.isIPv4("127.0.0.1"))
        #expect(!ServeCommand.isIPv4("256.1.1.1") && !ServeCommand.isIPv4("1.2.3") && !ServeCommand.isIPv4("localhost") && !ServeCommand.isIPv4("1.2.3.4.5") && !ServeCommand.isIPv4("١.2.3.4"))
        let serve = try #require(try CongKhai.parseAsRoot(["serve", "--bind", "0.0.0.0"]) as? ServeCommand)
        #expect(serve.bind == "0.0.0.0")
    }
}
