import LoanMath
import Workflow

/// JSON views of applications. Staff see the policy's reasons with their messages and the trace;
/// `borrower_reason_codes` is what may be shown to the borrower.
enum ApplicationView {
    /// The application; its history when given and the policy's trace only when `trace` (reads;
    /// command answers leave both out — `GET /api/v1/applications/{id}` shows them).
    static func full(_ a: ApplicationRecord, final: Bool, history: [(String, ApplicationStep)]?, trace: Bool = true)
        -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("application_id", .string(a.id)), ("product", .string(a.product)), ("amount", .string(a.amount)),
            ("tenure", .int(a.tenure)), ("state", .string(a.state)), ("state_since", .string(a.stateSince)),
            ("final", .bool(final)), ("pending", a.pending.map(JSONValue.string) ?? .null),
            ("parties", .array(a.parties.map { .object([("party_id", .string($0.partyID)), ("role", .string($0.role))]) })),
            ("employment_type", .string(a.facts.employmentType)), ("months_in_job", .int(a.facts.monthsInJob)),
            ("monthly_income", .string(a.facts.monthlyIncome)),
            ("kyc", a.kyc.map { .object([("reference", .string($0.reference)), ("passed", .bool($0.passed))]) } ?? .null),
            ("bureau", a.bureau.map(bureau) ?? .null), ("decision", a.underwriting.map { decision($0, trace: trace) } ?? .null),
            ("borrower_reason_codes", .array(borrowerCodes(a.underwriting).map(JSONValue.string))),
            ("sanction", a.sanction.map(sanction) ?? .null), ("kfs", a.kfs.map(kfs) ?? .null),
            ("mandate_reference", a.mandateReference.map(JSONValue.string) ?? .null),
            ("disbursement", a.disbursement.map {
                .object([("utr", .string($0.utr)), ("amount", .string($0.amount)), ("value_date", .string($0.valueDate))])
            } ?? .null),
            ("loan_id", a.loanID.map(JSONValue.string) ?? .null),
            ("pending_approvals", .array(a.instance.pendingApprovals.map(CaseView.pending))),
            ("catalog_version", .string(a.catalogVersion)), ("created_by", .string(a.createdBy)),
            ("created_on", .string(a.createdOn)),
        ]
        if let reason = a.withdrawalReason { pairs.append(("withdrawal_reason", .string(reason))) }
        if let history { pairs.append(("history", .array(history.map { step($0.1) }))) }
        return .object(pairs)
    }

    /// The codes of the rules that decided the outcome (a referral's or rejection's reasons, not the
    /// approving rules that also fired): what the borrower may be told.
    static func borrowerCodes(_ u: UnderwritingRecord?) -> [String] {
        guard let u else { return [] }
        return u.reasons.filter { $0.outcome == u.outcome }.map(\.code)
    }

    static func bureau(_ b: BureauSummary) -> JSONValue {
        .object([
            ("reference", .string(b.reference)), ("score", .int(b.score)), ("existing_emi", .string(b.existingEMI)),
            ("max_dpd_12m", .int(b.maxDaysPastDue12Months)), ("enquiries_6m", .int(b.enquiries6Months)),
            ("written_off_or_settled_36m", .bool(b.writtenOffOrSettled)),
        ])
    }

    static func decision(_ u: UnderwritingRecord, trace: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("policy", .string(u.policy)), ("outcome", .string(u.outcome)),
            ("reasons", .array(u.reasons.map {
                .object([("rule", .string($0.rule)), ("outcome", .string($0.outcome)), ("code", .string($0.code)),
                         ("message", .string($0.message))])
            })),
            ("outputs", JSONValue(jsonText: u.outputs)),
            ("rate_override", u.rateOverride.map(JSONValue.string) ?? .null),
            ("manual_decision", u.manualDecision.map(JSONValue.string) ?? .null),
            ("decided_by", u.decidedBy.map(JSONValue.string) ?? .null),
        ]
        if trace { pairs.append(("trace", JSONValue(jsonText: u.trace))) }
        return .object(pairs)
    }

    static func sanction(_ s: SanctionRecord) -> JSONValue {
        .object([
            ("amount", .string(s.amount)), ("rate", .string(s.rate)), ("tenure", .int(s.tenure)),
            ("installment", .string(s.installment)),
            ("fees", .array(s.fees.map {
                .object([("name", .string($0.name)), ("amount", .string($0.amount)), ("gst", .string($0.gst)),
                         ("payee", .string($0.payee))])
            })),
            ("net_disbursement", .string(s.netDisbursement)), ("sanctioned_on", .string(s.sanctionedOn)),
        ])
    }

    static func kfs(_ k: KFSRecord) -> JSONValue {
        .object([
            ("proposal_number", .string(k.proposalNumber)), ("issue", .int(k.issue)), ("issued_on", .string(k.issuedOn)),
            ("valid_until", .string(k.validUntil)), ("esign_reference", k.eSignReference.map(JSONValue.string) ?? .null),
            ("accepted_on", k.acceptedOn.map(JSONValue.string) ?? .null),
        ])
    }

    static func step(_ s: ApplicationStep) -> JSONValue {
        .object([
            ("sequence", .int(Int(s.sequence))), ("command", .string(s.command)), ("event", .string(s.event)),
            ("actor", .string(s.actorID)), ("business_date", .string(s.businessDate.iso)), ("from", .string(s.fromState)),
            ("to", .string(s.toState)), ("outcome", .string(s.outcome)),
        ])
    }

    static func document(_ d: ApplicationDocument) -> JSONValue {
        .object([
            ("document_id", .string(d.documentID)), ("item", .string(d.checklistItem)), ("media_type", .string(d.mediaType)),
            ("size_bytes", .int(Int(d.sizeBytes))), ("sha256", .string(d.sha256)), ("uploaded_by", .string(d.uploadedBy)),
            ("uploaded_on", .string(d.uploadedOn)),
        ])
    }
}
