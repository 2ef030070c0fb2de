@testable import CongKhaiBuild
import Foundation
import Testing

/// Ctrl+C or a `kill` during `congkhai build`: the staging folder (a hidden full copy of the
/// site beside the output, which a web root would serve) goes, and the published site stays.
/// Runs the real binary, since the signal handler is the process's own.
@Suite("Interrupted build", .serialized)
struct InterruptedBuildTests {
    static let binary = TestSite.repositoryRoot.appendingPathComponent(".build/debug/congkhai")

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalMidBuildRemovesTheStagingFolderAndKeepsTheOutput(signal: Int32) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "swift build first")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-signal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for part in ["content", "templates"] {
            try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent(part), to: site.appendingPathComponent(part))
        }
        let output = scratch.appendingPathComponent("public")
        #expect(try Self.build(site: site, output: output).terminationStatus == 0)
        let published = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()

        // Stop the next build once its staging folder exists, i.e. while it writes pages.
        let process = try Self.start(site: site, output: output)
        let staging = scratch.appendingPathComponent(".public\(OutputWriter.stagingInfix)\(process.processIdentifier)")
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: staging.path), process.isRunning, Date() < deadline { usleep(2_000) }
        try #require(process.isRunning, "the build ended before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == published)
    }

    static func start(site: URL, output: URL) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["build", "--source", site.path, "--output", output.path, "--as-of", "2026-11-23"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func build(site: URL, output: URL) throws -> Process {
        let process = try start(site: site, output: output)
        process.waitUntilExit()
        return process
    }
}
