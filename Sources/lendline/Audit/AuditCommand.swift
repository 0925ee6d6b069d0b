import ArgumentParser
import Identity
import IdentitySQL

/// `lendline audit verify`: walk the audit log's hash chain.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit log.", subcommands: [AuditVerifyCommand.self])
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Walk the audit log's hash chain and name the first broken row.",
        discussion: "Exit status 0 when the chain is intact, 2 when a row was altered, deleted or inserted.")

    @OptionGroup var options: IdentityOptions

    func run() throws {
        switch try SQLAuditLog(options.open()).verify() {
        case .intact(let rows):
            print("ok: audit log intact, \(rows) rows")
        case .broken(let problem):
            print("broken: \(problem)")
            throw ExitCode(2)
        }
    }
}
