import Identity
import Ledger

/// `staff_user` rows ↔ `StaffUser`.
enum StaffUserRow {
    static func values(_ user: StaffUser) -> [SQLValue?] {
        [.text(user.id), .text(user.displayName), .text(user.roles.joined(separator: ",")), .text(user.passwordHash),
         user.totpSecret.map(SQLValue.text), user.totpLastStep.map(SQLValue.integer),
         .integer(Int64(user.failedAttempts)), user.lockedUntil.map(SQLValue.integer), .integer(user.disabled ? 1 : 0)]
    }

    static func user(_ row: SQLRow) -> StaffUser {
        StaffUser(id: row.text(0), displayName: row.text(1), roles: list(row.text(2)), passwordHash: row.text(3),
                  totpSecret: row.isNull(4) ? nil : row.text(4), totpLastStep: row.isNull(5) ? nil : row.int64(5),
                  failedAttempts: Int(row.int64(6)), lockedUntil: row.isNull(7) ? nil : row.int64(7),
                  disabled: row.int64(8) != 0)
    }

    static func list(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}

/// `api_key` rows ↔ `APIKey`. Scopes are stored as permission names; a name no longer known is dropped.
enum APIKeyRow {
    static let columns = "key_id, name, scopes, key_hash, created_at, revoked_at"

    static func values(_ key: APIKey) -> [SQLValue?] {
        [.text(key.id), .text(key.name), .text(key.scopes.map(\.rawValue).sorted().joined(separator: ",")),
         .text(key.keyHash), .integer(key.createdAt), key.revokedAt.map(SQLValue.integer)]
    }

    static func key(_ row: SQLRow) -> APIKey {
        let scopes = Set(StaffUserRow.list(row.text(2)).compactMap(Permission.init))
        return APIKey(id: row.text(0), name: row.text(1), scopes: scopes,
               keyHash: row.text(3), createdAt: row.int64(4), revokedAt: row.isNull(5) ? nil : row.int64(5))
    }
}

/// `audit_log` rows ↔ `AuditRecord`.
enum AuditRow {
    static let columns = """
        sequence, recorded_at, principal, principal_kind, roles, remote_address, method, route, resource_id,
        before_state, after_state, status, prev_hash, hash
        """

    static func values(_ record: AuditRecord) -> [SQLValue?] {
        let e = record.entry
        return [.integer(record.sequence), .integer(e.recordedAt), .text(e.principal), .text(e.principalKind.rawValue),
                .text(e.roles.joined(separator: ",")), e.remoteAddress.map(SQLValue.text), .text(e.method),
                .text(e.route), e.resourceID.map(SQLValue.text), e.before.map(SQLValue.text),
                e.after.map(SQLValue.text), .integer(Int64(e.status)), .text(record.prevHash), .text(record.hash)]
    }

    static func record(_ row: SQLRow) -> AuditRecord {
        func optional(_ i: Int) -> String? { row.isNull(i) ? nil : row.text(i) }
        // An unknown kind is kept as `staff` here; the hash then no longer matches and verify names the row.
        let entry = AuditEntry(
            recordedAt: row.int64(1), principal: row.text(2),
            principalKind: Principal.Kind(rawValue: row.text(3)) ?? .staff, roles: StaffUserRow.list(row.text(4)),
            remoteAddress: optional(5), method: row.text(6), route: row.text(7), resourceID: optional(8),
            before: optional(9), after: optional(10), status: Int(row.int64(11)))
        return AuditRecord(sequence: row.int64(0), entry: entry, prevHash: row.text(12), hash: row.text(13))
    }
}
