import CongKhaiModel
import Foundation

/// Attachments are published byte for byte, so a file a browser runs (an HTML page, a script,
/// an SVG with a script or an event handler) would run with every right of the commune's site.
/// Such files are refused; a plain SVG drawing is published as usual.
enum ActiveAttachment {
    static let runnableExtensions: Set<String> = ["html", "htm", "xhtml", "shtml", "js", "mjs"]
    /// What makes an SVG run code, besides event handlers: a script, a `javascript:` link, embedded HTML.
    static let svgMarkers = ["<script", "javascript:", "<foreignobject"]

    /// true when the file may be published; otherwise the reason is reported.
    static func allows(_ file: ContentFile, log: DiagnosticLog) -> Bool {
        let ext = file.url.pathExtension.lowercased()
        if runnableExtensions.contains(ext) {
            log.report(.error("attachment.active", at: SourceLocation(path: file.displayPath),
                              "Tệp .\(ext) chạy được mã trên trang nên CongKhai không đăng nguyên văn.",
                              hint: "Viết nội dung thành trang .md; nếu là tài liệu, đăng bản .pdf."))
            return false
        }
        guard ext == "svg" else { return true }
        guard file.size <= SourceText.maximumBytes,
              let data = FileManager.default.contents(atPath: file.url.path),
              let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else { return true }
        guard runs(svg: text) else { return true }
        log.report(.error("attachment.active", at: SourceLocation(path: file.displayPath),
                          "Hình SVG này có mã chạy được (script, onload=..., javascript:) nên không được đăng.",
                          hint: "Xuất lại hình từ phần mềm vẽ ở dạng SVG thường, hoặc dùng ảnh .png."))
        return false
    }

    /// A script marker, or an attribute `on...=` (onload, onclick) after white space.
    static func runs(svg text: String) -> Bool {
        let lower = Array(text.lowercased().unicodeScalars)
        if svgMarkers.contains(where: { text.lowercased().contains($0) }) { return true }
        var index = 1
        while index + 2 < lower.count {
            defer { index += 1 }
            guard lower[index] == "o", lower[index + 1] == "n", lower[index - 1].properties.isWhitespace else { continue }
            var end = index + 2
            while end < lower.count, ("a"..."z").contains(lower[end]) { end += 1 }
            guard end > index + 2 else { continue }
            while end < lower.count, lower[end].properties.isWhitespace { end += 1 }
            if end < lower.count, lower[end] == "=" { return true }
        }
        return false
    }
}
