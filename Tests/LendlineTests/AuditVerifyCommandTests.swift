import ArgumentParser
import Identity
import IdentitySQL
import LedgerTestSupport
import Testing
@testable import lendline

/// `lendline audit verify`: exit 0 on an intact chain, 2 naming the first broken row.
@Suite struct AuditVerifyCommandTests {
    func exitCode(_ location: String) -> Int32 {
        do {
            var command = try AuditVerifyCommand.parseAsRoot(["--database", location])
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            return -1
        }
    }

    @Test func intactThenTampered() throws {
        let scratch = try ScratchDatabase(.sqlite)
        defer { scratch.remove() }
        let connection = try LockedConnection.open(scratch.location)
        let log = SQLAuditLog(connection)
        for n in 1...5 {
            try log.append(AuditEntry(recordedAt: Int64(n), principal: "admin", principalKind: .staff, roles: ["admin"],
                                      remoteAddress: nil, method: "POST", route: "/admin/config/reload",
                                      resourceID: nil, before: nil, after: nil, status: 200))
        }
        #expect(exitCode(scratch.location) == 0)
        try connection.withConnection { try $0.execute("UPDATE audit_log SET status = 500 WHERE sequence = 3") }
        #expect(exitCode(scratch.location) == 2)
    }
}
