import CongKhaiLoad
import CongKhaiModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the last successful `build` of an output was made from and what it left: kept beside
/// the output (`.public.ban-ghi`, mode 0600) so the next build can tell that nothing changed
/// (`UnchangedBuild`). A binary file ending in a hash of everything before it: a record that
/// is cut short, edited or from another version reads as nil and the build simply runs.
struct BuildRecord: Equatable {
    /// The tool, its options and environment (`UnchangedBuild.settings`), compared as bytes.
    var settings: [UInt8]
    /// When the inputs were first looked at (ns since 1970): an input changed at about that
    /// time may have changed again within one tick of the file system clock, so it is hashed.
    var stamp: Int64
    /// When the output was walked for this record (ns since 1970).
    var outputStamp: Int64
    var content: [TreeEntry]
    /// Empty when the site has no `templates/` (the theme in the binary alone).
    var templates: [TreeEntry]
    var output: [TreeEntry]
    var pageCount: Int
    var fileCount: Int
    /// Replayed on an unchanged rebuild, so an editor never reads "0 cảnh báo" while warnings stand.
    var diagnostics: [Diagnostic]

    static let suffix = ".ban-ghi"
    private static let magic = Array("CONGKHAI-BAN-GHI-2\n".utf8)
    /// A record larger than this is not one CongKhai wrote (about 150 bytes per file).
    private static let sizeLimit = 1 << 30

    /// `.public.ban-ghi` beside `public/`.
    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)\(suffix)")
    }

    // MARK: Writing

    func encoded() -> [UInt8] {
        var out = ByteWriter()
        out.bytes.append(contentsOf: Self.magic)
        out.data(settings)
        out.integer(UInt64(bitPattern: stamp))
        out.integer(UInt64(bitPattern: outputStamp))
        for tree in [content, templates, output] {
            out.integer(UInt64(tree.count))
            for entry in tree { out.entry(entry) }
        }
        out.integer(UInt64(pageCount))
        out.integer(UInt64(fileCount))
        out.integer(UInt64(diagnostics.count))
        for diagnostic in diagnostics {
            out.integer(diagnostic.severity == .error ? 1 : 0)
            out.text(diagnostic.key)
            out.text(diagnostic.location.path)
            out.integer(UInt64(clamping: max(0, diagnostic.location.line)))
            out.integer(UInt64(clamping: max(0, diagnostic.location.column)))
            out.text(diagnostic.message)
            out.integer(diagnostic.hint == nil ? 0 : 1)
            out.text(diagnostic.hint ?? "")
            out.text(diagnostic.stage?.rawValue ?? "")
        }
        out.integer(XXHash64.hash(out.bytes))
        return out.bytes
    }

    /// Written under a temporary name and renamed, so a reader never sees half a record.
    func save(for output: URL) {
        PrivateFile.replace(Self.location(for: output).path, with: encoded())
    }

    /// Removes the record of `output`: the next build runs whatever it finds.
    static func forget(_ output: URL) {
        unlink(location(for: output).path)
    }

    // MARK: Reading

    /// The record kept for `output`, or nil when there is none or it is not whole and ours.
    static func load(for output: URL) -> BuildRecord? {
        let path = location(for: output).path
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0, info.st_size <= sizeLimit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            offset += count
        }
        return decode(bytes)
    }

    static func decode(_ bytes: [UInt8]) -> BuildRecord? {
        guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return nil }
        let body = bytes.count - 8
        let trailer = bytes[body...].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard bytes.withUnsafeBytes({ XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[..<body])) }) == trailer else { return nil }
        var reader = ByteReader(bytes: bytes, offset: magic.count, end: body)
        guard let settings = reader.data(), let stamp = reader.integer(), let outputStamp = reader.integer() else { return nil }
        var trees: [[TreeEntry]] = []
        for _ in 0..<3 {
            guard let count = reader.count() else { return nil }
            var tree: [TreeEntry] = []
            tree.reserveCapacity(count)
            for _ in 0..<count {
                guard let entry = reader.entry() else { return nil }
                tree.append(entry)
            }
            trees.append(tree)
        }
        guard let pages = reader.number(), let files = reader.number(), let diagnosticCount = reader.count() else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<diagnosticCount {
            guard let severity = reader.integer(), severity <= 1, let key = reader.text(), let path = reader.text(),
                  let line = reader.number(), let column = reader.number(), let message = reader.text(),
                  let hasHint = reader.integer(), hasHint <= 1, let hint = reader.text(), let stageName = reader.text()
            else { return nil }
            var diagnostic = Diagnostic(severity == 1 ? .error : .warning, key, at: SourceLocation(path: path, line: line, column: column),
                                        message, hint: hasHint == 1 ? hint : nil)
            if !stageName.isEmpty {
                guard let stage = PipelineStage(rawValue: stageName) else { return nil }
                diagnostic.stage = stage
            }
            diagnostics.append(diagnostic)
        }
        guard reader.offset == body else { return nil }
        return BuildRecord(settings: settings, stamp: Int64(bitPattern: stamp), outputStamp: Int64(bitPattern: outputStamp), content: trees[0], templates: trees[1], output: trees[2],
                           pageCount: pages, fileCount: files, diagnostics: diagnostics)
    }
}

/// Little-endian integers and length-prefixed byte strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func data(_ value: [UInt8]) {
        integer(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func text(_ value: String) { data(Array(value.utf8)) }

    mutating func entry(_ entry: TreeEntry) {
        data(entry.path)
        integer(UInt64(entry.kind.rawValue))
        integer(UInt64(entry.mode))
        integer(UInt64(bitPattern: entry.size))
        integer(UInt64(bitPattern: entry.modified))
        integer(UInt64(bitPattern: entry.changed))
        integer(entry.inode)
        integer(entry.device)
        data(entry.linkText)
        integer(entry.contentHash)
    }
}

/// Reads what `ByteWriter` wrote; every read is checked against the end, so no length or
/// count in a damaged record can read past it or reserve more than it holds.
struct ByteReader {
    let bytes: [UInt8]
    var offset: Int
    let end: Int

    mutating func integer() -> UInt64? {
        guard end - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    /// A count or length: at most the bytes left, so a damaged one cannot ask for gigabytes.
    mutating func count() -> Int? {
        guard let value = integer(), value <= UInt64(end - offset) else { return nil }
        return Int(value)
    }

    /// A number that is not a length (a line, a page count): within what an Int32 holds.
    mutating func number() -> Int? {
        guard let value = integer(), value <= UInt64(Int32.max) else { return nil }
        return Int(value)
    }

    mutating func data() -> [UInt8]? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    mutating func text() -> String? {
        data().flatMap { String(validating: $0, as: UTF8.self) }
    }

    mutating func entry() -> TreeEntry? {
        guard let path = data(), let kindValue = integer(), let kind = TreeEntry.Kind(rawValue: UInt8(truncatingIfNeeded: kindValue)),
              kindValue <= 255, let mode = integer(), mode <= UInt64(UInt32.max), let size = integer(), let modified = integer(),
              let changed = integer(), let inode = integer(), let device = integer(), let linkText = data(), let hash = integer()
        else { return nil }
        return TreeEntry(path: path, kind: kind, mode: UInt32(mode), size: Int64(bitPattern: size), modified: Int64(bitPattern: modified),
                         changed: Int64(bitPattern: changed), inode: inode, device: device, linkText: linkText, contentHash: hash)
    }
}

/// The records beside the output (`.public.ban-ghi`, `.public.ban-ghi-tep`): private to the
/// user (0600), written under a temporary name and renamed, so a reader never sees half a file;
/// a file that cannot be written is simply not there, and the next build does the full work.
enum PrivateFile {
    static func replace(_ target: String, with bytes: [UInt8]) {
        let temporary = target + ".\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
        close(descriptor)
        if !complete || rename(temporary, target) != 0 { unlink(temporary) }
    }
}
