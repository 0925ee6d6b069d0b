/// Tables of origination's parties and the notification outbox (migrations 40–49). Personal fields
/// are stored sealed (AES-GCM, by `Origination`); `pan_index` is a keyed HMAC of the PAN for lookup.
/// Loans reference a party by `party_id`, which survives anonymisation.
extension LedgerSchema {
    public static let partyMigrations: [(version: Int, name: String, sql: String)] = [
        (40, "parties, their loans and anonymisations", """
            CREATE TABLE party (
                party_id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                created_on TEXT NOT NULL,
                name_sealed TEXT,
                pan_sealed TEXT,
                pan_index TEXT,
                aadhaar_sealed TEXT,
                birth_date_sealed TEXT,
                mobile_sealed TEXT,
                email_sealed TEXT,
                address_sealed TEXT,
                bank_account_sealed TEXT,
                gstin_sealed TEXT,
                anonymised_on TEXT
            );
            CREATE UNIQUE INDEX party_by_pan_index ON party (pan_index);
            CREATE TABLE party_loan (
                loan_id TEXT NOT NULL,
                party_id TEXT NOT NULL,
                role TEXT NOT NULL,
                linked_on TEXT NOT NULL,
                PRIMARY KEY (loan_id, party_id, role)
            );
            CREATE INDEX party_loan_by_party ON party_loan (party_id);
            CREATE TABLE party_anonymisation (
                party_id TEXT PRIMARY KEY,
                anonymised_on TEXT NOT NULL,
                reason TEXT NOT NULL,
                requested_by TEXT NOT NULL
            );
            """),
        (41, "notification outbox", """
            CREATE TABLE notification_outbox (
                message_id TEXT PRIMARY KEY,
                party_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                template TEXT NOT NULL,
                business_date TEXT NOT NULL,
                recipient_sealed TEXT,
                body_sealed TEXT,
                status TEXT NOT NULL
            );
            CREATE INDEX notification_outbox_by_party ON notification_outbox (party_id);
            """),
    ]
}
