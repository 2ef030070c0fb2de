import CongKhaiModel

/// The commune's documents with their links resolved both ways: a document knows what it
/// replaced and what replaced it, whichever of the two files the editor wrote the link in.
public struct DocumentRegistry: Sendable {
    /// Newest first (issue date, then number), the order of every list of documents.
    public let documents: [OfficialDocument]
    private let byKey: [String: Int]
    /// Key of a document → keys of the documents that replace it / amend it (from either side).
    private let replacers: [String: [String]]
    private let amenders: [String: [String]]

    public init(_ documents: [OfficialDocument]) {
        let sorted = documents.sorted { a, b in
            let (ka, kb) = (a.issued?.dayNumber ?? Int.min, b.issued?.dayNumber ?? Int.min)
            return ka != kb ? ka > kb : (a.number, a.source) < (b.number, b.source)
        }
        self.documents = sorted
        var byKey: [String: Int] = [:]
        for (index, document) in sorted.enumerated() where byKey[DocumentNumber.key(document.number)] == nil {
            byKey[DocumentNumber.key(document.number)] = index
        }
        self.byKey = byKey
        var replacers: [String: [String]] = [:]
        var amenders: [String: [String]] = [:]
        func link(_ map: inout [String: [String]], _ target: String, _ by: String) {
            if !(map[target] ?? []).contains(by) { map[target, default: []].append(by) }
        }
        for document in sorted {
            let key = DocumentNumber.key(document.number)
            for old in document.replaces { link(&replacers, DocumentNumber.key(old), key) }
            if let newer = document.replacedBy { link(&replacers, key, DocumentNumber.key(newer)) }
            for old in document.amends { link(&amenders, DocumentNumber.key(old), key) }
        }
        self.replacers = replacers
        self.amenders = amenders
    }

    public var isEmpty: Bool { documents.isEmpty }

    public func document(number: String) -> OfficialDocument? {
        byKey[DocumentNumber.key(number)].map { documents[$0] }
    }

    /// What replaced `document`: found documents, and numbers not in the registry as they were written.
    public func replacements(of document: OfficialDocument) -> [Link] {
        links(replacers[DocumentNumber.key(document.number)] ?? [], written: [document.replacedBy].compactMap { $0 })
    }

    /// What amended `document`.
    public func amendments(of document: OfficialDocument) -> [Link] {
        links(amenders[DocumentNumber.key(document.number)] ?? [], written: [])
    }

    /// What `document` replaced, and what it amended, as the editor listed them.
    public func replaced(by document: OfficialDocument) -> [Link] { links([], written: document.replaces) }
    public func amended(by document: OfficialDocument) -> [Link] { links([], written: document.amends) }

    /// A link to another document: the document when the registry has it, else only its number.
    public struct Link: Sendable, Hashable {
        public var number: String
        public var document: OfficialDocument?
    }

    private func links(_ keys: [String], written: [String]) -> [Link] {
        var seen = Set<String>()
        var result: [Link] = []
        for text in written + keys.compactMap({ byKey[$0].map { documents[$0].number } ?? $0 }) {
            let key = DocumentNumber.key(text)
            guard seen.insert(key).inserted else { continue }
            let found = byKey[key].map { documents[$0] }
            result.append(Link(number: found?.number ?? text, document: found))
        }
        return result
    }

    /// The status shown for `document` on `asOf`: what the editor wrote, else what the links
    /// and dates say. A document in force whose effective date is still to come is "chưa có hiệu lực".
    public func status(of document: OfficialDocument, asOf: CalendarDate) -> OfficialDocument.Status {
        let status = document.statedStatus ?? derivedStatus(of: document, asOf: asOf)
        if status == .inForce || status == .amended, let effective = document.effective, effective > asOf { return .notYetInForce }
        return status
    }

    /// The status the links and dates give, ignoring what the editor wrote.
    public func derivedStatus(of document: OfficialDocument, asOf: CalendarDate) -> OfficialDocument.Status {
        if !replacements(of: document).isEmpty { return .replaced }
        if let expires = document.expires, expires <= asOf { return .expired }
        if !amendments(of: document).isEmpty { return .amended }
        return .inForce
    }

    /// The years documents were issued in, newest first.
    public var years: [Int] {
        Array(Set(documents.compactMap(\.year))).sorted(by: >)
    }

    /// The kinds present, in the order of `Kind.allCases`.
    public var kinds: [OfficialDocument.Kind] {
        let present = Set(documents.compactMap(\.kind))
        return OfficialDocument.Kind.allCases.filter(present.contains)
    }
}
