import LoanMath
import Origination
import Workflow

extension ApplicationDriver {
    /// Performs `actions` in order. An integration call that fails sets `pending` and stops (the
    /// state reached stays, the step can be retried); disbursement and booking failures throw.
    func perform(_ actions: [WorkflowAction], _ a: inout ApplicationRecord, on date: LocalDate) throws {
        a.pending = nil
        for action in actions {
            let failure: IntegrationFailure?
            switch action.name {
            case "kyc.verify": failure = a.kyc == nil ? try verifyKYC(&a) : nil
            case "bureau.pull": failure = a.bureau == nil ? try pullBureau(&a, on: date) : nil
            case "policy.evaluate":
                if a.underwriting == nil { try evaluate(&a, policy: action.argument, on: date) }
                failure = nil
            case "document.render":
                if action.argument == "kfs", a.kfs == nil { try sanction(&a, on: date) }
                failure = nil
            case "esign.request": failure = a.kfs?.eSignReference == nil ? try requestESign(&a) : nil
            case "mandate.register": failure = a.mandateReference == nil ? try registerMandate(&a, on: date) : nil
            case "disbursement.initiate":
                try disburse(&a, on: date)
                failure = nil
            case "loan.book":
                try book(&a, on: date)
                failure = nil
            default: failure = nil
            }
            if let failure {
                a.pending = failure.description
                return
            }
        }
    }

    /// The applicant party, with its personal data opened for the integration call.
    func applicant(_ a: ApplicationRecord) throws -> Party {
        let id = a.applicantPartyID
        guard let party = try opened.party(id, parties), let _ = party.pan else {
            throw Problem(.conflict, "applicant not usable", detail: "application \(a.id): party \(id) has no PAN")
        }
        return party
    }

    func verifyKYC(_ a: inout ApplicationRecord) throws -> IntegrationFailure? {
        let party = try applicant(a), kyc = services.integrations.kyc
        let request = KYCRequest(pan: party.pan!, name: party.name, dateOfBirth: party.dateOfBirth)
        switch IntegrationWait.result({ () async throws(IntegrationFailure) in try await kyc.verify(request) }) {
        case .success(let result):
            a.kyc = KYCOutcome(reference: result.reference, passed: result.passed)
            return nil
        case .failure(let failure): return failure
        }
    }

    func pullBureau(_ a: inout ApplicationRecord, on date: LocalDate) throws -> IntegrationFailure? {
        let party = try applicant(a), bureau = services.integrations.bureau
        let request = BureauRequest(pan: party.pan!, name: party.name, dateOfBirth: party.dateOfBirth, enquiryDate: date)
        switch IntegrationWait.result({ () async throws(IntegrationFailure) in try await bureau.report(for: request) }) {
        case .success(let report):
            a.bureau = BureauSummary(
                reference: report.reference, score: report.score, existingEMI: report.existingEMI.decimalString,
                maxDaysPastDue12Months: report.maxDaysPastDue12Months, enquiries6Months: report.enquiriesLast6Months,
                writtenOffOrSettled: report.writtenOffOrSettled)
            return nil
        case .failure(let failure): return failure
        }
    }

    func requestESign(_ a: inout ApplicationRecord) throws -> IntegrationFailure? {
        guard let kfs = a.kfs else { return nil }
        let eSign = services.integrations.eSign, signer = a.applicantPartyID
        let digest = ApplicationDocument.digest(Array("\(kfs.proposalNumber)|\(a.sanction?.amount ?? "")".utf8))
        let key = kfs.proposalNumber
        let outcome = IntegrationWait.result { () async throws(IntegrationFailure) in
            try await eSign.requestSignature(documentDigest: digest, signerPartyID: signer, idempotencyKey: key)
        }
        switch outcome {
        case .success(let request):
            a.kfs?.eSignReference = request.reference
            return nil
        case .failure(let failure): return failure
        }
    }

    func registerMandate(_ a: inout ApplicationRecord, on date: LocalDate) throws -> IntegrationFailure? {
        let party = try applicant(a)
        guard let account = party.bankAccount, let sanction = a.sanction,
              let installment = Money(parsing: sanction.installment) else {
            throw Problem(.conflict, "mandate not possible",
                          detail: "application \(a.id): the applicant has no bank account or no sanction")
        }
        let request = MandateRequest(
            loanID: Self.loanID(a), account: account, maximumAmount: installment, firstCollection: date.adding(months: 1),
            lastCollection: date.adding(months: sanction.tenure + 1), idempotencyKey: "mandate-\(a.id)")
        let mandates = services.integrations.mandates
        switch IntegrationWait.result({ () async throws(IntegrationFailure) in try await mandates.register(request) }) {
        case .success(let registration):
            guard registration.status == .active, let umrn = registration.umrn else {
                return .rejected(.nachMandate, reason: "the borrower's bank refused the mandate")
            }
            a.mandateReference = umrn
            return nil
        case .failure(let failure): return failure
        }
    }

    /// Pays the net disbursal to the applicant's account; a failure refuses the command (503).
    func disburse(_ a: inout ApplicationRecord, on date: LocalDate) throws {
        let party = try applicant(a)
        guard let account = party.bankAccount, let sanction = a.sanction,
              let net = Money(parsing: sanction.netDisbursement) else {
            throw Problem(.conflict, "disbursement not possible", detail: "application \(a.id): no account or sanction")
        }
        let instruction = DisbursementInstruction(loanID: Self.loanID(a), amount: net, account: account, valueDate: date,
                                                  idempotencyKey: "disburse-\(a.id)")
        let rail = services.integrations.disbursement
        switch IntegrationWait.result({ () async throws(IntegrationFailure) in try await rail.pay(instruction) }) {
        case .success(let receipt):
            a.disbursement = DisbursementRecord(utr: receipt.utr, amount: receipt.amount.decimalString,
                                                valueDate: receipt.valueDate.iso)
        case .failure(let failure):
            throw Problem(.serviceUnavailable, "disbursement failed", detail: "\(failure); nothing was booked, retry",
                          headers: [(.retryAfter, "1")])
        }
    }

    /// The id the loan gets when booked.
    static func loanID(_ a: ApplicationRecord) -> String { "LN-" + a.id }
}
