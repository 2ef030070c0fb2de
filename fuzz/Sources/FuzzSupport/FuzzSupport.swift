@testable import CongKhaiLoad
import CongKhaiModel
import CFuzzDriver
import Foundation

/// The bytes libFuzzer hands a target, decoded the way a content file is, so encoding edge
/// cases (BOM, CR line ends, NUL, invalid UTF-8, UTF-16) are fuzzed with every loader.
public enum FuzzInput {
    public static func bytes(_ start: UnsafeRawPointer?, _ count: Int) -> Data {
        guard let start, count > 0 else { return Data() }
        return Data(bytes: start, count: count)
    }

    /// The decoded text, or nil after checking that the refusal was reported properly.
    public static func decode(_ data: Data, path: String) -> SourceText? {
        let log = DiagnosticLog()
        let source = SourceText.decode(data, displayPath: path, log: log)
        if source == nil {
            Oracle.require(log.hasErrors, "undecodable input reported no error")
        }
        Oracle.check(log, paths: [path], lineCount: data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) })
        return source
    }
}

/// What every diagnostic must be, whatever the input: a finding an editor can act on, at a
/// place that exists in the file. A violation stops the fuzzer like a crash, with the reason.
public enum Oracle {
    public static func require(_ condition: @autoclosure () -> Bool, _ reason: @autoclosure () -> String) {
        if !condition() { fatalError("fuzz oracle: \(reason())") }
    }

    /// Lines of normalised text: a diagnostic may point at most at the empty line after the last `\n`.
    public static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    public static func check(_ log: DiagnosticLog, paths: Set<String>, lineCount: Int) {
        for diagnostic in log.all {
            let place = "\(diagnostic.key) at \(diagnostic.location.description)"
            require(!diagnostic.key.isEmpty, "diagnostic without key: \(diagnostic.message)")
            require(paths.contains(diagnostic.location.path), "\(place): unexpected path")
            require((0...lineCount).contains(diagnostic.location.line), "\(place): line outside 1...\(lineCount)")
            require(diagnostic.location.column >= 0, "\(place): negative column")
            // Every message is Vietnamese with diacritics; an English library message leaking through would not be.
            require(diagnostic.message.unicodeScalars.contains { $0.value > 0x7F }, "\(place): message not Vietnamese: \(diagnostic.message)")
        }
    }
}

/// Starts libFuzzer (or replays files given on the command line) with the target's function.
public enum FuzzDriver {
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }
}
