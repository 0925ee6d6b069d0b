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
        (2, "servicing projections", """
            CREATE TABLE loan_account (
                loan_id TEXT PRIMARY KEY,
                product TEXT NOT NULL,
                catalog_version TEXT NOT NULL,
                status TEXT NOT NULL,
                currency TEXT NOT NULL,
                principal BIGINT NOT NULL,
                principal_outstanding BIGINT NOT NULL,
                interest_recognised BIGINT NOT NULL,
                interest_suspended BIGINT NOT NULL,
                arrears BIGINT NOT NULL,
                advance BIGINT NOT NULL,
                dpd INTEGER NOT NULL,
                asset_class TEXT NOT NULL,
                npa_since TEXT,
                provision BIGINT NOT NULL,
                next_day_end TEXT NOT NULL,
                last_sequence BIGINT NOT NULL
            );
            CREATE INDEX loan_account_day_end ON loan_account (status, next_day_end);
            CREATE TABLE schedule_line (
                loan_id TEXT NOT NULL,
                installment INTEGER NOT NULL,
                due_date TEXT NOT NULL,
                principal BIGINT NOT NULL,
                interest BIGINT NOT NULL,
                principal_paid BIGINT NOT NULL,
                interest_paid BIGINT NOT NULL,
                PRIMARY KEY (loan_id, installment)
            );
            CREATE TABLE classification (
                loan_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                value_date TEXT NOT NULL,
                asset_class TEXT NOT NULL,
                dpd INTEGER NOT NULL,
                PRIMARY KEY (loan_id, sequence)
            );
            CREATE TABLE gl_entry (
                loan_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                line INTEGER NOT NULL,
                value_date TEXT NOT NULL,
                account TEXT NOT NULL,
                debit BIGINT NOT NULL,
                credit BIGINT NOT NULL,
                PRIMARY KEY (loan_id, sequence, line)
            );
            CREATE INDEX gl_entry_by_date ON gl_entry (value_date, account);
            """),
        // 3: day end lists the loans of one day in id order straight from the index, a page at a
        // time; with (status, next_day_end) alone every page re-sorted all the loans still due.
        (3, "day-end listing in loan order", """
            DROP INDEX loan_account_day_end;
            CREATE INDEX loan_account_day_end ON loan_account (status, next_day_end, loan_id);
            """),
        // 4: day end rewrites every active loan's account row daily, next_day_end included. With
        // that column indexed, each rewrite added index entries (on PostgreSQL no update could be
        // HOT); day end now plans a pass from one scan of the accounts instead. The GL's index by
        // date went too: every loan posts GL lines daily, each an entry in it, and its one reader,
        // the trial balance through a date, reads nearly the whole table anyway.
        (4, "day end without indexes on moving dates", """
            DROP INDEX loan_account_day_end;
            DROP INDEX gl_entry_by_date;
            """),
        // 11: a loan's stream is its events: the primary key (loan_id, sequence) refuses a second
        // writer's event at the same sequence, and the last sequence is the key's last entry. The
        // separate stream row cost a second row update per loan a day (a tenth of the day end's
        // time on PostgreSQL, measured at 100,000 loans) and said nothing the events do not.
        (11, "streams read from the events", """
            DROP TABLE loan_stream;
            """),
        // 12: a loan's state as of a sequence, written now and then with the projections, so a
        // process loads a loan from it and the few events after it instead of replaying every
        // event since booking. `format` names the encoding; a reader skips any other.
        (12, "loan checkpoints", """
            CREATE TABLE loan_checkpoint (
                loan_id TEXT PRIMARY KEY,
                sequence BIGINT NOT NULL,
                format INTEGER NOT NULL,
                state TEXT NOT NULL
            );
            """),
        // 10: the HTTP layer's idempotency keys, scoped per principal (migrations 20+ belong to Identity).
        (10, "http-idempotency", """
            CREATE TABLE http_idempotency (
                principal_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                method TEXT NOT NULL,
                path TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status INTEGER NOT NULL,
                response_body TEXT NOT NULL,
                PRIMARY KEY (principal_id, idempotency_key)
            );
            """),
    ]

    /// PostgreSQL's own migrations (versions 5–9 and 13–19 are kept for them; SQLite never records them).
    /// 5: day end rewrites every active loan's account and stream row daily. Pages kept a quarter
    /// free let PostgreSQL put the new row version beside the old (a HOT update: no index entries,
    /// the dead version pruned in place) instead of on a new page with new index entries. Applies
    /// to pages written from now on.
    /// 6: a quarter was not enough. A batch rewrites every row of a page in one transaction (the
    /// loans of a page are neighbours by id, and so are a batch's), so all of a page's rows need
    /// room for a new version at once; with a quarter free, 44% of the account updates left the
    /// page (measured at 100,000 loans). An account row is about 230 bytes, so 40% full pages take
    /// every new version (all updates HOT, measured). The table is rewritten to the new fill
    /// (`CLUSTER`, holding an exclusive lock while it runs: under a second for 100,000 loans). An
    /// empty table is not rewritten: that would record it as analysed empty (see 13).
    /// 13 (after 12, which makes the checkpoints; 13–19 are PostgreSQL's too): a checkpoint is
    /// written and read whole, a few kilobytes of text. PostgreSQL compressed those over 2 KB (pglz,
    /// a third at 100,000 loans) and moved them to the TOAST table, and undid both on every read:
    /// 11% of the server's time in a day end (perf). Kept in the row as written, up to a page, the
    /// table takes 235 MB instead of 170 MB at 100,000 loans. Loan ids compare byte by byte (`C`), as
    /// SQLite's and Swift's do: the same order of loans on both backends (lists, cursors), and no
    /// locale collation in the hot indexes (4% of the server's time with `C.UTF-8`). Together:
    /// a first day end of 100,000 loans reading ahead in 5.6–7.3 s instead of 5.7–8.4 (`lendline
    /// bench eod`, docs/servicing.md). Changing a column's collation rebuilds its indexes under an
    /// exclusive lock: 8 s in all for 100,000 loans (schedule_line 4 s), so plan an upgrade of a
    /// large book for a quiet hour. The tables are analysed again: with no statistics for the new
    /// columns the next day end took 50 s instead of 8. A new database's empty tables are not: analysed
    /// empty, PostgreSQL planned its cached statements for empty tables (scans of whole tables) and
    /// kept those plans while the book grew, and booking 100,000 loans slowed to a crawl (39,000 in
    /// 15 minutes) when autovacuum was off or behind; never analysed, it plans for a table of some
    /// size until autovacuum's first analysis. The party and application tables keep the
    /// database's collation: no query compares their ids with these.
    public static let postgresMigrations: [(version: Int, name: String, sql: String)] = [
        (5, "room for in-place updates of the daily rows", """
            ALTER TABLE loan_account SET (fillfactor = 75);
            ALTER TABLE loan_stream SET (fillfactor = 75);
            """),
        (6, "room for a whole page of in-place updates in one transaction", """
            ALTER TABLE loan_account SET (fillfactor = 40);
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM loan_account) THEN CLUSTER loan_account USING loan_account_pkey; END IF;
            END $$;
            """),
        (13, "checkpoints kept as written, loan ids compared byte by byte", """
            ALTER TABLE loan_checkpoint SET (toast_tuple_target = 8160);
            ALTER TABLE loan_checkpoint ALTER COLUMN state SET STORAGE EXTERNAL;
            ALTER TABLE loan_checkpoint ALTER COLUMN loan_id TYPE TEXT COLLATE "C";
            ALTER TABLE loan_event ALTER COLUMN loan_id TYPE TEXT COLLATE "C";
            ALTER TABLE loan_command ALTER COLUMN loan_id TYPE TEXT COLLATE "C";
            ALTER TABLE loan_account ALTER COLUMN loan_id TYPE TEXT COLLATE "C";
            ALTER TABLE schedule_line ALTER COLUMN loan_id TYPE TEXT COLLATE "C";
            ALTER TABLE classification ALTER COLUMN loan_id TYPE TEXT COLLATE "C";
            ALTER TABLE gl_entry ALTER COLUMN loan_id TYPE TEXT COLLATE "C";
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM loan_event) THEN
                    ANALYZE loan_checkpoint, loan_event, loan_command, loan_account, schedule_line, classification,
                        gl_entry;
                END IF;
            END $$;
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
