import CongKhaiModel

/// What the previous import wrote into each body section, kept as a fingerprint in one YAML
/// comment of the procedure file (the loader ignores comments; the import rewrites it):
///
///     # Dấu bản nhập (…): trinh-tu-thuc-hien=3f2a9c1b0d4e5f60; thanh-phan-ho-so=…
///
/// With it a re-import can tell a section the editor changed (its text no longer matches the
/// fingerprint) from one it may replace. Fingerprints are FNV-1a: a change detector, not a seal.
struct ImportMarks: Equatable {
    static let prefix = "# Dấu bản nhập"
    var fingerprints: [String: String] = [:]

    init() {}

    init(commentLines: [String]) {
        for line in commentLines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            for pair in line[line.index(after: colon)...].split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty { fingerprints[parts[0]] = parts[1] }
            }
        }
    }

    static func key(_ heading: String) -> String { TextFolding.slug(heading) }

    subscript(heading: String) -> String? {
        get { fingerprints[Self.key(heading)] }
        set { fingerprints[Self.key(heading)] = newValue }
    }

    /// The comment text (without `# `), sections in a fixed order so output stays byte-identical.
    var comment: String? {
        guard !fingerprints.isEmpty else { return nil }
        let pairs = fingerprints.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return String(Self.prefix.dropFirst(2)) + " (để nhận ra mục cán bộ đã sửa sau lần nhập; đừng sửa dòng này): " + pairs.joined(separator: "; ")
    }

    /// The text as the file will read back: NFC, no trailing spaces, no blank lines around it.
    static func canonical(_ text: String) -> String {
        text.nfc.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical(text).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The re-import policy for body sections the import fills, decided before the file is written:
///
/// - the file's section is empty, equals the new text, or still matches what the previous import
///   wrote (its fingerprint): the new text replaces it;
/// - the editor changed it and the source says the same as last time: the editor's text stays;
/// - the editor changed it (or the file has no fingerprint, so nobody can tell) and the source
///   now says something else: the editor's text stays and a warning names the file and section.
///
/// Nothing the editor wrote inside a section is removed without being reported.
enum SectionGuard {
    static func apply(_ draft: inout ProcedureDraft, existing: ExistingProcedureFile?, source: String, log: DiagnosticLog) {
        // Sections this import does not fill keep their fingerprints for the next import.
        var marks = existing?.importMarks ?? ImportMarks()
        var kept: Set<String> = []
        for section in draft.sections {
            let fresh = ImportMarks.fingerprint(section.text)
            marks[section.heading] = fresh
            guard let existing else { continue }
            let previous = existing.importMarks[section.heading]
            for (index, old) in existing.body.sections.enumerated() where MarkdownSections.owned(old.heading, by: section.heading) {
                let current = ImportMarks.canonical(old.text)
                if current.isEmpty || current == ImportMarks.canonical(section.text) || ImportMarks.fingerprint(current) == previous { continue }
                kept.insert(section.heading)
                if previous == fresh { continue }
                let line = existing.bodyLine + (existing.body.headingLines.indices.contains(index) ? existing.body.headingLines[index] : 0)
                let why = previous == nil
                    ? "khác với nội dung nhập từ \(source), và tệp chưa có dấu bản nhập nên không rõ đây là bản cán bộ đã sửa hay bản nhập cũ"
                    : "đã được sửa sau lần nhập trước, và nội dung nhập từ \(source) nay cũng khác"
                log.report(.warning("import.section-kept", at: SourceLocation(path: existing.path, line: line),
                                    "Mục “## \(old.heading)” \(why); đã giữ nguyên bản trong tệp, chưa ghi nội dung mới.",
                                    hint: "So sánh với nguồn nhập và tự sửa mục này; muốn lấy bản mới thì xóa nội dung dưới tiêu đề (giữ lại tiêu đề) rồi nhập lại."))
            }
        }
        draft.sections.removeAll { kept.contains($0.heading) }
        if let comment = marks.comment { draft.note("cap_nhat", comment) }
    }
}
