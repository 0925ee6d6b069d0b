import ArgumentParser
import Catalog
import Foundation
import Ledger
import Server

/// `lendline application …`: loan applications on the database, through the same commands as the
/// HTTP routes (create, then steps such as submit, decisions, accept-kfs, disburse, approvals).
struct ApplicationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "application", abstract: "Create, advance and inspect loan applications.",
        subcommands: [ApplicationCreateCommand.self, ApplicationStepCommand.self, ApplicationShowCommand.self,
                      ApplicationListCommand.self])
}

/// Options every application command shares: configuration, database, who acts, where documents go.
struct DeskOptions: ParsableArguments {
    @OptionGroup var book: BookOptions
    @Option(name: .customLong("as"), help: "Who acts: user:role[,role], e.g. meera:loan-officer.") var actor =
        "cli:loan-officer"
    @Option(help: "Folder for document bytes.") var documents = "lendline-documents"

    func desk() throws -> ApplicationDesk {
        let catalog = try book.catalog()
        let services = ApplicationServices(storage: LocalDirectoryStorage(directory: URL(fileURLWithPath: documents)))
        return try ApplicationDesk(location: DatabaseLocation(book.databaseLocation),
                                   registry: CatalogRegistry(initial: catalog, directory: book.config), services: services)
    }

    var user: (id: String, roles: [String]) {
        let parts = actor.split(separator: ":", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1].split(separator: ",").map(String.init) : [])
    }
}

/// Prints a desk answer; a refusal goes to standard error with exit status 2.
func report(_ answer: (status: Int, body: String)) throws {
    guard answer.status < 400 else {
        FileHandle.standardError.write(Data("error (\(answer.status)): \(answer.body)\n".utf8))
        throw ExitCode(2)
    }
    print(answer.body)
}

/// Reads `--body`: JSON text, or `@path` for a file's contents.
func bodyText(_ body: String) throws -> String {
    guard body.hasPrefix("@") else { return body }
    guard let data = FileManager.default.contents(atPath: String(body.dropFirst())) else {
        throw ValidationError("--body: cannot read \(body.dropFirst())")
    }
    return String(decoding: data, as: UTF8.self)
}

struct ApplicationCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an application from a JSON body.")
    @OptionGroup var options: DeskOptions
    @Option(help: "The body of POST /api/v1/applications, or @file.") var body: String
    @Option(help: "Idempotency key (default: a new one).") var key = UUID().uuidString

    func run() throws {
        let user = options.user
        try report(try options.desk().run(.create, id: nil, body: try bodyText(body), user: user.id, roles: user.roles,
                                          key: key))
    }
}

struct ApplicationStepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "step", abstract: "Run a step: " + ApplicationDesk.Step.allCases.map(\.rawValue).joined(separator: ", "))
    @OptionGroup var options: DeskOptions
    @Argument(help: "The step, e.g. submit.") var step: String
    @Argument(help: "Application id (none for timers).") var id: String?
    @Option(help: "The step's JSON body, or @file, e.g. {\"date\":\"2026-03-02\"}.") var body: String
    @Option(help: "Idempotency key (default: a new one).") var key = UUID().uuidString

    func run() throws {
        guard let step = ApplicationDesk.Step(rawValue: step), step != .create else {
            throw ValidationError("step must be one of " + ApplicationDesk.Step.allCases.dropFirst().map(\.rawValue)
                .joined(separator: ", "))
        }
        let user = options.user
        try report(try options.desk().run(step, id: id, body: try bodyText(body), user: user.id, roles: user.roles,
                                          key: key))
    }
}

struct ApplicationShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an application.")
    @OptionGroup var options: DeskOptions
    @Argument(help: "Application id.") var id: String

    func run() throws { try report(try options.desk().show(id)) }
}

struct ApplicationListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The pipeline, by state.")
    @OptionGroup var options: DeskOptions
    @Option(help: "Only applications in this state.") var state: String?

    func run() throws { print(try options.desk().pipeline(state: state)) }
}
