import CongKhaiModel

/// One pre-built list of the registry: all documents, one year, one kind, or one kind in one
/// year. Each is a page of its own, so filtering needs no script (as the province's `tong-hop/`).
public struct DocumentFilter: Sendable, Hashable {
    public var year: Int?
    public var kind: OfficialDocument.Kind?

    public init(year: Int? = nil, kind: OfficialDocument.Kind? = nil) {
        self.year = year
        self.kind = kind
    }

    public static let root = "van-ban/"

    /// `van-ban/`, `van-ban/2026/`, `van-ban/nghi-quyet/`, `van-ban/nghi-quyet/2026/`. A year's list
    /// is the year folder's own page; a kind's slug is never a year, so the two cannot meet.
    public var path: String {
        switch (year, kind) {
        case (nil, nil): return Self.root
        case let (year?, nil): return Self.root + "\(year)/"
        case let (nil, kind?): return Self.root + "\(kind.rawValue)/"
        case let (year?, kind?): return Self.root + "\(kind.rawValue)/\(year)/"
        }
    }

    /// `Văn bản năm 2026`, `Nghị quyết`, `Nghị quyết năm 2026`.
    public var title: String {
        switch (year, kind) {
        case (nil, nil): return "Văn bản"
        case let (year?, nil): return "Văn bản năm \(year)"
        case let (nil, kind?): return kind.label
        case let (year?, kind?): return "\(kind.label) năm \(year)"
        }
    }

    public func matches(_ document: OfficialDocument) -> Bool {
        (year == nil || document.year == year) && (kind == nil || document.kind == kind)
    }

    /// Every list worth a page: all, each year, each kind, and each kind in a year that has one.
    public static func all(in registry: DocumentRegistry) -> [DocumentFilter] {
        var filters = [DocumentFilter()]
        filters += registry.years.map { DocumentFilter(year: $0) }
        for kind in registry.kinds {
            filters.append(DocumentFilter(kind: kind))
            for year in registry.years where registry.documents.contains(where: { $0.kind == kind && $0.year == year }) {
                filters.append(DocumentFilter(year: year, kind: kind))
            }
        }
        return filters
    }
}
