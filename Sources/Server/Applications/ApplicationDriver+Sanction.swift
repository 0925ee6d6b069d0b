import Catalog
import LoanMath
import Origination
import Servicing

extension ApplicationDriver {
    /// Fixes the final terms — the amount and tenure asked for at the rate the pricing table gave,
    /// or the one a checked override set — and issues the first KFS.
    func sanction(_ a: inout ApplicationRecord, on date: LocalDate) throws {
        let product = try product(a.product)
        let rate = (a.underwriting?.rateOverride ?? a.underwriting?.interestRate).flatMap { Rate(parsing: $0) }
        let schedule = try ApplicationTerms.schedule(product, amount: a.requestedAmount, tenure: a.tenure, rate: rate,
                                                     on: date)
        let terms = schedule.terms
        a.sanction = SanctionRecord(
            amount: terms.principal.decimalString, rate: terms.annualRate.percentString, tenure: terms.installmentCount,
            installment: ApplicationTerms.installment(schedule).decimalString,
            fees: terms.fees.map {
                FeeRecord(name: $0.name, amount: $0.amount.decimalString, gst: $0.gst.decimalString,
                          payee: $0.payee.rawValue)
            },
            netDisbursement: (terms.principal - ApplicationTerms.upfront(schedule)).decimalString, sanctionedOn: date.iso)
        issueKFS(&a, product, on: date)
        try notify(a, template: "sanctioned", messageID: "\(a.id)-sanctioned",
                   values: ["amount": terms.principal.decimalString, "valid_until": a.kfs?.validUntil ?? ""], on: date)
    }

    /// Issues a KFS with a new proposal number, valid for the configured working days after `date`.
    func issueKFS(_ a: inout ApplicationRecord, _ product: ProductDefinition, on date: LocalDate) {
        let issue = (a.kfs?.issue ?? 0) + 1
        let days = services.kfsValidityWorkingDays
        let validUntil = product.calendar.flatMap { catalog.calendars[$0.value] }?.addingBusinessDays(days, to: date)
            ?? Self.weekdays(days, after: date)
        a.kfs = KFSRecord(proposalNumber: "KFS-\(a.id)-\(issue)", issue: issue, issuedOn: date.iso,
                          validUntil: validUntil.iso)
    }

    /// The `count`-th weekday after `date`, when the product names no holiday calendar.
    static func weekdays(_ count: Int, after date: LocalDate) -> LocalDate {
        var cursor = date, left = count
        while left > 0 {
            cursor = cursor.adding(days: 1)
            if cursor.isoWeekday <= 5 { left -= 1 }
        }
        return cursor
    }

    /// Books the sanctioned loan in servicing on `date`, on this session's connection and in this
    /// transaction, under the catalog version the application was created with; the co-applicants
    /// and guarantors are linked to the loan.
    func book(_ a: inout ApplicationRecord, on date: LocalDate) throws {
        guard a.catalogVersion == catalog.version.hash else {
            throw Problem(.conflict, "catalog changed",
                          detail: "application \(a.id) was created under catalog \(a.catalogVersion); the catalog in "
                              + "force is \(catalog.version.hash): re-sanction under the new version")
        }
        guard let sanction = a.sanction, let amount = Money(parsing: sanction.amount),
              let rate = Rate(parsing: sanction.rate) else {
            throw Problem(.conflict, "not sanctioned", detail: "application \(a.id) has no sanctioned terms")
        }
        let product = try product(a.product)
        let schedule = try ApplicationTerms.schedule(product, amount: amount, tenure: sanction.tenure, rate: rate,
                                                     on: date)
        let loanID = Self.loanID(a)
        let booking = LoanBooking(loanID: loanID, product: a.product, schedule: schedule, securityValue: .zero())
        let book = session.book, key = "application:\(a.id)"
        _ = try servicing { () throws(ServicingError) in try book.activate(booking, idempotencyKey: key) }
        for party in a.parties {
            let role = PartyRole(rawValue: party.role) ?? .applicant
            do { try parties.link(partyID: party.partyID, loanID: loanID, role: role, on: date) } catch {
                throw Problem(.conflict, "party not linkable", detail: "application \(a.id): \(error)")
            }
        }
        a.loanID = loanID
        if let paid = a.disbursement {
            try notify(a, template: "disbursed", messageID: "\(a.id)-disbursed",
                       values: ["amount": paid.amount, "loan": loanID, "date": paid.valueDate, "utr": paid.utr], on: date)
        }
    }
}
