import LoanMath

/// Where a loan is in its life, apart from its IRACP class.
public enum LoanStatus: String, Sendable, Hashable, Codable {
    case active, closed, settled
    case writtenOff = "written-off"
}

/// One instalment of the schedule and what has been paid of it.
///
/// Stored in 64 bytes (a process holds every instalment of every loan it has loaded, about 85 a
/// loan): the amounts as minor units of the one currency they share, the number and day in 32
/// bits. Held as `Money` and `Int` fields it took 112 bytes, and at 100,000 loans a third of a
/// process's first load went to the first touch of that memory.
public struct InstallmentState: Sendable, Hashable {
    private var storedNumber: Int32
    /// Interest runs over (periodStart, dueDate].
    public var periodStart: LocalDate
    public var dueDate: LocalDate
    private var storedBaseDay: Int32
    private var principalUnits: Int64
    private var interestUnits: Int64
    private var principalPaidUnits: Int64
    private var interestPaidUnits: Int64
    /// `Int64.min` when there is no accrual base.
    private var accrualBaseUnits: Int64
    /// The currency of every amount of the instalment (the loan's).
    public let currency: Currency

    public init(number: Int, periodStart: LocalDate, dueDate: LocalDate, principal: Money, interest: Money,
                principalPaid: Money, interestPaid: Money, accrualBaseDay: Int = 0, accrualBase: Money? = nil) {
        currency = principal.currency
        storedNumber = Int32(number)
        self.periodStart = periodStart
        self.dueDate = dueDate
        storedBaseDay = Int32(accrualBaseDay)
        principalUnits = principal.minorUnits
        interestUnits = 0
        principalPaidUnits = 0
        interestPaidUnits = 0
        accrualBaseUnits = .min
        self.interest = interest
        self.principalPaid = principalPaid
        self.interestPaid = interestPaid
        self.accrualBase = accrualBase
    }

    public var number: Int {
        get { Int(storedNumber) }
        set { storedNumber = Int32(newValue) }
    }

    public var principal: Money {
        get { Money(minorUnits: principalUnits, currency: currency) }
        set { principalUnits = units(newValue) }
    }

    public var interest: Money {
        get { Money(minorUnits: interestUnits, currency: currency) }
        set { interestUnits = units(newValue) }
    }

    public var principalPaid: Money {
        get { Money(minorUnits: principalPaidUnits, currency: currency) }
        set { principalPaidUnits = units(newValue) }
    }

    public var interestPaid: Money {
        get { Money(minorUnits: interestPaidUnits, currency: currency) }
        set { interestPaidUnits = units(newValue) }
    }

    /// After a re-amortisation inside the period: interest accrued through day `accrualBaseDay`,
    /// from which the rest of the period's interest is spread over the remaining days.
    public var accrualBaseDay: Int {
        get { Int(storedBaseDay) }
        set { storedBaseDay = Int32(newValue) }
    }

    public var accrualBase: Money? {
        get { accrualBaseUnits == .min ? nil : Money(minorUnits: accrualBaseUnits, currency: currency) }
        set { accrualBaseUnits = newValue.map(units) ?? .min }
    }

    /// An amount's minor units; every amount of an instalment is in its currency.
    private func units(_ amount: Money) -> Int64 {
        precondition(amount.currency == currency, "an instalment's amounts are all in \(currency)")
        return amount.minorUnits
    }

    public var principalUnpaid: Money { principal - principalPaid }

    /// Days in the interest period (periodStart, dueDate].
    public var periodDays: Int { periodStart.days(until: dueDate) }

    /// Interest accrued over days 1…`day` of the period; the days sum to `interest` exactly.
    public func accrued(through day: Int) -> Money {
        guard let base = accrualBase, accrualBaseDay > 0 else {
            return DailyAccrual.cumulative(through: day, of: periodDays, total: interest)
        }
        if day <= accrualBaseDay { return DailyAccrual.cumulative(through: day, of: accrualBaseDay, total: base) }
        return base + DailyAccrual.cumulative(through: day - accrualBaseDay, of: periodDays - accrualBaseDay,
                                              total: interest - base)
    }

    /// Interest accrued on day `day` of the period.
    public func accrual(onDay day: Int) -> Money { accrued(through: day) - accrued(through: day - 1) }
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
    /// What was levied, GST included.
    public var amount: Money
    public var paid: Money
    /// The GST part of `amount` (zero on penal charges).
    public var gst: Money
    /// Forgiven by approved waivers.
    public var waived: Money

    public var unpaid: Money { amount - paid - waived }
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
    /// The principal paid out so far (every tranche).
    public var principal: Money
    /// The amount sanctioned: the principal, or more when the loan is paid out in tranches.
    public var sanctioned: Money
    /// Tranches paid out (1 for a loan paid out at once).
    public var tranches = 1
    public var disbursementDate: LocalDate
    public var securityValue: Money
    public var annualRate: Rate
    public var frequency: Frequency
    public var dayCount: DayCount
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
    /// Principal taken off the books by a write-off or settlement.
    public var principalWrittenOff: Money
    /// Collected after a write-off or settlement.
    public var recovered: Money
    /// A restructured loan cannot be upgraded before this date (the observation period).
    public var observationUntil: LocalDate?
    public var restructures = 0
    /// The No Objection Certificate, once issued.
    public var nocNumber: String?
    /// How the loan closed: repaid, foreclosed or settled.
    public var closureReason: String?
    /// Dishonoured presentations so far.
    public var bounces = 0
    /// Money received beyond what was due and not applied as prepayment.
    public var advance: Money
    /// The last event applied.
    public var sequence: Int64 = 0

    /// Principal owed: what the schedule's instalments (the amount lent plus any capitalised
    /// interest, less prepayments) still carry unpaid.
    static func installment(_ row: ActivatePayload.Row, _ currency: Currency) -> InstallmentState {
        InstallmentState(number: row.n, periodStart: LocalDate(iso: row.start) ?? LocalDate(dayNumber: 0),
                         dueDate: LocalDate(iso: row.due) ?? LocalDate(dayNumber: 0),
                         principal: Money(minorUnits: row.principal, currency: currency),
                         interest: Money(minorUnits: row.interest, currency: currency),
                         principalPaid: .zero(currency), interestPaid: .zero(currency))
    }

    public var principalOutstanding: Money {
        // Summed in minor units: every amount of a loan is in its currency (read once a loan a day
        // by the day end, over every instalment).
        var unpaid: Int64 = 0
        for row in installments { unpaid += row.principal.minorUnits - row.principalPaid.minorUnits }
        return Money(minorUnits: unpaid - principalWrittenOff.minorUnits, currency: currency)
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
        self.sanctioned = money(activation.sanctioned ?? activation.principal)
        self.disbursementDate = LocalDate(iso: activation.disbursementDate) ?? LocalDate(dayNumber: 0)
        self.securityValue = money(activation.securityValue)
        self.annualRate = Rate(parsing: activation.rate) ?? .zero
        self.frequency = activation.frequency ?? .monthly
        self.dayCount = activation.dayCount ?? .thirty360
        self.installments = activation.schedule.map { Self.installment($0, currency) }
        self.principalRepaid = money(0)
        self.principalWrittenOff = money(0)
        self.recovered = money(0)
        self.interestRecognised = money(0)
        self.interestSuspended = money(0)
        self.provision = money(0)
        self.advance = money(0)
    }
}
