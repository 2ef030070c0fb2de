import Foundation

/// The real `congkhai` binary run in a folder, as an editor or IT helper runs it: its exit status
/// and everything it printed (standard output and error together, in order).
enum CommandRun {
    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        try run(InterruptedBuildTests.binary, arguments, in: folder)
    }

    /// Any program (`node` through `/usr/bin/env`).
    static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
