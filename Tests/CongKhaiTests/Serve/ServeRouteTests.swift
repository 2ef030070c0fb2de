import CongKhaiServe
import Foundation
import Testing

@Suite("serve: request paths and the reload script")
struct ServeRouteTests {
    let built: Set<String> = ["index.html", "thu-tuc/index.html", "thu-tuc/ho-tich/1.001193/index.html", "assets/style.css", "tin-tuc/lễ-hội/index.html"]

    func resolve(_ path: String) -> ServeRoute {
        ServeRoute.resolve(path, exists: built.contains)
    }

    @Test func foldersAndFiles() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/thu-tuc/") == .file("thu-tuc/index.html"))
        #expect(resolve("/thu-tuc/ho-tich/1.001193/") == .file("thu-tuc/ho-tich/1.001193/index.html"))
        #expect(resolve("/assets/style.css?v=2") == .file("assets/style.css"))
        #expect(resolve("/tin-tuc/l%E1%BB%85-h%E1%BB%99i/") == .file("tin-tuc/lễ-hội/index.html"))
    }

    @Test func aFolderWithoutItsSlashIsRedirectedSoRelativeLinksWork() {
        #expect(resolve("/thu-tuc") == .redirect("/thu-tuc/"))
    }

    @Test func nothingOutsideTheBuiltSite() {
        #expect(resolve("/../../etc/passwd") == .notFound)
        #expect(resolve("/%2e%2e/%2e%2e/etc/passwd") == .notFound)
        #expect(resolve("/khong-co/") == .notFound)
    }

    @Test func theReloadScriptGoesBeforeTheLastBodyEnd() {
        let html = Data("<html><body><p>&lt;/body&gt;</p></body></html>".utf8)
        let served = String(decoding: ServeRoute.injectingReloadScript(into: html), as: UTF8.self)
        #expect(served == "<html><body><p>&lt;/body&gt;</p><script src=\"/_congkhai/tai-lai.js\"></script></body></html>")
    }

    @Test func builtFilesNeverCarryTheReloadScript() throws {
        let site = try TestSite.minimal()
        let result = site.build()
        for file in result.files {
            guard case let .bytes(data) = file.body else { continue }
            #expect(!String(decoding: data, as: UTF8.self).contains("_congkhai"), "\(file.path)")
        }
    }
}
