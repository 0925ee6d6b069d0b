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

    @Option(help: "Product file (products/NAME.yaml).") var product: String?
    @Option(help: "Terms file (YAML or JSON) in the product file's vocabulary.") var terms: String?
    @Option(help: "Amount lent, in rupees.") var principal: String?
    @Option(help: "Nominal annual rate, e.g. 10.5%.") var rate: String?
    @Option(help: "Number of instalments.") var tenure: String?
    @Option(help: "weekly | fortnightly | monthly | quarterly | half-yearly | yearly") var frequency: String?
    @Option(help: "reducing-balance | flat | rule-of-78") var method: String?
    @Option(help: "equal-installment | equal-principal | interest-only | balloon | step-up") var amortization: String?
    @Option(help: "Balloon amount with --amortization balloon.") var balloon: String?
    @Option(name: .customLong("day-count"), help: "30/360 | actual/365 | actual/360 | actual/364 | actual/actual")
    var dayCount: String?
    @Option(name: .customLong("disbursement-date"), help: "YYYY-MM-DD") var disbursementDate: String?
    @Option(name: .customLong("first-due-date"), help: "YYYY-MM-DD") var firstDueDate: String?
    @Option(name: .customLong("set"), help: "Any term as KEY=VALUE (dotted keys for nested terms).")
    var assignments: [String] = []
    @Option(help: "table | csv | json") var format: String = "table"

    func validate() throws {
        guard ScheduleFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of: table, csv, json")
        }
        for assignment in assignments where !assignment.contains("=") {
            throw ValidationError("--set takes KEY=VALUE, e.g. --set step.every=12; got '\(assignment)'")
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

    func resolveTerms() throws(DiagnosticsError) -> LoanTerms {
        var definition: ProductDefinition?
        if let product {
            switch ProductLoader.load(path: product) {
            case .success(let loaded): definition = loaded
            case .failure(let error): throw error
            }
        }
        return try TermsResolver.resolve(product: definition, termsFile: terms, overrides: overrides)
    }

    /// Flags as overrides, in the order the terms vocabulary lists them, then `--set` pairs.
    var overrides: [TermsOverride] {
        let flags: [(String, String?)] = [
            ("principal", principal), ("rate", rate), ("tenure", tenure), ("frequency", frequency),
            ("method", method), ("amortization", amortization), ("balloon", balloon), ("day_count", dayCount),
            ("disbursement_date", disbursementDate), ("first_due_date", firstDueDate),
        ]
        var result = flags.compactMap { key, value in value.map { TermsOverride(key: key, text: $0) } }
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            result.append(TermsOverride(key: parts[0], text: parts.count > 1 ? parts[1] : "", flag: "--set " + parts[0]))
        }
        return result
    }
}
