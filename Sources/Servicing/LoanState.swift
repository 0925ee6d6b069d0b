import LoanMath

/// Where a loan is in its life, apart from its IRACP class.
public enum LoanStatus: String, Sendable, Hashable, Codable {
    case active, closed
    case writtenOff = "written-off"
}

/// One instalment of the schedule and what has been paid of it.
public struct InstallmentState: Sendable, Hashable {
    public var number: Int
    /// Interest runs over (periodStart, dueDate].
    public var periodStart: LocalDate
    public var dueDate: LocalDate
    public var principal: Money
    public var interest: Money
    public var principalPaid: Money
    public var interestPaid: Money

    public var principalUnpaid: Money { principal - principalPaid }
    public var interestUnpaid: Money { interest - interestPaid }
    public var isSettled: Bool { principalUnpaid.isZero && interestUnpaid.isZero }
}

/// A charge levied on the loan (penal, bounce, fee) and what has been paid of it. Penal charges
/// are kept apart from interest: never capitalised, never bearing interest.
public struct ChargeState: Sendable, Hashable {
    public var kind: ChargeKind
    /// The instalment it relates to, 0 when none.
    public var installment: Int
    public var dueDate: LocalDate
    public var amount: Money
    public var paid: Money

    public var unpaid: Money { amount - paid }
}

/// Kinds of charge; each maps to a waterfall component.
public enum ChargeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case penal, bounce, processing, other

    public var component: DueComponent { self == .penal ? .penal : .fees }
}

/// The state of one loan, rebuilt by applying its events in order. Nothing here reads a clock or
/// a database: the same events always give the same state.
public struct LoanState: Sendable, Hashable {
    public var loanID: String
    public var product: String
    public var catalogVersion: String
    public var currency: Currency
    public var principal: Money
    public var disbursementDate: LocalDate
    public var securityValue: Money
    public var installments: [InstallmentState]
    public var charges: [ChargeState] = []
    public var principalRepaid: Money
    /// Interest accrued and recognised as income.
    public var interestRecognised: Money
    /// Interest accrued while the loan was NPA: kept in memorandum, not income.
    public var interestSuspended: Money
    public var classification = Classification.standard
    public var daysPastDue = 0
    public var provision: Money
    /// The last business date whose day end has run for this loan.
    public var lastDayEnd: LocalDate?
    public var status = LoanStatus.active
    /// Money received beyond what was due and not applied as prepayment.
    public var advance: Money
    /// The last event applied.
    public var sequence: Int64 = 0

    /// Principal owed: the schedule's principal (the amount lent plus any capitalised interest) less
    /// what has been repaid.
    public var principalOutstanding: Money {
        installments.reduce(.zero(currency)) { $0 + $1.principal } - principalRepaid
    }

    /// The first date whose day end has not run.
    public var nextDayEnd: LocalDate { lastDayEnd.map { $0.adding(days: 1) } ?? disbursementDate }

    init(activation: ActivatePayload, loanID: String, catalogVersion: String) {
        let currency = ServicingPayload.currency(activation.currency)
        func money(_ paise: Int64) -> Money { Money(minorUnits: paise, currency: currency) }
        self.loanID = loanID
        self.product = activation.product
        self.catalogVersion = catalogVersion
        self.currency = currency
        self.principal = money(activation.principal)
        self.disbursementDate = LocalDate(iso: activation.disbursementDate) ?? LocalDate(dayNumber: 0)
        self.securityValue = money(activation.securityValue)
        self.installments = activation.schedule.map {
            InstallmentState(number: $0.n, periodStart: LocalDate(iso: $0.start) ?? LocalDate(dayNumber: 0),
                             dueDate: LocalDate(iso: $0.due) ?? LocalDate(dayNumber: 0), principal: money($0.principal),
                             interest: money($0.interest), principalPaid: money(0), interestPaid: money(0))
        }
        self.principalRepaid = money(0)
        self.interestRecognised = money(0)
        self.interestSuspended = money(0)
        self.provision = money(0)
        self.advance = money(0)
    }
}
