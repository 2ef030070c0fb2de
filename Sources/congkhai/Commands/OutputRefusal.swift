import CongKhaiBuild

/// Why `build` left the output folder as it was, in the same words for a commune's site and
/// for a province (which differ only in what the folder must not overlap).
enum OutputRefusal {
    static func fail(_ failure: OutputWriter.Failure, output shown: String, source: String) -> Never {
        let (message, hint) = text(failure, output: shown, source: source)
        Terminal.fail(message, hint: hint)
    }

    static func text(_ failure: OutputWriter.Failure, output shown: String, source: String) -> (message: String, hint: String) {
        let elsewhere = "Chọn thư mục khác bằng --output, hoặc thêm --force nếu chắc chắn muốn thay toàn bộ."
        switch failure {
        case let .notCongKhaiOutput(name):
            return ("Thư mục \(shown) có “\(name)” không do CongKhai tạo, nên không xóa nó.", elsewhere)
        case .unrecognisedMarker:
            return ("Thư mục \(shown) có tệp “\(OutputWriter.markerName)” nhưng không phải do CongKhai ghi (rỗng, là thư mục, sai bảng mã hoặc không có danh sách tệp), nên không xóa thư mục này.", elsewhere)
        case .overlapsSource:
            return ("Thư mục kết quả \(shown) trùng với \(source); dựng vào đó sẽ xóa chính nội dung.",
                    "Chọn một thư mục riêng bằng --output, ví dụ --output public.")
        case let .writeFailed(reason):
            return ("Không ghi được kết quả vào \(shown): \(reason)", "Kiểm tra quyền ghi và dung lượng đĩa. Thư mục cũ được giữ nguyên.")
        }
    }
}
