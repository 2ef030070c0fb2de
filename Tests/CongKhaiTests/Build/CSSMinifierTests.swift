@testable import CongKhaiBuild
import Testing

@Suite("CSS minifier")
struct CSSMinifierTests {
    @Test func dropsCommentsAndLayoutWhitespace() {
        let css = "/* màu */\n:root {\n  --x: #fff; /* chú thích */\n}\n@media (min-width: 40em) {\n  ul > li,\n  a:hover { color: red; }\n}\n"
        #expect(CSSMinifier.minify(css) == ":root{--x:#fff}@media (min-width:40em){ul>li,a:hover{color:red}}\n")
    }

    @Test func keepsStringsAndMeaningfulSpaces() {
        let css = "a[href^=\"http\"]::after { content: \" (\" attr(href) \")\"; }\n.x :is(p, li) { width: calc(100% - 2rem); }\n"
        #expect(CSSMinifier.minify(css) == "a[href^=\"http\"]::after{content:\" (\" attr(href) \")\"}.x :is(p,li){width:calc(100% - 2rem)}\n")
    }
}
