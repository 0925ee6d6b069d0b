/// The ledger's tables, as numbered migrations shared by SQLite and PostgreSQL. Every loan-scoped
/// table is keyed by `loan_id` first so the book can be sharded by loan.
public enum LedgerSchema {
    /// (version, name, SQL) in order; applied once each and recorded in `schema_migration`.
    public static let migrations: [(version: Int, name: String, sql: String)] = [
        (1, "event store", """
            CREATE TABLE loan_stream (
                loan_id TEXT PRIMARY KEY,
                last_sequence BIGINT NOT NULL
            );
            CREATE TABLE loan_event (
                loan_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                event_type TEXT NOT NULL,
                value_date TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                idempotency_key TEXT NOT NULL,
                catalog_version TEXT NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (loan_id, sequence)
            );
            CREATE TABLE loan_command (
                loan_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                first_sequence BIGINT NOT NULL,
                last_sequence BIGINT NOT NULL,
                PRIMARY KEY (loan_id, idempotency_key)
            );
            """),
    ]

    /// The migration bookkeeping table.
    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS schema_migration (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL
        )
        """

    /// Longest loan id accepted.
    public static let maxLoanIDLength = 64
    /// Most events one command may write.
    public static let maxEventsPerBatch = 1_000
}
