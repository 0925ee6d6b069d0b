import Identity
import IdentitySQL
import LedgerTestSupport
import Testing

/// The audit chain on every available backend: append, tamper with SQL, verify names the row.
@Suite struct AuditLogTests {
    static func entry(_ n: Int) -> AuditEntry {
        AuditEntry(recordedAt: 1_700_000_000_000_000 + Int64(n), principal: "meera", principalKind: .staff,
                   roles: ["credit-manager"], remoteAddress: "10.0.0.7", method: "POST",
                   route: "/api/v1/loans/{id}/waivers", resourceID: "L-\(n)", before: "{\"waived\":\"0.00\"}",
                   after: "{\"waived\":\"250.00\"}", status: 201)
    }

    func filled(_ backend: Backend, rows: Int = 10) throws -> IdentityDatabase {
        let db = try IdentityDatabase(backend)
        for n in 1...rows { try db.audit.append(Self.entry(n)) }
        return db
    }

    @Test(arguments: Backend.available)
    func intactChainVerifies(_ backend: Backend) throws {
        let db = try filled(backend)
        defer { db.scratch.remove() }
        #expect(try db.audit.verify(pageSize: 3) == .intact(rows: 10))
        let first = try #require(try db.audit.records(from: 1, limit: 1).first)
        #expect(first.prevHash == AuditChain.genesis)
        // The first row's hash, computed here from its definition: SHA-256(32 zero bytes ‖ canonical bytes).
        #expect(first.hash == Hex.encode(HMACCheck.sha256Digest(Array(repeating: 0, count: 32)
            + AuditChain.canonicalBytes(sequence: 1, Self.entry(1)))))
    }

    @Test(arguments: Backend.available)
    func alteredRowIsNamed(_ backend: Backend) throws {
        let db = try filled(backend)
        defer { db.scratch.remove() }
        try db.tamper("UPDATE audit_log SET after_state = '{\"waived\":\"25000.00\"}' WHERE sequence = 6")
        guard case .broken(let problem) = try db.audit.verify() else {
            Issue.record("the altered row was not found")
            return
        }
        #expect(problem.sequence == 6)
        #expect(problem.problem.contains("hash does not match"))
    }

    @Test(arguments: Backend.available)
    func deletedRowIsNamedAsAGap(_ backend: Backend) throws {
        let db = try filled(backend)
        defer { db.scratch.remove() }
        try db.tamper("DELETE FROM audit_log WHERE sequence = 4")
        #expect(try db.audit.verify() == .broken(AuditBreakExpectation.gap(4, after: 3, next: 5)))
    }

    @Test(arguments: Backend.available)
    func rehashedRowBreaksTheNextLink(_ backend: Backend) throws {
        let db = try filled(backend)
        defer { db.scratch.remove() }
        try db.tamper("UPDATE audit_log SET hash = '" + String(repeating: "ab", count: 32) + "' WHERE sequence = 2")
        guard case .broken(let problem) = try db.audit.verify() else {
            Issue.record("the rehashed row was not found")
            return
        }
        #expect(problem.sequence == 2)
    }
}

enum AuditBreakExpectation {
    static func gap(_ sequence: Int64, after: Int64, next: Int64) -> AuditBreak {
        return AuditBreak(sequence: sequence, problem: "missing (deleted?): the row after \(after) is \(next)")
    }
}
