@testable import CongKhaiLoad
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let parts = try #require(FrontMatter.split("---\ntieu_de: A\nngay: 2025-01-02\n---\nDòng một\nDòng hai"))
        #expect(parts.hasFrontMatter)
        #expect(parts.yaml == "tieu_de: A\nngay: 2025-01-02")
        #expect(parts.yamlLine == 2)
        #expect(parts.body == "Dòng một\nDòng hai")
        #expect(parts.bodyLine == 5)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let parts = try #require(FrontMatter.split("Chỉ có nội dung"))
        #expect(!parts.hasFrontMatter)
        #expect(parts.body == "Chỉ có nội dung")
    }

    @Test func unclosedFrontMatterIsNil() {
        #expect(FrontMatter.split("---\ntieu_de: A\nkhông đóng") == nil)
    }

    @Test func acceptsDotsAsClosingFence() throws {
        let parts = try #require(FrontMatter.split("---\ntieu_de: A\n...\nThân"))
        #expect(parts.body == "Thân")
    }
}
