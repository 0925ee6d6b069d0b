/// Tables of workflow cases (migrations 30 to 39): one running workflow — a restructuring, a
/// write-off, a waiver, later an application — about one subject, with its history. Keyed by case;
/// the subject index finds a loan's (or an application's) cases.
extension LedgerSchema {
    public static let workflowMigrations: [(version: Int, name: String, sql: String)] = [
        (30, "workflow cases and their history", """
            CREATE TABLE workflow_case (
                case_id TEXT PRIMARY KEY,
                workflow TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                state TEXT NOT NULL,
                instance TEXT NOT NULL,
                context TEXT NOT NULL,
                proposal TEXT NOT NULL,
                catalog_version TEXT NOT NULL,
                opened_by TEXT NOT NULL,
                opened_on TEXT NOT NULL,
                last_sequence BIGINT NOT NULL
            );
            CREATE INDEX workflow_case_subject ON workflow_case (subject_kind, subject_id, case_id);
            CREATE TABLE workflow_case_history (
                case_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                command TEXT NOT NULL,
                event TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                actor_roles TEXT NOT NULL,
                business_date TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                from_state TEXT NOT NULL,
                to_state TEXT NOT NULL,
                outcome TEXT NOT NULL,
                actions TEXT NOT NULL,
                context TEXT NOT NULL,
                PRIMARY KEY (case_id, sequence)
            );
            """),
    ]
}
