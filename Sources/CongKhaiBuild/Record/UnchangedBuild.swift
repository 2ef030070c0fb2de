import CongKhaiLoad
import CongKhaiModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Skips a `build` when nothing its output depends on changed since the last one, the way
/// make or ninja skip a target, but by content as well as time: a file that was touched (or
/// copied back) with the same bytes still counts as unchanged.
///
/// The record (`BuildRecord`) holds: the tool (the executable, cmark-gfm and Swift's libraries,
/// by inode, size and time: the default theme is inside the binary), the options and
/// environment that shape the output; every entry of `content/` and `templates/` with its
/// stat and a hash of its bytes; every entry of the output as the build left it (a page edited
/// or deleted by hand, a file added: its stat or the list moves); and the build's findings.
/// Anything different, missing or unreadable means a normal build. The record is written only
/// after the output was swapped in, and only when no input moved while the build read it.
public enum UnchangedBuild {
    /// What the last build reported, to say again.
    public struct Replay: Sendable {
        public var pageCount: Int
        public var fileCount: Int
        public var diagnostics: [Diagnostic]
    }

    /// The inputs as the build is about to read them; taken before loading, so an edit made
    /// while the build runs is seen as a change by the next one. Their bytes are hashed once
    /// the build has read them (`record`): a file whose stat did not move between this walk and
    /// the one after the build held, when it was loaded, the bytes it holds now.
    public struct Inputs: Sendable {
        let stamp: Int64
        let content: [TreeEntry]
        let templates: [TreeEntry]
    }

    /// An input changed within this long before it was recorded may change again with the
    /// same time stamp (the file system's clock ticks coarsely): such files are always hashed.
    static let racyWindow: Int64 = 2_000_000_000

    // MARK: Settings

    /// The tool, options and environment the output depends on, as bytes compared whole.
    /// Taken at the start of the command, before anything is loaded (libraries loaded later
    /// would make two runs differ). `extra`: further switches of the command line.
    public static func settings(_ options: BuildOptions, environment: [String: String], extra: [String] = []) -> [UInt8] {
        var lines = ["congkhai-ban-ghi 1"]
        lines += toolIdentity()
        lines.append("site \(options.siteFolder.path)")
        lines.append("content \(contentFolder(options).path)")
        lines.append("templates \(templatesFolder(options).path)")
        lines.append("output \(options.outputFolder.path)")
        lines.append("as-of \(options.asOf.iso)")
        lines.append("base-url \(options.baseURL.map { "=" + $0 } ?? "-")")
        lines.append("site-path \(options.sitePathWithoutBase ?? "-")")
        lines.append("default-theme \(options.defaultTheme) reference-engine \(options.referenceTemplateEngine)")
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where shapesOutput(name) {
            lines.append("env \(name)=\(value)")
        }
        lines += extra.map { "extra \($0)" }
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// Conservative: anything that may change dates, text or tools (PDF's Python) counts.
    static func shapesOutput(_ name: String) -> Bool {
        name.hasPrefix("CONGKHAI_") || name.hasPrefix("LC_") || ["SOURCE_DATE_EPOCH", "TZ", "LANG", "LANGUAGE"].contains(name)
    }

    /// The executable and the libraries mapped into this process that shape the output
    /// (`/proc/self/maps`): a new build of CongKhai, or an upgraded cmark-gfm, is a new inode or time.
    static func toolIdentity() -> [String] {
        // Read until a reading adds no file: the kernel may list the mappings without one lock
        // over all of them, so a line could be missing while a thread maps memory.
        var files: Set<String> = []
        for reading in 0..<8 {
            let before = files.count
            for line in (processMaps() ?? "").split(separator: "\n") {
                guard let slash = line.firstIndex(of: "/") else { continue }
                let path = line[slash...]
                // The libraries that shape the output: cmark-gfm and Swift's own (Foundation's
                // Unicode tables). Not the C library and its kin: some runs listed libc or
                // liblzma and others not, and they make no byte of a page.
                if path.contains("cmark") || path.contains("/swift/") { files.insert(String(path)) }
            }
            if reading > 0, files.count == before { break }
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        files.insert(executable)
        return files.sorted().map { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return "tool \(path) ?" }
            // Not ctime: it moves whenever anyone hard-links the file (seen on system libraries
            // here), and a new build or an upgrade writes a new file anyway.
            return "tool \(path) \(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
    }

    /// `/proc/self/maps`, read at once.
    static func processMaps() -> String? {
        let descriptor = open("/proc/self/maps", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 22)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        guard count > 0, count < buffer.count else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    static func contentFolder(_ options: BuildOptions) -> URL {
        options.siteFolder.appendingPathComponent("content").resolvingSymlinksInPath()
    }

    static func templatesFolder(_ options: BuildOptions) -> URL {
        (options.templatesFolder ?? options.siteFolder.appendingPathComponent("templates")).resolvingSymlinksInPath()
    }

    /// Province communes read files shared with other communes, and PDFs come from WeasyPrint:
    /// no record vouches for those builds.
    static func recordable(_ options: BuildOptions) -> Bool {
        options.sharedContent == nil && options.sharedTemplatesFolder == nil && !options.pdf
    }

    // MARK: Inputs

    /// Every entry of `content/` and `templates/`, not yet hashed; nil when the tree cannot be
    /// vouched for (a link to a folder).
    public static func inputs(_ options: BuildOptions) -> Inputs? {
        guard recordable(options) else { return nil }
        let stamp = now()
        let walkOptions = TreeSnapshot.Options(skipHidden: true, followLinks: true)
        guard let content = TreeSnapshot.walk(contentFolder(options).path, options: walkOptions), !content.followsFolderLink else { return nil }
        let templates = TreeSnapshot.walk(templatesFolder(options).path, options: walkOptions) ?? .init()
        guard !templates.followsFolderLink else { return nil }
        return Inputs(stamp: stamp, content: content.entries, templates: templates.entries)
    }

    /// The file system's clock, in ns since 1970.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// `entries` with the hash of each file's bytes: the digest of what the build loaded when
    /// it read the file (`read`, by path under `root`: `content/` + the entry's path), or else
    /// the file read now. nil when a file cannot be read, or its size is not the walk's.
    static func hashed(_ entries: [TreeEntry], root: String, read: [String: SourceDigest] = [:], readPrefix: String = "") -> [TreeEntry]? {
        var entries = entries
        for index in entries.indices where hasBytes(entries[index]) {
            let path = String(decoding: entries[index].path, as: UTF8.self)
            if let digest = read[readPrefix + path], digest.size == entries[index].size {
                entries[index].contentHash = digest.hash
                continue
            }
            guard let file = TreeSnapshot.hashFile(root + "/" + path), file.size == entries[index].size else { return nil }
            entries[index].contentHash = file.hash
        }
        return entries
    }

    /// A file, or a link to one: what the build reads bytes from.
    private static func hasBytes(_ entry: TreeEntry) -> Bool {
        entry.kind == .file || (entry.kind == .link && entry.inode != 0)
    }

    // MARK: The check

    /// What the last build reported, when its record matches `settings`, the inputs and the
    /// output exactly; nil means: build.
    public static func replay(_ options: BuildOptions, settings: [UInt8]) -> Replay? {
        guard recordable(options), let record = BuildRecord.load(for: options.outputFolder), record.settings == settings else { return nil }
        let walkOptions = TreeSnapshot.Options(skipHidden: true, followLinks: true)
        let contentRoot = contentFolder(options).path, templatesRoot = templatesFolder(options).path
        let walked = now()
        guard let content = TreeSnapshot.walk(contentRoot, options: walkOptions), !content.followsFolderLink,
              let sameContent = unchanged(content.entries, since: record.content, root: contentRoot, stamp: record.stamp) else { return nil }
        let templates = TreeSnapshot.walk(templatesRoot, options: walkOptions) ?? .init()
        guard !templates.followsFolderLink,
              let sameTemplates = unchanged(templates.entries, since: record.templates, root: templatesRoot, stamp: record.stamp),
              TreeSnapshot.stillMatches(options.outputFolder.path, record.output, racyFrom: record.outputStamp - racyWindow)
        else { return nil }
        // Files touched without a change (a checkout, a copy keeping no times), or written just
        // before the last build, were read to know it: the record is brought up to date so the
        // next build trusts their stats again instead of reading them every time.
        if sameContent.reread || sameTemplates.reread {
            var refreshed = record
            refreshed.stamp = walked
            refreshed.content = sameContent.entries
            refreshed.templates = sameTemplates.entries
            refreshed.save(for: options.outputFolder)
        }
        return Replay(pageCount: record.pageCount, fileCount: record.fileCount, diagnostics: record.diagnostics)
    }

    /// Whether `current` (not hashed) holds what `recorded` did: the same entries, each with
    /// the same stat, or else the same size and bytes. nil when not; else the current entries
    /// with their recorded hashes, and whether a file had to be read to tell.
    static func unchanged(_ current: [TreeEntry], since recorded: [TreeEntry], root: String, stamp: Int64)
        -> (entries: [TreeEntry], reread: Bool)? {
        guard current.count == recorded.count else { return nil }
        var entries = current
        var reread = false
        for (index, (now, then)) in zip(current, recorded).enumerated() {
            entries[index].contentHash = then.contentHash
            // A folder is its listing, which the entries below it are: its own times move with
            // any name made in it, an editor's hidden swap file too.
            if then.kind == .folder, now.kind == .folder, now.path == then.path, now.mode == then.mode { continue }
            let racy = max(then.modified, then.changed) >= stamp - racyWindow
            if now.sameStat(then), !(racy && hasBytes(then)) { continue }
            guard now.path == then.path, now.kind == then.kind, now.linkText == then.linkText, now.size == then.size, hasBytes(now),
                  let read = TreeSnapshot.hashFile(root + "/" + String(decoding: now.path, as: UTF8.self)),
                  read.size == then.size, read.hash == then.contentHash else { return nil }
            reread = true
        }
        return (entries, reread)
    }

    // MARK: After a build

    /// Records a build whose output was just swapped in; `inputs` from before it loaded,
    /// `read`: the digests of the content files as the build loaded them
    /// (`BuildResult.sourceDigests`); a file not among them is read now.
    /// Nothing is recorded (and an old record goes) when an input moved during the build.
    /// `output`: the output as the writer left it (`OutputWriter.writeForRecord`); without it
    /// the output is walked.
    public static func record(_ options: BuildOptions, settings: [UInt8], inputs: Inputs?, read: [String: SourceDigest] = [:], pageCount: Int,
                              fileCount: Int, diagnostics: [Diagnostic], output written: OutputSnapshot? = nil) {
        BuildRecord.forget(options.outputFolder)
        guard let inputs, recordable(options) else { return }
        let walkOptions = TreeSnapshot.Options(skipHidden: true, followLinks: true)
        let contentRoot = contentFolder(options).path, templatesRoot = templatesFolder(options).path
        guard let content = TreeSnapshot.walk(contentRoot, options: walkOptions),
              still(content.entries, inputs.content),
              case let templates = TreeSnapshot.walk(templatesRoot, options: walkOptions) ?? .init(),
              still(templates.entries, inputs.templates),
              let hashedContent = hashed(inputs.content, root: contentRoot, read: read, readPrefix: "content/"),
              let hashedTemplates = hashed(inputs.templates, root: templatesRoot),
              case let (outputStamp, output)? = outputTree(options, written)
        else { return }
        BuildRecord(settings: settings, stamp: inputs.stamp, outputStamp: outputStamp, content: hashedContent, templates: hashedTemplates,
                    output: output, pageCount: pageCount, fileCount: fileCount, diagnostics: diagnostics).save(for: options.outputFolder)
    }

    /// The output's entries and when they were taken: the writer's snapshot of this very
    /// folder when there is one, else a walk.
    private static func outputTree(_ options: BuildOptions, _ written: OutputSnapshot?) -> (Int64, [TreeEntry])? {
        if let written, written.root == options.outputFolder.path { return (written.stamp, written.entries) }
        let stamp = now()
        return TreeSnapshot.walk(options.outputFolder.path).map { (stamp, $0.entries) }
    }

    /// Whether no input moved while the build read it (folders by their listing, as above).
    private static func still(_ now: [TreeEntry], _ then: [TreeEntry]) -> Bool {
        now.count == then.count && zip(now, then).allSatisfy { now, then in
            then.kind == .folder ? now.kind == .folder && now.path == then.path && now.mode == then.mode : now.sameStat(then)
        }
    }

    /// A build that will not be recorded (`--pdf`, a province) removes the last record.
    public static func forget(_ options: BuildOptions) {
        BuildRecord.forget(options.outputFolder)
    }
}
