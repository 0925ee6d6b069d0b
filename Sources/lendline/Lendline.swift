import ArgumentParser

/// The `lendline` command-line tool.
@main
struct Lendline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lendline",
        abstract: "Lendline: loan origination and servicing, configured by files in git.",
        version: "0.1.0",
        subcommands: [ServeCommand.self, ScheduleCommand.self, LoanCommand.self, EODCommand.self, LedgerCommand.self, DemoCommand.self, AuditCommand.self, UsersCommand.self, APIKeysCommand.self, ValidateCommand.self, DecideCommand.self, TestPoliciesCommand.self, DiffCommand.self, SchemaCommand.self, RenderCommand.self, BenchCommand.self, ApplicationCommand.self, VersionCommand.self])
}
