import CongKhaiModel
import Foundation

/// Attachments are published byte for byte on the commune's own origin, so a file that a
/// browser or a web server would run (an HTML page, a script, a PHP or ASP page, a server
/// configuration, an XML document with XHTML script, an SVG with a script) would run with
/// every right of the site. Only the kinds of file a commune publishes are let through, by
/// extension; an SVG is also read as XML and refused when anything in it can run.
enum ActiveAttachment {
    /// What a commune publishes: documents, pictures, archives, sound and video.
    static let published: Set<String> = [
        "pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "odp", "ppt", "pptx", "txt", "csv", "rtf",
        "png", "jpg", "jpeg", "gif", "webp", "svg",
        "zip", "rar", "7z",
        "mp3", "mp4", "ogg", "webm", "wav", "m4a",
    ]

    /// Refused with their own message because a browser or a web server runs them; any other
    /// extension outside `published` is refused as unknown.
    static let runnable: Set<String> = [
        "html", "htm", "xhtml", "xht", "shtml", "shtm", "xml", "xsl", "xslt", "svgz", "js", "mjs", "cjs",
        "php", "php3", "php4", "php5", "php7", "phtml", "phar", "asp", "aspx", "ascx", "ashx", "asmx",
        "cshtml", "config", "htaccess", "jsp", "jspx", "cgi", "pl", "py", "rb", "sh", "bash",
        "exe", "bat", "cmd", "com", "msi", "ps1", "vbs", "wsf", "jar", "swf", "hta",
    ]

    /// true when the file may be published; otherwise the reason is reported at the file.
    static func allows(_ file: ContentFile, log: DiagnosticLog) -> Bool {
        let ext = file.url.pathExtension.lowercased()
        let location = SourceLocation(path: file.displayPath)
        guard published.contains(ext) else {
            if runnable.contains(ext) {
                log.report(.error("attachment.active", at: location,
                                  "Tệp .\(ext) chạy được mã trên trình duyệt hoặc máy chủ web nên CongKhai không đăng nguyên văn.",
                                  hint: "Viết nội dung thành trang .md; nếu là tài liệu, đăng bản .pdf."))
            } else {
                let kind = ext.isEmpty ? "Tệp không có đuôi" : "Loại tệp .\(ext)"
                log.report(.error("attachment.type", at: location,
                                  "\(kind) không nằm trong các loại CongKhai đăng (tài liệu, hình ảnh, tệp nén, âm thanh, video).",
                                  hint: "Đổi sang .pdf, .docx, .xlsx, .png, .jpg, .zip hoặc .mp4; nếu không cần đăng, chuyển tệp ra khỏi content/."))
            }
            return false
        }
        guard ext == "svg" else { return true }
        guard let data = FileManager.default.contents(atPath: file.filePath) else {
            log.report(.error("attachment.unreadable", at: location, "Không đọc được hình SVG này.",
                              hint: "Kiểm tra quyền đọc tệp, hoặc xuất lại hình."))
            return false
        }
        guard let problem = SVGInspector.problem(in: data) else { return true }
        log.report(.error("attachment.active", at: location,
                          "Hình SVG này không được đăng: \(problem.vietnamese).",
                          hint: "Xuất lại hình từ phần mềm vẽ ở dạng SVG thường (không script, không liên kết javascript:/data:), hoặc dùng ảnh .png."))
        return false
    }
}
