import CongKhaiModel

extension MappingReader {
    /// Reads a posting window (`niem_yet: {tu, den, noi}`) and reports one that ends before it starts.
    public func postingWindow(_ key: String, _ label: String) -> PostingWindow? {
        guard let board = mapping(key, label) else { return nil }
        defer { board.finish(context: label) }
        let window = PostingWindow(from: board.date("tu", "ngày bắt đầu niêm yết"), to: board.date("den", "ngày kết thúc niêm yết"),
                                   place: board.string("noi", "nơi niêm yết"), line: board.start.line)
        if let from = window.from, let to = window.to, to < from {
            log.report(.error("posting.dates", at: board.start,
                              "Ngày kết thúc niêm yết \(to.vietnamese) trước ngày bắt đầu \(from.vietnamese).",
                              hint: "Kiểm tra lại “tu” và “den” trong “\(key)”."))
        }
        return window
    }
}
