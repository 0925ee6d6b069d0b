/// Applies the ledger's migrations that a database has not seen, each in its own transaction.
public enum LedgerMigrator {
    /// Brings `connection`'s schema up to date; safe to run at every start.
    public static func migrate(_ connection: some SQLConnection) throws {
        try connection.execute(LedgerSchema.bookkeeping)
        let applied = Set(try connection.query("SELECT version FROM schema_migration", []).map { Int($0.int64(0)) })
        for migration in LedgerSchema.migrations(for: connection.dialect) where !applied.contains(migration.version) {
            try connection.transaction {
                try connection.execute(migration.sql)
                try connection.query("INSERT INTO schema_migration (version, name) VALUES (?, ?)",
                                     [.integer(Int64(migration.version)), .text(migration.name)])
            }
        }
    }
}
