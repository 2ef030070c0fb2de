@testable import CongKhaiLoad
import Foundation
import Testing

/// Only what a commune publishes is copied to the site; an SVG is read as XML and refused when
/// anything in it can run. One test per bypass that passed the old text search.
@Suite("Security: attachment policy")
struct AttachmentPolicyTests {
    static let svgNamespace = "xmlns=\"http://www.w3.org/2000/svg\""

    func problem(_ text: String) -> SVGInspector.Problem? {
        SVGInspector.problem(in: Data(text.utf8))
    }

    @Test func aPlainDrawingIsPublished() {
        #expect(problem("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg \(Self.svgNamespace) xmlns:xlink=\"http://www.w3.org/1999/xlink\"><defs><linearGradient id=\"g\"/></defs><rect fill=\"url(#g)\" width=\"1\" height=\"1\"/><a xlink:href=\"https://lamdong.gov.vn/\"><text>data: 2024</text></a><style>rect { fill: #fff; }</style></svg>") == nil)
    }

    @Test func scriptBehindANamespacePrefix() {
        #expect(problem("<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"><s:script>alert(1)</s:script></s:svg>") == .element("s:script"))
        #expect(problem("<svg \(Self.svgNamespace) xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:script>alert(1)</h:script></svg>") == .element("h:script"))
        #expect(problem("<svg \(Self.svgNamespace)><x:foreignObject xmlns:x=\"http://www.w3.org/2000/svg\"><p/></x:foreignObject></svg>") == .element("x:foreignObject"))
    }

    @Test func scriptInUTF16WithAndWithoutByteOrderMark() {
        let svg = "<svg \(Self.svgNamespace)><script>alert(1)</script></svg>"
        let withBOM = svg.data(using: .utf16)!
        let littleEndian = svg.data(using: .utf16LittleEndian)!
        let bigEndian = svg.data(using: .utf16BigEndian)!
        let declared = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\(svg)".data(using: .utf16LittleEndian)!
        for data in [withBOM, littleEndian, bigEndian, declared] {
            #expect(SVGInspector.problem(in: data) == .element("script"))
        }
        #expect(SVGInspector.problem(in: "<svg \(Self.svgNamespace)><rect/></svg>".data(using: .utf16)!) == nil)
    }

    @Test func scriptBehindAnEntityOrAnyDeclaration() {
        let entity = "<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;alert(1)&#60;/script&#62;\">]><svg \(Self.svgNamespace)>&x;</svg>"
        #expect(problem(entity) == .declarations)
        #expect(problem("<!doctype svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\"><svg \(Self.svgNamespace)/>") == .declarations)
        #expect(SVGInspector.problem(in: entity.data(using: .utf16BigEndian)!) == .declarations)
        // An entity used without a declaration is not XML: refused, never guessed at.
        #expect(problem("<svg \(Self.svgNamespace)>&x;</svg>") != nil)
    }

    @Test func scriptAfterMoreThanEightMegabytesOfPadding() {
        let padding = String(repeating: "a", count: 9 * 1024 * 1024)
        #expect(problem("<svg \(Self.svgNamespace)><!--\(padding)--><script>alert(1)</script></svg>") == .element("script"))
        #expect(problem("<svg \(Self.svgNamespace)><desc>\(padding)</desc><rect onload=\"alert(1)\"/></svg>") == .eventAttribute("onload"))
    }

    @Test func eventAttributesInAnyCaseOrPrefix() {
        #expect(problem("<svg \(Self.svgNamespace) ONLOAD=\"alert(1)\"/>") == .eventAttribute("ONLOAD"))
        #expect(problem("<svg \(Self.svgNamespace) xmlns:e=\"http://www.w3.org/2001/xml-events\"><rect e:onclick=\"alert(1)\"/></svg>") == .eventAttribute("e:onclick"))
        #expect(problem("<svg \(Self.svgNamespace)><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>") == .eventAttribute("onmouseover"))
    }

    @Test func javascriptAndDataReferences() {
        #expect(problem("<svg \(Self.svgNamespace) xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"java&#x09;script:alert(1)\"><text>x</text></a></svg>") != nil)
        #expect(problem("<svg \(Self.svgNamespace)><a href=\" JavaScript:alert(1)\"/></svg>") != nil)
        #expect(problem("<svg \(Self.svgNamespace)><image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/></svg>") != nil)
        #expect(problem("<svg \(Self.svgNamespace)><rect style=\"fill: url(javascript:alert(1))\"/></svg>") != nil)
        #expect(problem("<svg \(Self.svgNamespace)><rect style=\"background: url(data:image/png;base64,AAAA)\"/></svg>") != nil)
        #expect(problem("<svg \(Self.svgNamespace)><style><![CDATA[ rect { background: url('javascript:alert(1)') } ]]></style></svg>") == .reference("<style>"))
        #expect(problem("<svg \(Self.svgNamespace)><animate attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>") != nil)
    }

    @Test func processingInstructionsAndBrokenXMLAreRefused() {
        #expect(problem("<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?><svg \(Self.svgNamespace)/>") == .processingInstruction("xml-stylesheet"))
        if case .unparseable = problem("<svg \(Self.svgNamespace)><rect></svg>") {} else { Issue.record("a broken SVG must be refused") }
        #expect(SVGInspector.problem(in: Data([0xFF, 0xFE, 0x00, 0x00, 0x3C, 0, 0, 0])) == .undecodable)
    }

    /// Each runs in a browser or on a PHP/IIS/CGI host when served from the commune's origin.
    @Test(arguments: ["html", "htm", "xhtml", "xht", "shtml", "xml", "svgz", "js", "mjs", "php", "phtml", "aspx", "asp", "config", "jsp", "cgi", "pl", "py", "sh", "exe", "bat"])
    func runnableExtensionsAreRefused(_ ext: String) throws {
        let name = ext == "config" ? "web.config" : "tep.\(ext)"
        let site = try TestSite.minimal(["content/tai-lieu/\(name)": "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>\n"])
        let result = site.build()
        #expect(result.diagnostics("attachment.active").map(\.location.path) == ["content/tai-lieu/\(name)"])
        #expect(!result.files.contains { $0.path.hasPrefix("tai-lieu/") && !$0.path.hasSuffix("index.html") })
    }

    @Test(arguments: ["dwg", "iso", "dmg", "", "lnk"])
    func unknownExtensionsAreRefusedWithTheFileNamed(_ ext: String) throws {
        let name = ext.isEmpty ? "khong-duoi" : "tep.\(ext)"
        let site = try TestSite.minimal(["content/\(name)": "x"])
        let result = site.build()
        let found = result.diagnostics("attachment.type")
        #expect(found.map(\.location.path) == ["content/\(name)"])
        #expect(found.first?.hint?.contains(".pdf") == true)
    }

    @Test(arguments: ["pdf", "docx", "xlsx", "odt", "pptx", "txt", "rtf", "png", "jpg", "jpeg", "gif", "webp", "zip", "rar", "7z", "mp3", "mp4", "ogg", "webm", "wav", "m4a"])
    func whatACommunePublishesIsPublished(_ ext: String) throws {
        let site = try TestSite.minimal(["content/tai-lieu/tep.\(ext)": "nội dung"])
        let result = site.build()
        #expect(result.diagnostics.filter { $0.key.hasPrefix("attachment.") && $0.key != "attachment.large" }.isEmpty)
        #expect(result.files.contains { $0.path == "tai-lieu/tep.\(ext)" })
    }

    @Test func dotFilesSuchAsHtaccessAreNeverPublished() throws {
        let site = try TestSite.minimal(["content/.htaccess": "AddHandler php-script .pdf\n", "content/.user.ini": "auto_prepend_file=x\n"])
        let result = site.build()
        #expect(!result.files.contains { $0.path.hasPrefix(".") })
    }

    @Test func aRefusedSVGIsNamedAtItsFile() throws {
        let site = try TestSite.minimal([
            "content/ban-do.svg": "<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"><s:script>alert(1)</s:script></s:svg>",
            "content/hinh.svg": "<svg \(Self.svgNamespace)><rect width=\"1\" height=\"1\"/></svg>",
        ])
        let result = site.build()
        #expect(result.diagnostics("attachment.active").map(\.location.path) == ["content/ban-do.svg"])
        #expect(result.diagnostics("attachment.active").first?.message.contains("s:script") == true)
        #expect(result.files.contains { $0.path == "hinh.svg" })
        #expect(!result.files.contains { $0.path == "ban-do.svg" })
    }
}
