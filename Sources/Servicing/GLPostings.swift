import Ledger
import LoanMath

/// What a GL line posts to: the posting roles of `policies/accounting.yaml`. The raw value is the
/// account code of the default chart, used when the tree has no accounting file.
public enum GLAccount: String, Sendable, Hashable, CaseIterable, Codable {
    case bank = "1000"
    case loanPrincipal = "1100"
    case interestReceivable = "1200"
    case chargesReceivable = "1210"
    case provisionForLosses = "1900"
    case gstPayable = "2100"
    case interestSuspense = "2500"
    case borrowerAdvance = "2600"
    case interestIncome = "4000"
    case penalIncome = "4100"
    case feeIncome = "4200"
    case recoveryIncome = "4300"
    case provisionExpense = "5100"
    case writeOffExpense = "5200"
}

/// One side of a posting: an account debited or credited.
public struct GLLine: Sendable, Hashable {
    public var account: GLAccount
    public var debit: Money
    public var credit: Money
}

/// Double-entry postings for each event; every event's lines balance (debits = credits).
public enum GLPostings {
    /// The lines `event` posts; events with no money movement post none.
    public static func lines(for event: LoanEvent, currency: Currency) throws(ReplayError) -> [GLLine] {
        func money(_ paise: Int64) -> Money { Money(minorUnits: paise, currency: currency) }
        func pair(_ debit: GLAccount, _ credit: GLAccount, _ amount: Money) -> [GLLine] {
            let zero = Money.zero(currency)
            guard amount != zero else { return [] }
            if amount < zero { return pair(credit, debit, -amount) }
            return [GLLine(account: debit, debit: amount, credit: zero), GLLine(account: credit, debit: zero, credit: amount)]
        }
        switch event.type {
        case .disburse:
            return pair(.loanPrincipal, .bank, money(try LoanState.payload(DisbursePayload.self, event).amount))
        case .accrual:
            let p = try LoanState.accrualPayload(event)
            return pair(.interestReceivable, p.suspended ? .interestSuspense : .interestIncome, money(p.amount))
        case .allocation:
            let p = try LoanState.payload(AllocationPayload.self, event)
            let zero = Money.zero(currency)
            var lines = [GLLine(account: .borrowerAdvance, debit: money(p.amount), credit: zero)]
            lines += credits(p.allocations, advance: 0).map { GLLine(account: $0.0, debit: zero, credit: money($0.1)) }
            return lines
        case .charge:
            let p = try LoanState.chargePayload(event)
            return pair(.chargesReceivable, p.kind == .penal ? .penalIncome : .feeIncome, money(p.amount))
                + pair(.chargesReceivable, .gstPayable, money(p.gst ?? 0))
        case .provision:
            let p = try LoanState.payload(ProvisionPayload.self, event)
            return pair(.provisionExpense, .provisionForLosses, money(p.required - p.previous))
        case .prepayment:
            let p = try LoanState.payload(PrepaymentPayload.self, event)
            let zero = Money.zero(currency)
            var credits = credits(p.allocations, advance: 0)
            if let i = credits.firstIndex(where: { $0.0 == .loanPrincipal }) {
                credits[i].1 += p.principalPrepaid
            } else {
                credits.insert((.loanPrincipal, p.principalPrepaid), at: 0)
            }
            return [GLLine(account: .bank, debit: money(p.amount), credit: zero)]
                + credits.map { GLLine(account: $0.0, debit: zero, credit: money($0.1)) }
        case .foreclosureCompleted:
            let p = try LoanState.payload(ForeclosurePayload.self, event)
            let zero = Money.zero(currency)
            let debits: [(GLAccount, Int64)] = [(.bank, p.amount), (.borrowerAdvance, p.advanceUsed),
                                                 (.interestSuspense, p.suspenseRealised)]
            let credits: [(GLAccount, Int64)] = [
                (.loanPrincipal, p.principal), (.interestReceivable, p.interestDue + p.interestAccrued - p.interestToday),
                (.interestIncome, p.interestToday + p.suspenseRealised), (.chargesReceivable, p.charges),
                (.feeIncome, p.foreclosureCharge), (.borrowerAdvance, p.excess),
            ]
            return debits.filter { $0.1 != 0 }.map { GLLine(account: $0.0, debit: money($0.1), credit: zero) }
                + credits.filter { $0.1 != 0 }.map { GLLine(account: $0.0, debit: zero, credit: money($0.1)) }
        case .restructure:
            let p = try LoanState.payload(RestructurePayload.self, event)
            return pair(.loanPrincipal, .interestReceivable, money(p.capitalisedInterest))
        case .writeoff, .settlement:
            return writeOffLines(try LoanState.payload(WriteOffPayload.self, event), currency)
        case .waiver:
            return waiverLines(try LoanState.payload(WaiverPayload.self, event), currency)
        case .recoveryPostWriteoff:
            return pair(.bank, .recoveryIncome, money(try LoanState.payload(RecoveryPayload.self, event).amount))
        case .restatement:
            let p = try LoanState.payload(RestatementPayload.self, event)
            return p.gl.map { GLLine(account: $0.account, debit: money($0.debit), credit: money($0.credit)) }
        case .repayment:
            let p = try LoanState.payload(RepaymentPayload.self, event)
            guard p.backDated != true else { return [] }
            let zero = Money.zero(currency)
            var lines = [GLLine(account: .bank, debit: money(p.amount), credit: zero)]
            lines += credits(p.allocations, advance: p.advance).map { GLLine(account: $0.0, debit: zero, credit: money($0.1)) }
            return lines
        default:
            return []
        }
    }

    /// Credits for the parts a payment settled (and what it left as advance), by account in chart order.
    static func credits(_ parts: [RepaymentPayload.Part], advance: Int64) -> [(GLAccount, Int64)] {
        var credits: [GLAccount: Int64] = [:]
        for part in parts {
            let account: GLAccount = switch part.component {
            case .principal: .loanPrincipal
            case .interest: .interestReceivable
            case .penal, .fees: .chargesReceivable
            }
            credits[account, default: 0] += part.amount
        }
        credits[.borrowerAdvance, default: 0] += advance
        return GLAccount.allCases.compactMap { account in credits[account].flatMap { $0 == 0 ? nil : (account, $0) } }
    }
}
