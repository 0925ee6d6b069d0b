import LoanMath
import Workflow

/// A loan application as stored: what was asked for, by whom (applicant, co-applicants,
/// guarantors), where its workflow stands, and what each step found — KYC, bureau, the policy's
/// decision with its trace, the sanctioned terms, the KFS issued, the mandate, the disbursement and
/// the loan it became. Amounts are decimal rupee strings, dates ISO strings (exact, and stable JSON).
struct ApplicationRecord: Codable, Sendable {
    var id: String
    var product: String
    var amount: String
    var tenure: Int
    var parties: [ApplicationParty]
    var facts: ApplicantFacts
    var instance: WorkflowInstance
    var kyc: KYCOutcome?
    var bureau: BureauSummary?
    var underwriting: UnderwritingRecord?
    var sanction: SanctionRecord?
    var kfs: KFSRecord?
    var mandateReference: String?
    var disbursement: DisbursementRecord?
    var loanID: String?
    /// The integration step the application waits for, e.g. `kyc: the service failed (HTTP 503)`.
    var pending: String?
    var withdrawalReason: String?
    var catalogVersion: String
    var createdBy: String
    var createdOn: String
    /// The business date the current state was entered on.
    var stateSince: String
    var lastSequence: Int64
    /// The business date of the last step; a later step may not be dated before it.
    var lastStepOn: String?

    var state: String { instance.state }
    var applicantPartyID: String { parties.first { $0.role == "applicant" }?.partyID ?? "" }
    var requestedAmount: Money { Money(parsing: amount) ?? .zero() }
    var created: LocalDate { LocalDate(iso: createdOn) ?? LocalDate(dayNumber: 0) }
}

/// A party on the application and the part it plays: `applicant`, `co-applicant`, `guarantor`.
struct ApplicationParty: Codable, Sendable, Hashable {
    var partyID: String
    var role: String
}

/// What the applicant declared and the lender verified for underwriting.
struct ApplicantFacts: Codable, Sendable {
    var employmentType: String
    var monthsInJob: Int
    var monthlyIncome: String
}

/// The KYC check's reference and result.
struct KYCOutcome: Codable, Sendable {
    var reference: String
    var passed: Bool
}

/// The bureau report's figures underwriting reads.
struct BureauSummary: Codable, Sendable {
    var reference: String
    var score: Int
    var existingEMI: String
    var maxDaysPastDue12Months: Int
    var enquiries6Months: Int
    var writtenOffOrSettled: Bool
}

/// One rule that fired: staff see the message, the borrower the code.
struct ReasonRecord: Codable, Sendable, Hashable {
    var rule: String
    var outcome: String
    var code: String
    var message: String
}

/// The policy's decision: outcome, reasons, outputs (the price) and the evaluation trace as JSON text.
struct UnderwritingRecord: Codable, Sendable {
    var policy: String
    var outcome: String
    var reasons: [ReasonRecord]
    var outputs: String
    /// The evaluation trace as JSON text; stored in its own column, not in the record.
    var trace: String = ""
    var interestRate: String?
    /// A rate the deciding analyst or manager set in place of the pricing table's: the workflow
    /// then needs a checker whatever the amount, and the sanction uses it.
    var rateOverride: String?
    /// A credit analyst's or manager's decision on a referred case.
    var manualDecision: String?
    var decidedBy: String?

    enum CodingKeys: String, CodingKey {
        case policy, outcome, reasons, outputs, interestRate, rateOverride, manualDecision, decidedBy
    }
}

/// The sanctioned terms: amount, risk-based rate, tenure, instalment, fees and the net disbursal.
struct SanctionRecord: Codable, Sendable {
    var amount: String
    var rate: String
    var tenure: Int
    var installment: String
    var fees: [FeeRecord]
    var netDisbursement: String
    var sanctionedOn: String
}

/// One upfront fee with its GST and payee.
struct FeeRecord: Codable, Sendable, Hashable {
    var name: String
    var amount: String
    var gst: String
    var payee: String
}

/// The Key Facts Statement issued: its unique proposal number, validity and acceptance.
struct KFSRecord: Codable, Sendable {
    var proposalNumber: String
    var issue: Int
    var issuedOn: String
    var validUntil: String
    var eSignReference: String?
    var acceptedOn: String?
}

/// The payment to the borrower's account.
struct DisbursementRecord: Codable, Sendable {
    var utr: String
    var amount: String
    var valueDate: String
}

/// One step the application took, with its business date (turnaround per stage reads these).
struct ApplicationStep: Sendable {
    var sequence: Int64
    var command: String
    var event: String
    var actorID: String
    var businessDate: LocalDate
    var fromState: String
    var toState: String
    var outcome: String
}
