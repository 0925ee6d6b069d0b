import ArgumentParser
import Catalog
import Foundation
import Rules
import Server

/// `lendline decide`: a policy's decision for one application, a batch, or a backtest of a change.
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Decide applications with a policy; with --against, backtest a policy change.",
        discussion: """
            --input reads one JSON object of the policy's inputs and prints its decision as JSON.
            --inputs reads JSON Lines (one object per line) and prints one decision per line; with
            --against OTHER it prints instead how many decisions change between OTHER and --policy, which
            way (e.g. approve → reject) and which rules caused it. Amounts are rupees ("85000.50" or 85000),
            rates percentages ("12.5%"), dates "2026-03-15". A case may carry an "id", echoed back.
            Exit status 2 when a file has errors (each printed as file:line:col), 1 when an evaluation fails.
            """)

    @Option(help: "The policy file (policies/NAME.yaml).") var policy: String
    @Option(help: "One application as a JSON object.") var input: String?
    @Option(help: "Applications as JSON Lines, one object per line.") var inputs: String?
    @Option(help: "With --inputs: the policy to compare with (the baseline).") var against: String?
    @Flag(help: "Include what each evaluation read and found.") var trace = false

    func validate() throws {
        guard (input == nil) != (inputs == nil) else {
            throw ValidationError("give exactly one of --input or --inputs")
        }
        if against != nil && inputs == nil { throw ValidationError("--against compares a batch; give --inputs") }
    }

    func run() throws {
        do {
            let (text, failed) = try output()
            print(text)
            if failed { throw ExitCode(1) }
        } catch let error as DiagnosticsError {
            standardError(
                error.diagnostics.first.map { isCaseFile($0.location.file) } == true
                    ? CaseFile.render(error) : DiagnosticsReport.render(error))
            throw ExitCode(2)
        }
    }

    /// What the command prints, and whether an evaluation failed.
    func output() throws(DiagnosticsError) -> (text: String, failed: Bool) {
        let candidate = try Self.load(policy)
        if let input {
            let decided = Self.decide(
                try CaseFile.single(path: input, policies: [candidate]), candidate, trace: trace,
                batch: false)
            return (decided.json.text, decided.failed)
        }
        if let against {
            let baseline = try Self.load(against)
            let cases = try CaseFile.lines(path: inputs ?? "", policies: [candidate, baseline])
            return (Self.backtest(cases, candidate: candidate, baseline: baseline).json.text, false)
        }
        let cases = try CaseFile.lines(path: inputs ?? "", policies: [candidate])
        let decided = cases.map { Self.decide($0, candidate, trace: trace, batch: true) }
        return (decided.map(\.json.text).joined(separator: "\n"), decided.contains { $0.failed })
    }

    func isCaseFile(_ file: String) -> Bool { file == input || file == inputs }

    /// The policy in the file at `path`, whatever the file is called (a candidate version may be
    /// named `underwriting-v2.yaml`).
    static func load(_ path: String) throws(DiagnosticsError) -> CompiledPolicy {
        try PolicyLoader.load(try ConfigSource.read(path: path), expectedID: nil).get()
    }

    /// The decision of one case as JSON (with its line in a batch, and its id), or its evaluation error.
    static func decide(
        _ item: CaseFile.Case, _ policy: CompiledPolicy, trace: Bool,
        batch: Bool
    ) -> (json: JSONValue, failed: Bool) {
        var fields: [(String, JSONValue)] = batch ? [("line", .int(item.line))] : []
        if let id = item.id { fields.append(("id", .string(id))) }
        do {
            fields += DecisionJSON.fields(try policy.evaluate(item.inputs[0], trace: trace))
            return (.object(fields), false)
        } catch {
            return (.object(fields + [("error", .string(error.description))]), true)
        }
    }

    /// Every case decided by both versions, compared.
    static func backtest(_ cases: [CaseFile.Case], candidate: CompiledPolicy, baseline: CompiledPolicy) -> Backtest {
        var result = Backtest()
        for item in cases {
            guard let new = try? candidate.evaluate(item.inputs[0]),
                let previous = try? baseline.evaluate(item.inputs[1])
            else {
                result.addError()
                continue
            }
            result.add(candidate: new, baseline: previous)
        }
        return result
    }
}
