import Foundation
import LoanMath
import Rules

/// What a sanction letter, a summary box or a KFS needs beyond the loan's terms, until origination
/// keeps it: the reference numbers and dates, the borrowers and guarantors, the conditions, the
/// contingent charges, Part 2 answers and the co-lenders. Read from a JSON file; see
/// `templates/README.md` ("Particulars") for every field.
public struct DocumentParticulars: Sendable, Hashable {
    /// A borrower, co-applicant or guarantor.
    public struct Party: Sendable, Hashable {
        public var role: String
        public var name: String
        public var address: String
        public var customerID: String

        public init(role: String, name: String, address: String, customerID: String) {
            self.role = role
            self.name = name
            self.address = address
            self.customerID = customerID
        }
    }

    /// One lender of a co-lent loan.
    public struct CoLender: Sendable, Hashable {
        public var name: String
        public var share: Rate
        public var interestRate: Rate

        public init(name: String, share: Rate, interestRate: Rate) {
            self.name = name
            self.share = share
            self.interestRate = interestRate
        }
    }

    /// The document's own number: sanction letter, agreement or proposal number.
    public var reference: String
    /// The proposal / KFS number the document refers to (the reference when not given).
    public var proposalNumber: String
    public var issueDate: LocalDate
    /// Last date the terms or the sanction hold (issue date + 7 days when not given).
    public var validUntil: LocalDate
    public var parties: [Party]
    public var conditions: [String]
    /// Penal, foreclosure, switch and other charges, each with what it is and why.
    public var charges: [Charge]
    public var signatoryName: String
    public var signatoryDesignation: String
    public var recoveryAgentsEngaged: Bool
    public var recoveryPolicyURL: String
    public var mayBeTransferred: Bool
    public var coolingOffDays: Int
    public var disbursalSchedule: String
    public var coLenders: [CoLender]

    /// A contingent charge and what it is, in words.
    public struct Charge: Sendable, Hashable {
        public var name: String
        public var description: String

        public init(name: String, description: String) {
            self.name = name
            self.description = description
        }
    }

    static let roles = ["applicant", "co_applicant", "guarantor"]
    static let fields = [
        "reference", "proposal_number", "issue_date", "valid_until", "borrowers", "conditions",
        "contingent_charges", "signatory", "recovery_agents_engaged", "recovery_policy_url", "may_be_transferred",
        "cooling_off_days", "disbursal_schedule", "co_lenders",
    ]

    /// Particulars for a document of a booked loan whose parties origination does not yet keep:
    /// the loan account as the reference, one applicant named by it, Part 2 answers as given.
    public static func booked(
        loanAccount: String, issueDate: LocalDate, charges: [Charge] = [], coolingOffDays: Int = 0
    ) -> DocumentParticulars {
        DocumentParticulars(
            reference: loanAccount, proposalNumber: loanAccount, issueDate: issueDate, validUntil: issueDate,
            parties: [.init(role: "applicant", name: "Borrower, loan account \(loanAccount)", address: "", customerID: "")],
            conditions: [], charges: charges, signatoryName: "", signatoryDesignation: "", recoveryAgentsEngaged: true,
            recoveryPolicyURL: "", mayBeTransferred: false, coolingOffDays: coolingOffDays,
            disbursalSchedule: "100% upfront", coLenders: [])
    }

    /// The particulars in the file at `path`.
    public static func load(path: String) throws(DocumentInputError) -> DocumentParticulars {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DocumentInputError(file: path, problems: [.init(field: "", message: "cannot be read")])
        }
        return try parse(data, file: path)
    }

    /// The particulars in `data` (JSON), or every problem with them.
    public static func parse(_ data: Data, file: String) throws(DocumentInputError) -> DocumentParticulars {
        let reader = InputReader()
        guard let object = reader.object(data) else { throw DocumentInputError(file: file, problems: reader.problems) }
        reader.onlyKnown(object, fields, at: "")
        let reference = reader.string(object, "reference", at: "", maxLength: 64)
        let proposal = reader.string(object, "proposal_number", at: "", required: false, maxLength: 64)
        let issue = reader.date(object, "issue_date", at: "")
        let valid = reader.date(object, "valid_until", at: "", required: false)
        if let issue, let valid, valid < issue { reader.refuse("valid_until", "must not be before issue_date") }
        let parties = readParties(object, reader)
        let charges = reader.objects(object, "contingent_charges", at: "").map { item in
            reader.onlyKnown(item.object, ["name", "description"], at: item.path)
            return Charge(
                name: reader.string(item.object, "name", at: item.path) ?? "",
                description: reader.string(item.object, "description", at: item.path) ?? "")
        }
        var signatory: (String, String) = ("", "")
        if let nested = reader.nested(object, "signatory", at: "", required: false) {
            reader.onlyKnown(nested, ["name", "designation"], at: "signatory")
            signatory = (
                reader.string(nested, "name", at: "signatory") ?? "",
                reader.string(nested, "designation", at: "signatory") ?? ""
            )
        }
        let particulars = DocumentParticulars(
            reference: reference ?? "", proposalNumber: proposal ?? reference ?? "",
            issueDate: issue ?? LocalDate(dayNumber: 0), validUntil: valid ?? (issue ?? LocalDate(dayNumber: 0)).adding(days: 7),
            parties: parties, conditions: reader.strings(object, "conditions", at: ""), charges: charges,
            signatoryName: signatory.0, signatoryDesignation: signatory.1,
            recoveryAgentsEngaged: reader.bool(object, "recovery_agents_engaged", at: "") ?? true,
            recoveryPolicyURL: reader.string(object, "recovery_policy_url", at: "", required: false) ?? "",
            mayBeTransferred: reader.bool(object, "may_be_transferred", at: "") ?? false,
            coolingOffDays: reader.integer(object, "cooling_off_days", at: "", in: 0...30) ?? 0,
            disbursalSchedule: reader.string(object, "disbursal_schedule", at: "", required: false) ?? "100% upfront",
            coLenders: readCoLenders(object, reader))
        guard reader.problems.isEmpty else { throw DocumentInputError(file: file, problems: reader.problems) }
        return particulars
    }

    static func readParties(_ object: [String: Any], _ reader: InputReader) -> [Party] {
        let items = reader.objects(object, "borrowers", at: "", required: true, limit: 10)
        let parties = items.map { item -> Party in
            reader.onlyKnown(item.object, ["role", "name", "address", "customer_id"], at: item.path)
            let role = reader.string(item.object, "role", at: item.path, maxLength: 16) ?? ""
            if !role.isEmpty, !roles.contains(role) {
                reader.refuse(item.path + ".role", "must be one of: " + roles.joined(separator: ", "))
            }
            return Party(
                role: role, name: reader.string(item.object, "name", at: item.path, maxLength: 200) ?? "",
                address: reader.string(item.object, "address", at: item.path) ?? "",
                customerID: reader.string(item.object, "customer_id", at: item.path, maxLength: 64) ?? "")
        }
        if object["borrowers"] is [Any], parties.filter({ $0.role == "applicant" }).count != 1 {
            reader.refuse("borrowers", "must name exactly one party with role applicant")
        }
        return parties
    }

    /// Each lender's share (at least 10%, RBI's co-lending directions 2025), summing to 100%.
    static func readCoLenders(_ object: [String: Any], _ reader: InputReader) -> [CoLender] {
        let items = reader.objects(object, "co_lenders", at: "", limit: 5)
        let lenders = items.compactMap { item -> CoLender? in
            reader.onlyKnown(item.object, ["name", "share", "interest_rate"], at: item.path)
            let name = reader.string(item.object, "name", at: item.path, maxLength: 200)
            let share = reader.rate(item.object, "share", at: item.path)
            let rate = reader.rate(item.object, "interest_rate", at: item.path)
            if let share, share < Rate(basisPoints: 1_000) || share > Rate(basisPoints: 10_000) {
                reader.refuse(item.path + ".share", "must be from 10% to 100% (each lender keeps at least 10%)")
            }
            guard let name, let share, let rate else { return nil }
            return CoLender(name: name, share: share, interestRate: rate)
        }
        if items.count == 1 { reader.refuse("co_lenders", "needs at least two lenders, or none") }
        if lenders.count == items.count, lenders.count > 1,
            lenders.reduce(Rate.zero, { $0 + $1.share }) != Rate(basisPoints: 10_000)
        {
            reader.refuse("co_lenders", "shares must add up to 100%")
        }
        return lenders
    }

    /// The share-weighted rate of the co-lenders, exact.
    public var blendedRate: ExactDecimal? {
        guard !coLenders.isEmpty else { return nil }
        return coLenders.reduce(ExactDecimal.zero) { $0 + $1.share.fraction * $1.interestRate.fraction }
    }

    /// The fields these particulars give the document `model` (those it declares), by name.
    public func fields(for model: DocumentModel) -> [String: Value] {
        let all: [String: Value] = [
            "reference_number": .string(reference), "agreement_number": .string(reference),
            "proposal_number": .string(proposalNumber), "issue_date": .date(issueDate),
            "agreement_date": .date(issueDate), "valid_until": .date(validUntil), "borrower": borrowerValue,
            "borrowers": partyValues, "conditions": .list(conditions.map(Value.string)),
            "contingent_charges": .list(
                charges.map { .record(["name": .string($0.name), "description": .string($0.description)]) }),
            "signatory": .record(["name": .string(signatoryName), "designation": .string(signatoryDesignation)]),
            "recovery_agents_engaged": .bool(recoveryAgentsEngaged), "recovery_policy_url": .string(recoveryPolicyURL),
            "may_be_transferred": .bool(mayBeTransferred), "cooling_off_days": .integer(Int64(coolingOffDays)),
            "disbursal_schedule": .string(disbursalSchedule),
            "co_lenders": .list(
                coLenders.map {
                    .record(["name": .string($0.name), "share": Value($0.share), "interest_rate": Value($0.interestRate)])
                }),
        ]
        let declared = Set(model.fields.map(\.name))
        return all.filter { declared.contains($0.key) }
    }

    /// The parties as `party` records, applicant first.
    var partyValues: Value {
        let ordered = parties.filter { $0.role == "applicant" } + parties.filter { $0.role == "co_applicant" }
            + parties.filter { $0.role == "guarantor" }
        return .list(
            ordered.map {
                .record([
                    "role": .string($0.role), "name": .string($0.name), "address": .string($0.address),
                    "customer_id": .string($0.customerID),
                ])
            })
    }

    /// The applicant as a `borrower` record.
    var borrowerValue: Value {
        let applicant = parties.first { $0.role == "applicant" }
        return .record([
            "name": .string(applicant?.name ?? ""), "address": .string(applicant?.address ?? ""),
            "customer_id": .string(applicant?.customerID ?? ""),
        ])
    }
}
