import Identity
import Ledger

/// Staff users, API keys and the signing key in the ledger's database (`staff_user`, `api_key`,
/// `signing_key`), on SQLite or PostgreSQL.
public final class SQLIdentityStore: IdentityStore {
    let database: LockedConnection

    public init(_ database: LockedConnection) { self.database = database }

    static let userColumns = """
        user_id, display_name, roles, password_hash, totp_secret, totp_last_step, failed_attempts, locked_until,
        disabled
        """

    public func user(_ id: String) throws -> StaffUser? {
        try database.withConnection { try Self.user(id, on: $0, lock: "") }
    }

    static func user(_ id: String, on connection: any SQLConnection, lock: String) throws -> StaffUser? {
        try connection.query("SELECT \(userColumns) FROM staff_user WHERE user_id = ?\(lock)", [.text(id)])
            .first.map(StaffUserRow.user)
    }

    public func users() throws -> [StaffUser] {
        try database.withConnection {
            try $0.query("SELECT \(Self.userColumns) FROM staff_user ORDER BY user_id", []).map(StaffUserRow.user)
        }
    }

    public func insertUser(_ user: StaffUser) throws {
        do {
            try database.transaction { connection in
                try connection.query("INSERT INTO staff_user (\(Self.userColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     StaffUserRow.values(user))
            }
        } catch where database.isUniqueViolation(error) {
            throw IdentityError.userExists(user.id)
        }
    }

    @discardableResult
    public func modifyUser<R>(_ id: String, _ body: (inout StaffUser) throws -> R) throws -> R? {
        try database.transaction { connection -> R? in
            guard var user = try Self.user(id, on: connection, lock: database.forUpdate) else { return nil }
            let result = try body(&user)
            precondition(user.id == id, "a user's id does not change")
            try connection.query("""
                UPDATE staff_user SET display_name = ?, roles = ?, password_hash = ?, totp_secret = ?,
                    totp_last_step = ?, failed_attempts = ?, locked_until = ?, disabled = ? WHERE user_id = ?
                """, Array(StaffUserRow.values(user).dropFirst()) + [.text(id)])
            return result
        }
    }

    public func apiKey(_ id: String) throws -> APIKey? {
        try database.withConnection {
            try $0.query("SELECT \(APIKeyRow.columns) FROM api_key WHERE key_id = ?", [.text(id)]).first
                .map(APIKeyRow.key)
        }
    }

    public func apiKeys() throws -> [APIKey] {
        try database.withConnection {
            try $0.query("SELECT \(APIKeyRow.columns) FROM api_key ORDER BY created_at, key_id", []).map(APIKeyRow.key)
        }
    }

    public func insertAPIKey(_ key: APIKey) throws {
        try database.transaction { connection in
            try connection.query("INSERT INTO api_key (\(APIKeyRow.columns)) VALUES (?, ?, ?, ?, ?, ?)",
                                 APIKeyRow.values(key))
        }
    }

    public func revokeAPIKey(_ id: String, at now: Int64) throws -> Bool {
        try database.transaction { connection in
            guard try !connection.query("SELECT key_id FROM api_key WHERE key_id = ?", [.text(id)]).isEmpty else {
                return false
            }
            try connection.query("UPDATE api_key SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                                 [.integer(now), .text(id)])
            return true
        }
    }

    public func signingKey(creating make: () -> [UInt8]) throws -> [UInt8] {
        try database.transaction { connection in
            let select = "SELECT secret FROM signing_key WHERE key_id = 'token'"
            if let row = try connection.query(select, []).first, let key = Hex.decode(row.text(0)) { return key }
            let key = make()
            try connection.query("""
                INSERT INTO signing_key (key_id, secret) VALUES ('token', ?) ON CONFLICT (key_id) DO NOTHING
                """, [.text(Hex.encode(key))])
            // Another server may have created it first: use whichever is stored.
            return try connection.query(select, []).first.flatMap { Hex.decode($0.text(0)) } ?? key
        }
    }
}
