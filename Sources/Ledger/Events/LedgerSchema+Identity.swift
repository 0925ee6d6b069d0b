/// Tables of staff identity and the audit log (migrations 20 and up; the HTTP layer's are 10 and up).
extension LedgerSchema {
    /// Every migration the migrator applies, in version order.
    public static var allMigrations: [(version: Int, name: String, sql: String)] {
        (migrations + identityMigrations + workflowMigrations + partyMigrations + applicationMigrations)
            .sorted { $0.version < $1.version }
    }

    /// The migrations `dialect` takes: all of `allMigrations`, and on PostgreSQL its own few.
    public static func migrations(for dialect: SQLDialect) -> [(version: Int, name: String, sql: String)] {
        switch dialect {
        case .sqlite: allMigrations
        case .postgresql: (allMigrations + postgresMigrations).sorted { $0.version < $1.version }
        }
    }

    public static let identityMigrations: [(version: Int, name: String, sql: String)] = [
        (20, "staff users, API keys and the token signing key", """
            CREATE TABLE staff_user (
                user_id TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                roles TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                totp_secret TEXT,
                totp_last_step BIGINT,
                failed_attempts INTEGER NOT NULL,
                locked_until BIGINT,
                disabled INTEGER NOT NULL
            );
            CREATE TABLE api_key (
                key_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                scopes TEXT NOT NULL,
                key_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            );
            CREATE TABLE signing_key (
                key_id TEXT PRIMARY KEY,
                secret TEXT NOT NULL
            );
            """),
        (21, "audit log", """
            CREATE TABLE audit_log (
                sequence BIGINT PRIMARY KEY,
                recorded_at BIGINT NOT NULL,
                principal TEXT NOT NULL,
                principal_kind TEXT NOT NULL,
                roles TEXT NOT NULL,
                remote_address TEXT,
                method TEXT NOT NULL,
                route TEXT NOT NULL,
                resource_id TEXT,
                before_state TEXT,
                after_state TEXT,
                status INTEGER NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            """),
    ]
}
