import ArgumentParser
import Foundation
import Ledger
import LedgerTestSupport
import Testing
@testable import lendline

/// `lendline application`: the same commands as the HTTP routes, acting as a user with roles; a
/// refusal exits with status 2 and changes nothing.
@Suite struct ApplicationCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func run(_ arguments: [String], _ scratch: ScratchDatabase, documents: String) -> Int32 {
        do {
            var command = try Lendline.parseAsRoot(
                ["application"] + arguments + ["--config", Self.root, "--database", scratch.location, "--documents", documents])
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            return -1
        }
    }

    func state(_ scratch: ScratchDatabase) throws -> String? {
        try DatabaseLocation(scratch.location).connect()
            .query("SELECT state FROM loan_application WHERE application_id = 'CLI-1'", []).first?.text(0)
    }

    @Test("create, attach, submit as a loan officer; submitting as an auditor is refused")
    func createAndSubmit() throws {
        let scratch = try ScratchDatabase(.sqlite)
        let documents = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)").path
        defer {
            scratch.remove()
            try? FileManager.default.removeItem(atPath: documents)
        }
        let body = """
            {"application_id":"CLI-1","product":"personal-loan","amount":"500000","tenure":36,"date":"2026-03-02",
             "employment_type":"salaried","months_in_job":24,"monthly_income":"100000",
             "applicant":{"name":"Asha Verma","pan":"ABCPV1234K","date_of_birth":"1990-06-15"}}
            """
        #expect(run(["create", "--body", body], scratch, documents: documents) == 0)
        #expect(try state(scratch) == "draft")
        let date = #"{"date":"2026-03-02"}"#
        #expect(run(["step", "submit", "CLI-1", "--body", date], scratch, documents: documents) == 2)
        for item in ["identity-proof", "income-proof"] {
            let document = #"{"item":"\#(item)","media_type":"application/pdf","content":"JVBERi0=","date":"2026-03-02"}"#
            #expect(run(["step", "documents", "CLI-1", "--body", document], scratch, documents: documents) == 0)
        }
        #expect(run(["step", "submit", "CLI-1", "--body", date, "--as", "audrey:auditor"], scratch,
                    documents: documents) == 2)
        #expect(try state(scratch) == "draft")
        #expect(run(["step", "submit", "CLI-1", "--body", date, "--as", "meera:loan-officer"], scratch,
                    documents: documents) == 0)
        // The bureau simulator's file for this PAN takes the automated path to a sanction.
        #expect(try state(scratch) == "sanctioned")
        #expect(run(["show", "CLI-1"], scratch, documents: documents) == 0)
        #expect(run(["show", "NOPE"], scratch, documents: documents) == 2)
    }
}
