@testable import CongKhaiBuild
import Foundation
import Testing

/// Ctrl+C or a `kill` during `congkhai build`: the published site stays as it was. A staging
/// folder of its own (a hidden full copy of the site beside the output, which a web root would
/// serve) goes; the kept previous edition stays, private, and the next build completes it.
/// Runs the real binary, since the signal handler is the process's own.
@Suite("Interrupted build", .serialized)
struct InterruptedBuildTests {
    static let binary = TestSite.repositoryRoot.appendingPathComponent(".build/debug/congkhai")

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalMidBuildRemovesTheStagingFolderAndKeepsTheOutput(signal: Int32) async throws {
        let (scratch, site, output) = try Self.exampleSiteCopy()
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(try await Self.build(site: site, output: output).terminationStatus == 0)
        let published = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        // Another build holds the kept edition, so this one makes a staging folder of its own.
        let kept = OutputWriter.claimStaging(for: output)
        #expect(OutputWriter.isKeptEdition(kept, of: output))
        defer { StagedFiles.release(kept) }

        // Stop the next build once its staging folder exists, i.e. while it writes pages.
        let process = try Self.start(site: site, output: output)
        let staging = scratch.appendingPathComponent(".public\(OutputWriter.stagingInfix)\(process.processIdentifier)")
        let interrupted = await Self.interrupt(process, with: signal, once: staging)
        try #require(interrupted, "the build ended before it could be interrupted")
        await Self.exit(of: process)
        #expect(process.terminationStatus == 128 + signal)
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        // The record of the last successful build (`.public.ban-ghi`) and its list of the
        // editions' files (`.public.ban-ghi-tep`) rightly stay.
        let records = [BuildRecord.location(for: output), EditionManifest.location(for: output)].map(\.lastPathComponent)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
            .filter { $0.hasPrefix(".") && !records.contains($0) }
        #expect(leftovers == [kept.lastPathComponent], "\(leftovers)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == published)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalWhileTheKeptEditionIsUpdatedLeavesTheOutputAsItWas(signal: Int32) async throws {
        let (scratch, site, output) = try Self.exampleSiteCopy()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let kept = OutputWriter.keptEdition(for: output)
        #expect(try await Self.build(site: site, output: output).terminationStatus == 0)
        // --dung-lai: unchanged, the second build would skip the work and leave the kept edition empty.
        #expect(try await Self.build(site: site, output: output, extra: ["--dung-lai"]).terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: kept.path))
        let published = try OutputTests.checksums(output)

        // Stop the next build once it has written a new page into the kept edition.
        try Data("---\ntieu_de: Trang mới\n---\nMới thêm.\n".utf8).write(to: site.appendingPathComponent("content/trang-moi-them.md"))
        let process = try Self.start(site: site, output: output)
        let newPage = kept.appendingPathComponent("trang-moi-them/index.html")
        let interrupted = await Self.interrupt(process, with: signal, once: newPage)
        try #require(interrupted, "the build ended before it could be interrupted")
        await Self.exit(of: process)
        #expect(process.terminationStatus == 128 + signal)
        #expect(try OutputTests.checksums(output) == published)
        // The record of the last successful build (`.public.ban-ghi`) and its list of the
        // editions' files (`.public.ban-ghi-tep`) rightly stay.
        let records = [BuildRecord.location(for: output), EditionManifest.location(for: output)].map(\.lastPathComponent)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
            .filter { $0.hasPrefix(".") && !records.contains($0) }
        #expect(leftovers == [kept.lastPathComponent], "\(leftovers)")
        var info = stat()
        #expect(lstat(kept.path, &info) == 0 && info.st_mode & 0o777 == 0o700)

        // The next build finishes what was begun, and writes what a fresh build writes.
        #expect(try await Self.build(site: site, output: output).terminationStatus == 0)
        let fresh = scratch.appendingPathComponent("fresh")
        #expect(try await Self.build(site: site, output: fresh).terminationStatus == 0)
        #expect(try OutputTests.checksums(output) == OutputTests.checksums(fresh))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("trang-moi-them/index.html").path))
    }

    /// A scratch folder holding a copy of the example site (`site`) and where its output goes.
    static func exampleSiteCopy() throws -> (scratch: URL, site: URL, output: URL) {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "swift build first")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-signal-\(UUID().uuidString)")
        let site = scratch.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for part in ["content", "templates"] {
            try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent(part), to: site.appendingPathComponent(part))
        }
        return (scratch, site, scratch.appendingPathComponent("public"))
    }

    static func start(site: URL, output: URL, extra: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["build", "--source", site.path, "--output", output.path, "--as-of", "2026-11-23"] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits without holding a thread of the test pool: a blocked pool starves the async tests
    /// running beside (serve's WebSocket test timed out behind these builds).
    static func build(site: URL, output: URL, extra: [String] = []) async throws -> Process {
        let process = try start(site: site, output: output, extra: extra)
        await exit(of: process)
        return process
    }

    /// Sends `signal` as soon as `path` exists, watching on a thread of its own: polled from the
    /// test pool under load, the build could finish between two looks. false: it ended first.
    static func interrupt(_ process: Process, with signal: Int32, once path: URL) async -> Bool {
        let watched = Watched(process: process)
        return await withCheckedContinuation { continuation in
            Thread {
                let deadline = Date().addingTimeInterval(120)
                while !FileManager.default.fileExists(atPath: path.path), watched.process.isRunning, Date() < deadline { usleep(1_000) }
                let running = watched.process.isRunning
                if running { kill(watched.process.processIdentifier, signal) }
                continuation.resume(returning: running)
            }.start()
        }
    }

    /// Process is not Sendable; the watching thread only reads it.
    struct Watched: @unchecked Sendable { let process: Process }

    static func exit(of process: Process) async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        process.waitUntilExit()
    }
}
