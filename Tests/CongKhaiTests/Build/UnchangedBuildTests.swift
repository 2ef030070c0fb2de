@testable import CongKhaiBuild
import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `build` skips a build when nothing the output depends on changed (`UnchangedBuild`): every
/// change must still lead to a real build whose output equals a fresh one, an unchanged
/// rebuild must touch nothing and say the warnings again, and a damaged record must be ignored.
@Suite("Unchanged rebuilds", .serialized)
struct UnchangedBuildTests {
    enum Outcome {
        case replayed(UnchangedBuild.Replay)
        case built(BuildResult)

        var replayed: UnchangedBuild.Replay? {
            if case let .replayed(replay) = self { return replay }
            return nil
        }
    }

    /// What `congkhai build` does, step for step (BuildCommand.run).
    @discardableResult
    static func build(_ site: TestSite, output: URL? = nil, asOf: CalendarDate? = nil, baseURL: String? = nil,
                      environment: [String: String] = [:]) -> Outcome {
        var options = site.options(output: output)
        if let asOf { options.asOf = asOf }
        options.baseURL = baseURL
        let settings = UnchangedBuild.settings(options, environment: environment)
        let staging = OutputWriter.claimStaging(for: options.outputFolder)
        let kept = OutputWriter.isKeptEdition(staging, of: options.outputFolder)
        if kept, let replay = UnchangedBuild.replay(options, settings: settings) {
            OutputWriter.releaseStaging(staging)
            return .replayed(replay)
        }
        let inputs = UnchangedBuild.inputs(options)
        options.spoolFolder = staging
        let result = Pipeline.run(options)
        guard result.errorCount == 0 else {
            StagedFiles.release(staging)
            return .built(result)
        }
        let written = OutputWriter.writeForRecord(result.files, to: options.outputFolder, force: false, spooled: true, staging: staging)
        if written.failure == nil {
            UnchangedBuild.record(options, settings: settings, inputs: inputs, read: result.sourceDigests, pageCount: result.pageCount, fileCount: result.files.count,
                                  diagnostics: result.diagnostics, output: written.snapshot)
        }
        if !kept { try? FileManager.default.removeItem(at: staging) }
        return .built(result)
    }

    static let pages = [
        "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
        "content/tin-tuc/a.md": "---\ntieu_de: Tin A\nngay: 2026-11-01\n---\nMột.\n",
        "content/gioi-thieu.md": "---\ntieu_de: Giới thiệu\n---\nXã ở ven sông.\n",
        // Not used by any unit: a warning on every build.
        "content/du-lieu-thua.yaml": "a: 1\n",
    ]

    /// Every entry of `folder` with its inode and times (the root's too).
    static func stats(_ folder: URL) -> [TreeEntry] {
        TreeSnapshot.walk(folder.path)?.entries ?? []
    }

    /// The output of a fresh build of the same site into a folder of its own.
    static func freshOutput(_ site: TestSite, asOf: CalendarDate? = nil, baseURL: String? = nil) throws -> [String: Data] {
        let fresh = site.folder.appendingPathComponent("fresh-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: fresh)
            try? FileManager.default.removeItem(at: OutputWriter.keptEdition(for: fresh))
            BuildRecord.forget(fresh)
        }
        guard case .built = build(site, output: fresh, asOf: asOf, baseURL: baseURL) else { throw Failure.replayedFresh }
        return try OutputTests.checksums(fresh)
    }

    enum Failure: Error { case replayedFresh }

    @Test func anUnchangedRebuildTouchesNothingAndSaysTheWarningsAgain() throws {
        let site = try TestSite.minimal(Self.pages)
        guard case let .built(first) = Self.build(site) else { Issue.record("the first build has no record to trust"); return }
        #expect(first.diagnostics(ContentLoaderKeys.unused).count == 1)
        let before = Self.stats(site.output)
        #expect(!before.isEmpty)

        let replay = try #require(Self.build(site).replayed)
        #expect(replay.diagnostics.filter { $0.key == ContentLoaderKeys.unused } == first.diagnostics(ContentLoaderKeys.unused))
        #expect(replay.diagnostics.first { $0.key == ContentLoaderKeys.unused }?.hint == first.diagnostics(ContentLoaderKeys.unused).first?.hint)
        #expect(replay.pageCount == first.pageCount && replay.fileCount == first.files.count)
        #expect(Self.stats(site.output) == before, "not one output file or folder written, moved or re-timed")
        // (The first build's staging folder became the output; the kept edition the claim
        // made again is empty until the next real build.)
        let kept = Self.stats(OutputWriter.keptEdition(for: site.output))
        #expect(Self.build(site).replayed != nil, "and again")
        #expect(Self.stats(site.output) == before)
        #expect(Self.stats(OutputWriter.keptEdition(for: site.output)) == kept)
    }

    @Test func aTouchedFileWithTheSameBytesStillCountsAsUnchanged() throws {
        let site = try TestSite.minimal(Self.pages)
        Self.build(site)
        let path = site.folder.appendingPathComponent("content/gioi-thieu.md").path
        // Rewritten with the same bytes (an editor's save without a change), and its time moved.
        try site.write("content/gioi-thieu.md", Self.pages["content/gioi-thieu.md"]!)
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(Self.build(site).replayed != nil)
        // The file was read to know it is the same: its new stat is recorded, so the next build
        // trusts it without reading it again; a later edit is still seen.
        let record = try #require(BuildRecord.load(for: site.output))
        let entry = try #require(record.content.first { $0.path == Array("gioi-thieu.md".utf8) })
        #expect(entry.modified == 1_700_000_000 * 1_000_000_000)
        #expect(entry.contentHash != 0)
        #expect(Self.build(site).replayed != nil)
        try site.write("content/gioi-thieu.md", "---\ntieu_de: Giới thiệu\n---\nXã ở ven suối.\n")
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        guard case .built = Self.build(site) else { Issue.record("a same-size edit with the recorded time was not seen"); return }
    }

    /// One change each; all lead to a real build equal to a fresh one, then the next is replayed.
    enum Change: String, CaseIterable {
        case editedPage, sameSizeEdit, addedPage, removedPage, addedNestedFile, removedFolder, siteConfig, partial, addedTemplate,
             layoutRemoved, asOf, baseAddress, environment, newWarning, outputEdited, outputDeleted, outputFolderAdded, recordOfOtherOutput

        func apply(to site: TestSite) throws {
            let manager = FileManager.default
            switch self {
            case .editedPage: try site.write("content/gioi-thieu.md", "---\ntieu_de: Giới thiệu\n---\nXã ở ven biển.\n")
            // Same length, written at once: the time stamp may not move, the hash must catch it.
            case .sameSizeEdit: try site.write("content/gioi-thieu.md", "---\ntieu_de: Giới thiệu\n---\nXã ở ven suối.\n")
            case .addedPage: try site.write("content/tin-tuc/b.md", "---\ntieu_de: Tin B\nngay: 2026-11-02\n---\nHai.\n")
            case .removedPage: try manager.removeItem(at: site.folder.appendingPathComponent("content/tin-tuc/a.md"))
            case .addedNestedFile: try site.write("content/tin-tuc/2026/c.md", "---\ntieu_de: Tin C\nngay: 2026-11-03\n---\nBa.\n")
            case .removedFolder: try manager.removeItem(at: site.folder.appendingPathComponent("content/tin-tuc"))
            case .siteConfig:
                try site.write("content/site.yaml", "ten: Ủy ban nhân dân xã Đổi Tên\nten_ngan: Xã Đổi Tên\nloai: xa\ntinh: Tỉnh Lâm Đồng\n")
            case .partial:
                let url = site.folder.appendingPathComponent("templates/partials/breadcrumb.mustache")
                try site.write("templates/partials/breadcrumb.mustache", try String(contentsOf: url, encoding: .utf8) + "<!-- đổi -->\n")
            case .addedTemplate: try site.write("templates/assets/them.txt", "tệp mới\n")
            case .layoutRemoved:
                // The site's copy goes: the theme in the binary takes its place (the same bytes here,
                // but the build cannot know that without building).
                try manager.removeItem(at: site.folder.appendingPathComponent("templates/layouts/page.mustache"))
            case .newWarning: try site.write("content/them-thua.csv", "a,b\n1,2\n")
            case .outputEdited: try site.write("public/gioi-thieu/index.html", "sửa tay")
            case .outputDeleted: try manager.removeItem(at: site.output.appendingPathComponent("tin-tuc/a/index.html"))
            case .outputFolderAdded: try manager.createDirectory(at: site.output.appendingPathComponent("thu-muc-rong"), withIntermediateDirectories: false)
            case .recordOfOtherOutput, .asOf, .baseAddress, .environment: break
            }
        }

        var asOf: CalendarDate? { self == .asOf ? CalendarDate(year: 2026, month: 12, day: 24) : nil }
        var baseURL: String? { self == .baseAddress ? "https://xa.example.gov.vn/" : nil }
        var environment: [String: String] { self == .environment ? ["SOURCE_DATE_EPOCH": "1790000000"] : [:] }
    }

    @Test(arguments: Change.allCases)
    func everyChangeLeadsToARealBuildEqualToAFreshOne(_ change: Change) throws {
        let site = try TestSite.minimal(Self.pages)
        Self.build(site)
        #expect(Self.build(site).replayed != nil)
        if change == .recordOfOtherOutput {
            // Another output's record copied beside this one: it describes other files.
            let other = site.folder.appendingPathComponent("khac")
            Self.build(site, output: other)
            try FileManager.default.removeItem(at: BuildRecord.location(for: site.output))
            try FileManager.default.copyItem(at: BuildRecord.location(for: other), to: BuildRecord.location(for: site.output))
        }
        try change.apply(to: site)
        let outcome = Self.build(site, asOf: change.asOf, baseURL: change.baseURL, environment: change.environment)
        guard case let .built(result) = outcome else {
            Issue.record("\(change): replayed instead of built")
            return
        }
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        #expect(try OutputTests.checksums(site.output) == Self.freshOutput(site, asOf: change.asOf, baseURL: change.baseURL), "\(change)")
        if change == .newWarning { #expect(result.diagnostics(ContentLoaderKeys.unused).count == 2) }
        #expect(Self.build(site, asOf: change.asOf, baseURL: change.baseURL, environment: change.environment).replayed != nil,
                "\(change): the build after is unchanged again")
    }

    @Test func anInputChangedWhileTheBuildRunsIsNotRecorded() throws {
        let site = try TestSite.minimal(Self.pages)
        let options = site.options()
        let inputs = UnchangedBuild.inputs(options)
        #expect(inputs != nil)
        try site.write("content/gioi-thieu.md", "---\ntieu_de: Giới thiệu\n---\nSửa trong lúc dựng, dài hơn.\n")
        let result = site.buildAndWrite()
        UnchangedBuild.record(options, settings: UnchangedBuild.settings(options, environment: [:]), inputs: inputs, pageCount: result.pageCount,
                              fileCount: result.files.count, diagnostics: result.diagnostics)
        #expect(BuildRecord.load(for: site.output) == nil)
    }

    @Test func aLinkToAFolderInsideTheInputsIsNeverVouchedFor() throws {
        let site = try TestSite.minimal(Self.pages)
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("templates/lien-ket").path,
                                                   withDestinationPath: site.folder.appendingPathComponent("khac").path)
        try FileManager.default.createDirectory(at: site.folder.appendingPathComponent("khac"), withIntermediateDirectories: true)
        Self.build(site)
        guard case .built = Self.build(site) else { Issue.record("what is behind the link is not recorded"); return }
    }

    /// Damaged in every way at hand: each read as no record, and the build runs as usual.
    @Test(arguments: ["half", "byte", "empty", "garbage", "folder", "link", "hugeCount"])
    func aDamagedRecordIsIgnored(_ damage: String) throws {
        let site = try TestSite.minimal(Self.pages)
        Self.build(site)
        let record = BuildRecord.location(for: site.output)
        var bytes = try [UInt8](Data(contentsOf: record))
        let manager = FileManager.default
        switch damage {
        case "half": try Data(bytes[..<(bytes.count / 2)]).write(to: record)
        case "byte":
            bytes[bytes.count / 2] ^= 0x20
            try Data(bytes).write(to: record)
        case "empty": try Data().write(to: record)
        case "garbage": try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: record)
        case "folder":
            try manager.removeItem(at: record)
            try manager.createDirectory(at: record, withIntermediateDirectories: false)
        case "link":
            try manager.removeItem(at: record)
            try manager.createSymbolicLink(atPath: record.path, withDestinationPath: "/dev/zero")
        default:
            // Whole and with a right trailer, but claiming more entries than it holds.
            var decoded = try #require(BuildRecord.decode(bytes))
            decoded.content = []
            var encoded = decoded.encoded()
            let countAt = Array("CONGKHAI-BAN-GHI-2\n".utf8).count + 8 + decoded.settings.count + 16
            for index in 0..<8 { encoded[countAt + index] = 0xFF }
            let body = encoded.count - 8
            let trailer = XXHash64.hash(Array(encoded[..<body]))
            for index in 0..<8 { encoded[body + index] = UInt8(truncatingIfNeeded: trailer >> (8 * UInt64(index))) }
            #expect(BuildRecord.decode(encoded) == nil)
            try Data(encoded).write(to: record)
        }
        #expect(BuildRecord.load(for: site.output) == nil)
        guard case let .built(result) = Self.build(site) else { Issue.record("\(damage): a damaged record was trusted"); return }
        #expect(result.errorCount == 0)
        #expect(try OutputTests.checksums(site.output) == Self.freshOutput(site))
    }

    @Test func aRecordReadsBackAsItWasWritten() throws {
        let site = try TestSite.minimal(Self.pages)
        Self.build(site)
        let record = try #require(BuildRecord.load(for: site.output))
        #expect(BuildRecord.decode(record.encoded()) == record)
        #expect(record.diagnostics.contains { $0.key == ContentLoaderKeys.unused && $0.stage == .load })
        var info = stat()
        #expect(lstat(BuildRecord.location(for: site.output).path, &info) == 0 && info.st_mode & 0o777 == 0o600, "private, like the kept edition")
    }

    /// `congkhai build` itself: the message, the warnings said again, and `--dung-lai`.
    @Test func theCommandSaysNothingChangedAndDungLaiBuildsAnyway() async throws {
        let site = try TestSite.minimal(Self.pages)
        func run(_ extra: [String] = []) async throws -> (status: Int32, out: String, err: String) {
            let process = Process()
            process.executableURL = InterruptedBuildTests.binary
            process.arguments = ["build", "--source", site.folder.path, "--as-of", "2026-11-23"] + extra
            let out = site.folder.appendingPathComponent("stdout-\(UUID().uuidString)"), err = site.folder.appendingPathComponent("stderr-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
            await InterruptedBuildTests.exit(of: process)
            defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
            return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
        }
        try #require(FileManager.default.isExecutableFile(atPath: InterruptedBuildTests.binary.path), "swift build first")
        let first = try await run()
        #expect(first.status == 0 && first.out.contains("Đã dựng"), "\(first)")
        let before = Self.stats(site.output)
        let second = try await run()
        #expect(second.status == 0)
        #expect(second.out.contains("Không có gì thay đổi kể từ lần dựng trước"), "\(second.out)")
        #expect(second.out.contains("1 cảnh báo") && second.err.contains("du-lieu-thua.yaml"), "the warning is said again: \(second)")
        #expect(second.err == first.err)
        #expect(Self.stats(site.output) == before)
        let forced = try await run(["--dung-lai"])
        #expect(forced.status == 0 && forced.out.contains("Đã dựng"), "\(forced.out)")
        #expect(Self.stats(site.output) != before, "built and swapped in again")
    }

    /// The output check looks at each entry's stat and lists a folder only when it changed near
    /// the record: a name added where the folder's times are old must still be seen.
    @Test func theOutputCheckSeesANameAddedInAFolderItDoesNotList() throws {
        let site = try TestSite.minimal(Self.pages)
        Self.build(site)
        let recorded = Self.stats(site.output)
        #expect(TreeSnapshot.stillMatches(site.output.path, recorded, racyFrom: .max), "by stat alone")
        #expect(TreeSnapshot.stillMatches(site.output.path, recorded, racyFrom: .min), "every folder listed")
        try site.write("public/tin-tuc/a/them.html", "thêm")
        #expect(!TreeSnapshot.stillMatches(site.output.path, recorded, racyFrom: .max))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("tin-tuc/a/them.html"))
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("tin-tuc/moi"), withIntermediateDirectories: false)
        #expect(!TreeSnapshot.stillMatches(site.output.path, recorded, racyFrom: .max))
        #expect(!TreeSnapshot.stillMatches(site.output.path, recorded, racyFrom: .min))
    }

    /// The record hashes each content file from the bytes the build loaded (one read per file),
    /// and that record is the one a second read of every file would have made.
    @Test func theRecordHashesWhatTheBuildLoadedAsASecondReadWould() throws {
        // Saved by Notepad: a byte order mark and CR LF, which loading takes away; the hash is
        // of the bytes on disk.
        let site = try TestSite.minimal(Self.pages.merging(["content/notepad.md": "\u{FEFF}---\r\ntieu_de: Notepad\r\n---\r\nMột.\r\n"]) { $1 })
        let options = site.options()
        let settings = UnchangedBuild.settings(options, environment: [:])
        let inputs = try #require(UnchangedBuild.inputs(options))
        let result = site.buildAndWrite()
        let digests = result.sourceDigests
        #expect(["content/tin-tuc/a.md", "content/site.yaml", "content/notepad.md"].allSatisfy(digests.keys.contains), "\(digests.keys.sorted())")
        #expect(!digests.keys.contains("content/du-lieu-thua.yaml"), "a file no unit reads has no digest: it is read for the record")
        let fromLoad = try #require(UnchangedBuild.hashed(inputs.content, root: site.folder.appendingPathComponent("content").path,
                                                          read: digests, readPrefix: "content/"))
        let fromDisk = try #require(UnchangedBuild.hashed(inputs.content, root: site.folder.appendingPathComponent("content").path))
        #expect(fromLoad == fromDisk)
        #expect(fromLoad.contains { $0.path == Array("du-lieu-thua.yaml".utf8) && $0.contentHash == XXHash64.hash(Array("a: 1\n".utf8)) })
        // A digest whose size is not the walk's (the file changed between) is not taken.
        var wrong = digests
        wrong["content/tin-tuc/a.md"] = SourceDigest(hash: 1, size: 3)
        #expect(UnchangedBuild.hashed(inputs.content, root: site.folder.appendingPathComponent("content").path, read: wrong, readPrefix: "content/") == fromDisk)
        UnchangedBuild.record(options, settings: settings, inputs: inputs, read: digests, pageCount: result.pageCount,
                              fileCount: result.files.count, diagnostics: result.diagnostics)
        #expect(BuildRecord.load(for: site.output)?.content == fromDisk)
    }

    @Test func xxHash64MatchesTheReferenceValues() {
        #expect(XXHash64.hash(Array("".utf8)) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(XXHash64.hash(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
    }
}

/// The key of the warning for a data file no unit uses (ContentWalker).
enum ContentLoaderKeys {
    static let unused = "file.unused"
}
