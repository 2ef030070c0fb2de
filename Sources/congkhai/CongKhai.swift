import ArgumentParser

@main
struct CongKhai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congkhai",
        abstract: "Dựng trang thông tin điện tử công khai của xã, phường, đặc khu từ thư mục nội dung.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ImportCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
