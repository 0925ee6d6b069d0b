/// Request and response schemas of the application routes.
enum ApplicationSchemas {
    static let party = Schemas.object(
        [
            ("kind", Schemas.enumeration(["individual", "business"])), ("name", Schemas.string(maxLength: 200)),
            ("pan", Schemas.string(maxLength: 10)), ("aadhaar", Schemas.string(maxLength: 14)),
            ("date_of_birth", Schemas.date), ("mobile", Schemas.string(maxLength: 16)),
            ("email", Schemas.string(maxLength: 254)), ("gstin", Schemas.string(maxLength: 15)),
            ("bank_account", Schemas.anyObject), ("address", Schemas.anyObject),
        ], required: ["name"])

    static let create = Schemas.object(
        [
            ("application_id", Schemas.string(maxLength: 40)), ("product", Schemas.string(maxLength: 64)),
            ("amount", Schemas.positiveMoney), ("tenure", Schemas.integer(1...600)), ("date", Schemas.date),
            ("employment_type", Schemas.enumeration(ApplicationCommands.employmentTypes)),
            ("months_in_job", Schemas.integer(0...1_200)), ("monthly_income", Schemas.positiveMoney),
            ("applicant", party), ("co_applicants", Schemas.array(party)), ("guarantors", Schemas.array(party)),
        ],
        required: ["product", "amount", "tenure", "date", "employment_type", "months_in_job", "monthly_income", "applicant"])

    static let document = Schemas.object(
        [
            ("item", Schemas.string(maxLength: 64)),
            ("media_type", Schemas.enumeration(["application/pdf", "image/jpeg", "image/png"])),
            ("content", Schemas.string(maxLength: 8_000_000)), ("date", Schemas.date),
        ], required: ["item", "media_type", "content", "date"])

    static let dated = Schemas.object([("date", Schemas.date)], required: ["date"])

    static let decision = Schemas.object(
        [("decision", Schemas.enumeration(["approve", "reject"])), ("note", Schemas.string(maxLength: 500)),
         ("rate", Schemas.rate), ("date", Schemas.date)], required: ["decision", "date"])

    static let approval = Schemas.object(
        [("event", Schemas.string(maxLength: 64)), ("decision", Schemas.enumeration(["approve", "decline"])),
         ("date", Schemas.date)], required: ["event", "decision", "date"])

    static let acceptance = Schemas.object(
        [("proposal_number", Schemas.string(maxLength: 80)), ("date", Schemas.date)], required: ["proposal_number", "date"])

    static let withdrawal = Schemas.object(
        [("reason", Schemas.string(maxLength: 200)), ("date", Schemas.date)], required: ["reason", "date"])

    static let full = LoanSchemas.response([
        ("application_id", Schemas.string), ("product", Schemas.string), ("amount", Schemas.money),
        ("tenure", Schemas.integer), ("state", Schemas.string), ("state_since", Schemas.date),
        ("pending", Schemas.string), ("parties", Schemas.array(Schemas.anyObject)), ("kyc", Schemas.anyObject),
        ("bureau", Schemas.anyObject), ("decision", Schemas.anyObject),
        ("borrower_reason_codes", Schemas.array(Schemas.string)), ("sanction", Schemas.anyObject),
        ("kfs", Schemas.anyObject), ("loan_id", Schemas.string), ("pending_approvals", Schemas.array(CaseSchemas.pending)),
        ("catalog_version", Schemas.string), ("history", Schemas.array(Schemas.anyObject)),
    ])

    static let documentView = LoanSchemas.response([
        ("document_id", Schemas.string), ("item", Schemas.string), ("media_type", Schemas.string),
        ("size_bytes", Schemas.integer), ("sha256", Schemas.string),
    ])

    static let pipeline = LoanSchemas.response([
        ("counts", Schemas.anyObject), ("applications", Schemas.array(Schemas.anyObject)),
        ("turnaround", Schemas.array(Schemas.anyObject)),
    ])
}
