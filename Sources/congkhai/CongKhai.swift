import ArgumentParser
import Foundation

@main
struct CongKhai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congkhai",
        abstract: "Dựng trang thông tin điện tử công khai của xã, phường, đặc khu từ thư mục nội dung.",
        version: CongKhaiVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, ImportCommand.self, ThemeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Parses and runs like ArgumentParser's own `main`, but every message it prints (argument
    /// errors, `--help`) goes through `CLIText` so the editor reads Vietnamese.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = CLIText.unknownCommand(arguments, known: configuration.subcommands.map { $0._commandName }) {
            Terminal.error(problem)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = CLIText.vietnamese(fullMessage(for: error))
            if code == .success {
                Terminal.info(text)
            } else if !text.isEmpty {
                Terminal.error(text)
            }
            Foundation.exit(code.rawValue)
        }
    }
}

enum CongKhaiVersion {
    /// `make dist` names the archive after this.
    static let current = "0.1.0"
}
