import LoanMath

/// A credit bureau (CIBIL, Experian, Equifax, CRIF High Mark): a consumer's report by PAN.
public protocol CreditBureau: Sendable {
    /// The report of the person `request` names, as of its enquiry date.
    func report(for request: BureauRequest) async throws(IntegrationFailure) -> BureauReport
}

/// What a bureau is asked.
public struct BureauRequest: Sendable, Hashable {
    public var pan: PAN
    public var name: String
    public var dateOfBirth: LocalDate?
    /// The business date of the enquiry.
    public var enquiryDate: LocalDate

    public init(pan: PAN, name: String, dateOfBirth: LocalDate? = nil, enquiryDate: LocalDate) {
        self.pan = pan
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.enquiryDate = enquiryDate
    }
}

/// One loan or card of the consumer, as reported by its lender.
public struct BureauAccount: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case personalLoan = "personal-loan", creditCard = "credit-card", homeLoan = "home-loan"
        case vehicleLoan = "vehicle-loan", goldLoan = "gold-loan", consumerDurable = "consumer-durable"
    }

    public var lender: String
    public var kind: Kind
    public var sanctioned: Money
    public var outstanding: Money
    public var monthlyInstalment: Money
    /// Days past due at each of the last 12 month ends, oldest first.
    public var daysPastDueByMonth: [Int]
    /// Whether the lender wrote the account off or settled it for less (last 36 months).
    public var writtenOffOrSettled: Bool
}

/// A consumer's credit report.
public struct BureauReport: Sendable, Hashable {
    /// The bureau's reference for this pull.
    public var reference: String
    /// 300 to 900; -1 when the consumer has no credit history (a thin file).
    public var score: Int
    public var accounts: [BureauAccount]
    public var enquiriesLast6Months: Int

    /// Accounts still running.
    public var openAccounts: Int { accounts.filter { $0.outstanding > .zero() }.count }
    /// Instalments of all running loans a month (`existing_emi`).
    public var existingEMI: Money { accounts.reduce(.zero()) { $0 + $1.monthlyInstalment } }
    /// Worst days past due in the last 12 months (`max_dpd_12m`).
    public var maxDaysPastDue12Months: Int { accounts.flatMap(\.daysPastDueByMonth).max() ?? 0 }
    /// Whether any account was written off or settled (`written_off_or_settled_36m`).
    public var writtenOffOrSettled: Bool { accounts.contains(where: \.writtenOffOrSettled) }
}
