import Foundation
import Testing
@testable import lendline
import Rules
import Catalog

/// The repository root, for the shipped product files.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

func product(_ name: String) -> String { repositoryRoot + "/products/\(name).yaml" }

@Suite("lendline schedule")
struct ScheduleCommandTests {
    func run(_ arguments: [String]) throws -> String {
        let command = try ScheduleCommand.parse(arguments)
        return try command.output()
    }

    @Test("JSON contract: RBI's KFS illustration through a terms file")
    func jsonContract() throws {
        let terms = FileManager.default.temporaryDirectory.appendingPathComponent("rbi-\(UInt32.random(in: 0...UInt32.max)).json")
        try Data("""
            {"principal": "100000", "rate": "12%", "tenure": 12, "disbursement_date": "2026-04-01",
             "rounding": {"installment": "rupee", "last_installment": "equal"},
             "fees": [{"name": "processing", "amount": "2000"},
                      {"name": "insurance", "amount": "1000", "payee": "third-party"}]}
            """.utf8).write(to: terms)
        defer { try? FileManager.default.removeItem(at: terms) }
        let text = try run(["--terms", terms.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["installment_amount"] as? String == "8885.00")
        #expect(object["total_interest"] as? String == "6620.00")
        #expect(object["total_fees"] as? String == "3000.00")
        #expect(object["net_disbursed"] as? String == "97000.00")
        #expect(object["total_payable"] as? String == "106620.00")
        #expect(object["apr"] as? String == "17.83")
        let rows = try #require(object["installments"] as? [[String: Any]])
        #expect(rows.count == 12)
        #expect(rows[0]["number"] as? Int == 1)
        #expect(rows[0]["due_date"] as? String == "2026-05-01")
        #expect(rows[0]["opening_balance"] as? String == "100000.00")
        #expect(rows[0]["interest"] as? String == "1000.00")  // 1,00,000 × 12% / 12
        #expect(rows[0]["principal"] as? String == "7885.00")
        #expect(rows[0]["total"] as? String == "8885.00")
        #expect(rows[0]["closing_balance"] as? String == "92115.00")
        #expect(rows[11]["closing_balance"] as? String == "0.00")
        // Keys in the documented order.
        let keys = ["installment_amount", "installments", "total_interest", "total_fees", "net_disbursed", "total_payable", "apr"]
        var last = text.startIndex
        for key in keys {
            let range = try #require(text.range(of: "\"\(key)\"", range: last..<text.endIndex))
            last = range.upperBound
        }
    }

    @Test("flags beat the product's defaults")
    func flagsOverride() throws {
        let csv = try run(["--product", product("personal-loan"), "--principal", "100000", "--tenure", "12",
                           "--rate", "12%", "--disbursement-date", "2026-01-10", "--format", "csv"])
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 13)
        #expect(lines[0] == "number,due_date,opening_balance,principal,interest,total,closing_balance")
        // EMI of ₹1,00,000 at 12% for 12 months = 8,884.88 (numpy-financial pmt: 8884.8789)
        #expect(lines[1] == "1,2026-02-10,100000.00,7884.88,1000.00,8884.88,92115.12")
    }

    @Test("every shipped product lays out a schedule in each format", arguments: [
        ("personal-loan", "500000"), ("home-loan", "4500000"), ("two-wheeler-loan", "120000"),
        ("mfi-weekly-jlg", "40000"), ("msme-term-loan", "2000000"), ("gold-loan", "150000"),
    ])
    func shippedProducts(name: String, principal: String) throws {
        let base = ["--product", product(name), "--principal", principal, "--disbursement-date", "2026-03-15"]
        let json = try run(base + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["installments"] as? [[String: Any]])
        #expect(rows.last?["closing_balance"] as? String == "0.00")
        let csv = try run(base + ["--format", "csv"])
        #expect(csv.split(separator: "\n").count == rows.count + 1)
        let table = try run(base + ["--format", "table"])
        #expect(table.contains("APR"))
    }

    @Test("bad terms stop with every error at once")
    func errors() throws {
        let command = try ScheduleCommand.parse(["--product", product("personal-loan"), "--principal", "3000000",
                                                 "--rate", "12", "--disbursement-date", "2026-02-30"])
        let error = try #require(throws: DiagnosticsError.self) { try command.output() }
        let messages = error.diagnostics.map(\.description)
        #expect(messages.count == 3)
        #expect(messages.contains { $0.hasPrefix("command line: --principal: error: principal 30,00,000.00 is above the product's maximum 25,00,000.00") })
        #expect(messages.contains { $0.hasPrefix("command line: --rate: error: expected a percentage") })
        #expect(messages.contains { $0.contains("--disbursement-date") && $0.contains("2026-02-30") })
    }

    @Test("a bad --format or --set is refused before anything runs")
    func validation() {
        #expect(throws: (any Error).self) { try ScheduleCommand.parse(["--format", "xml"]) }
        #expect(throws: (any Error).self) { try ScheduleCommand.parse(["--set", "tenure"]) }
    }
}

@Suite("Committed schemas")
struct CommittedSchemaTests {
    @Test("schemas/ matches what `lendline schema` writes (run it and commit after changing a loader)")
    func upToDate() throws {
        for kind in SchemaCatalog.kinds {
            let expected = JSONSchemaWriter.document(kind.node, id: "https://lendline.dev/schemas/\(kind.file)", title: kind.title) + "\n"
            let committed = try String(contentsOfFile: repositoryRoot + "/schemas/" + kind.file, encoding: .utf8)
            #expect(committed == expected, "schemas/\(kind.file) is stale")
        }
    }
}
