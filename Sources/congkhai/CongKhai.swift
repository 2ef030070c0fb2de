import ArgumentParser

@main
struct CongKhai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congkhai",
        abstract: "Dựng trang thông tin điện tử công khai của xã, phường, đặc khu từ thư mục nội dung.",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, ImportCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
