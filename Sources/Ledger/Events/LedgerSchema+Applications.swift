/// Tables of loan applications (migrations 50–59): the application with its workflow instance, the
/// history of every step with its business date (turnaround per stage), and the documents attached
/// against the product's checklist (the bytes live in document storage; the row keeps type, size and
/// SHA-256). The record is JSON in `record`, the policy's evaluation trace (written once) in
/// `decision_trace`; the other columns are what lists and indexes read.
extension LedgerSchema {
    public static let applicationMigrations: [(version: Int, name: String, sql: String)] = [
        (50, "loan applications, their history and documents", """
            CREATE TABLE loan_application (
                application_id TEXT PRIMARY KEY,
                product TEXT NOT NULL,
                applicant_party_id TEXT NOT NULL,
                state TEXT NOT NULL,
                state_since TEXT NOT NULL,
                created_on TEXT NOT NULL,
                catalog_version TEXT NOT NULL,
                kfs_proposal TEXT,
                loan_id TEXT,
                record TEXT NOT NULL,
                decision_trace TEXT
            );
            CREATE INDEX loan_application_by_state ON loan_application (state, application_id);
            CREATE UNIQUE INDEX loan_application_by_kfs ON loan_application (kfs_proposal);
            CREATE TABLE loan_application_history (
                application_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                command TEXT NOT NULL,
                event TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                business_date TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                from_state TEXT NOT NULL,
                to_state TEXT NOT NULL,
                outcome TEXT NOT NULL,
                PRIMARY KEY (application_id, sequence)
            );
            CREATE TABLE loan_application_document (
                application_id TEXT NOT NULL,
                document_id TEXT NOT NULL,
                checklist_item TEXT NOT NULL,
                media_type TEXT NOT NULL,
                size_bytes BIGINT NOT NULL,
                sha256 TEXT NOT NULL,
                storage_key TEXT NOT NULL,
                uploaded_by TEXT NOT NULL,
                uploaded_on TEXT NOT NULL,
                PRIMARY KEY (application_id, document_id)
            );
            """),
    ]
}
