import ArgumentParser
import Foundation
import Servicing

/// `lendline ledger verify`: rebuild every projection from the events and report differences.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Check the ledger.", subcommands: [LedgerVerifyCommand.self])
}

struct LedgerVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Rebuild loan_account, schedule_line, classification and gl_entry from loan_event and compare.",
        discussion: "Exit status 1 when any stored row differs from the rebuild; each difference is printed.")

    @OptionGroup var options: BookOptions
    @Option(help: "Print at most this many differences.") var limit = 50

    func run() throws {
        let result = try LedgerVerification.verify(try options.openStore(), chart: ServicingRules(catalog: try options.catalog()).chart)
        for difference in result.differences.prefix(limit) { print(difference) }
        print("verified \(result.loans) loans, \(result.events) events: \(result.differences.count) differences")
        if !result.differences.isEmpty { throw ExitCode(1) }
    }
}
