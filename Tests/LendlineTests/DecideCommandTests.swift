import ArgumentParser
import Foundation
import Rules
import Testing
@testable import lendline

@Suite("lendline decide")
struct DecideCommandTests {
    /// The prime applicant of policies/tests/personal-loan-underwriting.yaml, as JSON fields.
    static let prime = """
        "date_of_birth": "1990-05-10", "application_date": "2026-03-15", "employment_type": "salaried",
        "months_in_job": 40, "monthly_income": 85000, "existing_emi": "12000.00", "proposed_emi": 17089,
        "requested_amount": 500000, "tenure_months": 36, "bureau_score": 812, "max_dpd_12m": 0,
        "enquiries_6m": 1, "written_off_or_settled_36m": false
        """

    func decide(_ arguments: [String]) throws -> (text: String, failed: Bool) {
        try DecideCommand.parse(["--policy", PolicyFiles.shipped("personal-loan-underwriting")] + arguments).output()
    }

    @Test("one application: its decision, reasons and outputs as JSON")
    func single() throws {
        let folder = try PolicyFiles.folder()
        let input = try PolicyFiles.write("{\n" + Self.prime + "\n}\n", "case.json", in: folder)
        let (text, failed) = try decide(["--input", input])
        #expect(!failed)
        // FOIR = (12,000 + 17,089) / 85,000 = 34.2%: pricing row 5 (800..849, salaried, < 40%).
        #expect(
            text == """
                {"outcome":"approve","reasons":[{"rule":"R17","outcome":"approve","code":"FAST_TRACK",\
                "message":"Eligible for straight-through approval"}],"outputs":{"max_amount":"1700000.00",\
                "interest_rate":"11.5%","processing_fee_rate":"1%","income_multiple":20,"max_tenure_months":60}}
                """)
    }

    @Test("--trace adds what the evaluation read and found")
    func traced() throws {
        let folder = try PolicyFiles.folder()
        let input = try PolicyFiles.write("{" + Self.prime + ", \"id\": \"APP-1\"}", "case.json", in: folder)
        let (text, _) = try decide(["--input", input, "--trace"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "APP-1")
        let trace = try #require(object["trace"] as? [String: Any])
        let inputs = try #require(trace["inputs"] as? [String: Any])
        #expect(inputs["monthly_income"] as? String == "85000.00")
        let derived = try #require(trace["derived"] as? [String: Any])
        #expect(derived["age"] as? Int == 35)
        #expect(derived["foir"] as? String == "0.342223529411764706")  // 29,089 / 85,000
        #expect((trace["tables"] as? [String: [Int]])?["pricing"] == [5])
        let rules = try #require(trace["rules"] as? [String: Bool])
        #expect(rules.count == 17)
        #expect(rules.filter(\.value).map(\.key) == ["R17"])
    }

    @Test("bad JSON input names the field, the line and the column; exit status 2")
    func badInput() throws {
        let folder = try PolicyFiles.folder()
        let text =
            "{\n"
            + Self.prime.replacingOccurrences(of: "\"monthly_income\": 85000", with: "\"monthly_income\": \"85,000\"")
            .replacingOccurrences(of: "\"employment_type\": \"salaried\"", with: "\"employment_type\": \"salary\"")
            + ",\n\"income\": 1\n}\n"
        let input = try PolicyFiles.write(text, "case.json", in: folder)
        let error = try #require(throws: DiagnosticsError.self) { try decide(["--input", input]) }
        #expect(
            CaseFile.render(error) == """
                \(input):2:85: error: `employment_type` must be one of salaried, self_employed
                \(input):3:40: error: `monthly_income` must be an amount in rupees such as `85000` or `85000.50`
                \(input):6:1: error: `income` is not an input of the policy
                3 errors
                """)
        #expect(throws: ExitCode(2)) {
            try DecideCommand.parse(["--policy", PolicyFiles.shipped("personal-loan-underwriting"), "--input", input])
                .run()
        }
        let broken = try PolicyFiles.write(
            "{\"bureau_score\": 700,\n \"months_in_job\": 4\n", "broken.json", in: folder)
        let syntax = try #require(throws: DiagnosticsError.self) { try decide(["--input", broken]) }
        #expect(
            syntax.diagnostics.map(\.description) == [
                "\(broken):3:1: error: invalid JSON: did not find expected ',' or '}' while parsing a flow mapping"
            ])
    }

    @Test("a batch: one decision per line with its line number and id; blank lines skipped")
    func batch() throws {
        let folder = try PolicyFiles.folder()
        let compact =
            "{" + Self.prime.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: ": ", with: ":")
        let lines = [
            compact + ",\"id\":\"A\"}",
            "",
            compact.replacingOccurrences(of: "\"existing_emi\":\"12000.00\"", with: "\"existing_emi\":35000")
                + ",\"id\":\"B\"}",
        ]
        let inputs = try PolicyFiles.write(lines.joined(separator: "\n") + "\n", "cases.jsonl", in: folder)
        let (text, failed) = try decide(["--inputs", inputs])
        #expect(!failed)
        let decisions = try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(decisions.map { $0["line"] as? Int } == [1, 3])
        #expect(decisions.map { $0["id"] as? String } == ["A", "B"])
        #expect(decisions.map { $0["outcome"] as? String } == ["approve", "reject"])  // B: FOIR 61.3%
    }

    @Test("a batch with bad lines reports every one, without quoting the lines (borrower data)")
    func batchErrors() throws {
        let folder = try PolicyFiles.folder()
        let good = "{" + Self.prime.replacingOccurrences(of: "\n", with: "") + "}"
        let lines = [
            good, good.replacingOccurrences(of: "\"bureau_score\": 812", with: "\"bureau_score\": 812.5"),
            good.replacingOccurrences(of: "\"enquiries_6m\": 1, ", with: ""), "{\"bureau_score\": 7",
        ]
        let inputs = try PolicyFiles.write(lines.joined(separator: "\n"), "cases.jsonl", in: folder)
        let error = try #require(throws: DiagnosticsError.self) { try decide(["--inputs", inputs]) }
        #expect(
            CaseFile.render(error) == """
                \(inputs):2:258: error: `bureau_score` must be a whole number such as `36`
                \(inputs):3:1: error: missing input `enquiries_6m`
                \(inputs):4:19: error: invalid JSON: did not find expected ',' or '}' while parsing a flow mapping
                3 errors
                """)
    }

    @Test("--input and --inputs are exclusive; --against needs a batch")
    func validation() {
        let policy = ["--policy", "p.yaml"]
        #expect(throws: (any Error).self) { try DecideCommand.parse(policy) }
        #expect(throws: (any Error).self) { try DecideCommand.parse(policy + ["--input", "a", "--inputs", "b"]) }
        #expect(throws: (any Error).self) { try DecideCommand.parse(policy + ["--input", "a", "--against", "b"]) }
    }
}
