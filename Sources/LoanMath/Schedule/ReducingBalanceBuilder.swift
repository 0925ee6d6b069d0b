import Foundation

/// Builds a reducing-balance schedule: interest each period on the opening balance.
struct ReducingBalanceBuilder {
    let terms: LoanTerms
    let dates: ScheduleDates
    let currency: Currency
    var rows: [ScheduleRow] = []
    var balance: Money

    init(terms: LoanTerms, dates: ScheduleDates) {
        self.terms = terms
        self.dates = dates
        self.currency = terms.principal.currency
        self.balance = terms.principal
        rows.reserveCapacity(terms.installmentCount)
    }

    func interest(on amount: Money, _ fraction: YearFraction) -> Money {
        terms.annualRate.interest(on: amount, for: fraction, terms.rounding.interestMode)
    }

    mutating func build() throws(ScheduleError) -> Schedule {
        let carried = buildMoratorium()
        let amortising = terms.installmentCount - terms.moratorium.principalPeriods
        let levels = installmentLevels(amortising)
        for j in 0..<amortising {
            try appendAmortisingRow(index: terms.moratorium.principalPeriods + j, ordinal: j,
                                    isLast: j == amortising - 1, levels: levels,
                                    extraInterest: j == 0 ? carried : .zero(currency))
        }
        return Schedule(terms: terms, rows: rows, installmentAmount: levels.first ?? .zero(currency))
    }

    /// Moratorium rows; returns deferred interest still to collect with the first instalment after it.
    mutating func buildMoratorium() -> Money {
        let m = terms.moratorium
        var deferred = Money.zero(currency)
        var toCollect = Money.zero(currency)
        for k in 0..<m.principalPeriods {
            let fraction = dates.yearFraction(k, terms)
            let accrued = interest(on: balance, fraction)
            var charged = Money.zero(currency)
            var capitalised = Money.zero(currency)
            if k < m.interestPeriods {
                deferred += accrued
                if k == m.interestPeriods - 1 {
                    switch m.deferredInterest {
                    case .capitalise: capitalised = deferred
                    case .collectWithFirst: toCollect = deferred
                    case .waive: break
                    }
                }
            } else {
                charged = accrued + toCollect
                toCollect = .zero(currency)
            }
            appendRow(k, principal: .zero(currency), interest: charged, capitalised: capitalised, fraction: fraction)
        }
        return toCollect
    }

    /// The instalment for each amortising row (one level for EMI/balloon, one per step for step-up).
    func installmentLevels(_ count: Int) -> [Money] {
        let unit = terms.rounding.installmentUnit, mode = terms.rounding.installmentMode
        let rate = terms.annualRate.approximateFraction / Double(terms.frequency.periodsPerYear)
        let principal = Double(balance.minorUnits)
        switch terms.amortization {
        case .equalInstallment:
            return [AnnuitySolver.money(AnnuitySolver.installment(principal: principal, rate: rate, periods: count),
                                        currency, unit, mode)]
        case .balloon(let amount):
            let value = AnnuitySolver.installment(principal: principal, rate: rate, periods: count,
                                                  balloon: Double(amount.minorUnits))
            return [AnnuitySolver.money(value, currency, unit, mode)]
        case .stepUp(let every, let change):
            let growth = 1 + change.approximateFraction
            let first = AnnuitySolver.steppedInstallment(principal: principal, rate: rate, periods: count,
                                                         every: every, growth: growth)
            let steps = (count + every - 1) / every
            return (0..<steps).map { s in
                AnnuitySolver.money(first * pow(growth, Double(s)), currency, unit, mode)
            }
        case .equalPrincipal:
            let share = balance.scaled(by: 1, over: Int128(count), mode)
            return [share.rounded(to: unit, mode)]
        case .interestOnly:
            return []
        }
    }

    mutating func appendAmortisingRow(index k: Int, ordinal j: Int, isLast: Bool, levels: [Money],
                                      extraInterest: Money) throws(ScheduleError) {
        let fraction = dates.yearFraction(k, terms)
        let periodInterest = interest(on: balance, fraction)
        // A broken first period changes that instalment's interest, not its principal.
        let interestForPrincipal = k == 0 ? interest(on: balance, dates.regularFirstFraction(terms)) : periodInterest
        var principal: Money
        if isLast {
            principal = balance
        } else {
            switch terms.amortization {
            case .equalInstallment, .balloon:
                principal = levels[0] - interestForPrincipal
            case .stepUp(let every, _):
                principal = levels[j / every] - interestForPrincipal
            case .equalPrincipal:
                principal = levels[0]
            case .interestOnly:
                principal = .zero(currency)
            }
            if principal.isNegative { throw .negativeAmortisation(installment: k + 1) }
            principal = Money.min(principal, balance)
        }
        var charged = periodInterest + extraInterest
        if isLast, let level = lastLevel(levels), terms.rounding.lastInstallment == .equal {
            // The last instalment stays level; its interest is the balancing figure.
            let balancing = level - principal
            if balancing.isNegative { throw .negativeAmortisation(installment: k + 1) }
            charged = balancing + extraInterest
        }
        appendRow(k, principal: principal, interest: charged, capitalised: .zero(currency), fraction: fraction)
    }

    /// The level instalment the last row would have had, for level-instalment amortisations.
    func lastLevel(_ levels: [Money]) -> Money? {
        switch terms.amortization {
        case .equalInstallment: return levels.first
        case .stepUp: return levels.last
        case .balloon, .equalPrincipal, .interestOnly: return nil
        }
    }

    mutating func appendRow(_ k: Int, principal: Money, interest: Money, capitalised: Money, fraction: YearFraction) {
        let opening = balance
        balance = balance - principal + capitalised
        rows.append(ScheduleRow(number: k + 1, dueDate: dates.dueDates[k],
                                periodStart: dates.periodStart(k, disbursed: terms.disbursementDate),
                                openingBalance: opening, principal: principal, interest: interest,
                                capitalisedInterest: capitalised, closingBalance: balance,
                                periodFraction: fraction))
    }
}

