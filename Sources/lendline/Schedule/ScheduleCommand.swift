import ArgumentParser
import Catalog
import Foundation
import LoanMath
import Rules

/// `lendline schedule`: a product's repayment schedule and KFS figures for given terms.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print a repayment schedule with its Key Facts figures.",
        discussion: """
            Terms come from the product's defaults, then --terms (YAML or JSON), then flags; later wins.
            Nested terms use --set, e.g. --set step.every=12 --set moratorium.principal=3.
            Exit status 2 when a file or a value has errors (each printed as file:line:col).
            """)

    @OptionGroup var termsOptions: TermsOptions
    @Option(help: "table | csv | json") var format: String = "table"

    func validate() throws {
        guard ScheduleFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of: table, csv, json")
        }
    }

    func run() throws {
        do {
            print(try output())
        } catch let error as DiagnosticsError {
            FileHandle.standardError.write(Data((DiagnosticsReport.render(error) + "\n").utf8))
            throw ExitCode(2)
        } catch let error as ScheduleError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// The schedule in the chosen format, or the errors that stop it.
    func output() throws -> String {
        let schedule = try ScheduleEngine.schedule(for: try resolveTerms())
        return ScheduleFormatter(schedule).render(ScheduleFormat(rawValue: format) ?? .table)
    }

    func resolveTerms() throws(DiagnosticsError) -> LoanTerms { try termsOptions.resolve() }
}
