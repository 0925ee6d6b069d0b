import Ledger
import LoanMath

/// A loan's statement for a period: where it stood at the start and the end, and every money
/// movement in between, as a borrower or an auditor reads it.
public struct LoanStatement: Sendable, Hashable {
    /// One line: what happened on a value date and its effect on what the borrower owes.
    public struct Line: Sendable, Hashable {
        public var date: LocalDate
        public var description: String
        /// Added to what is owed (disbursement, charges, a reversed payment).
        public var debit: Money
        /// Paid or taken off (payments, waivers, write-off).
        public var credit: Money
    }

    public struct Position: Sendable, Hashable {
        public var date: LocalDate
        public var principalOutstanding: Money
        public var arrears: Money
        public var assetClass: AssetClass
        public var daysPastDue: Int
    }

    public var loanID: String
    public var opening: Position
    public var closing: Position
    public var lines: [Line]
    public var totalPaid: Money { lines.reduce(.zero(opening.principalOutstanding.currency)) { $0 + $1.credit } }
}

extension LoanBook {
    /// The statement of `loanID` for `from`…`to` (value dates), from its events.
    public func statement(_ loanID: String, from: LocalDate, to: LocalDate) throws(ServicingError) -> LoanStatement {
        guard from <= to else { throw .invalid(field: "from", message: "must not be after to") }
        let before = try state(loanID, asOf: from.adding(days: -1))
        let first = try state(loanID, asOf: from)
        guard let opening = before ?? first, let closing = try state(loanID, asOf: to) else { throw .loanNotFound(loanID) }
        let events: [LoanEvent]
        do { events = try store.events(loanID: loanID, after: 0) } catch { throw .storage("\(error)") }
        var lines: [LoanStatement.Line] = []
        let zero = Money.zero(closing.currency)
        func money(_ paise: Int64) -> Money { Money(minorUnits: paise, currency: closing.currency) }
        for event in events where from <= event.valueDate && event.valueDate <= to {
            let line: (description: String, debit: Int64, credit: Int64)?
            do { line = try Self.line(for: event) } catch { throw .replay(error) }
            if let line {
                lines.append(.init(date: event.valueDate, description: line.description, debit: money(line.debit),
                                   credit: money(line.credit)))
            }
        }
        for row in closing.installments where from <= row.dueDate && row.dueDate <= to {
            lines.append(.init(date: row.dueDate, description: "Instalment \(row.number) due (principal "
                               + "\(row.principal.decimalString), interest \(row.interest.decimalString))",
                               debit: row.principal + row.interest, credit: zero))
        }
        lines.sort { $0.date < $1.date }
        func position(_ s: LoanState, _ date: LocalDate) -> LoanStatement.Position {
            .init(date: date, principalOutstanding: s.principalOutstanding, arrears: s.arrears(on: date),
                  assetClass: s.classification.assetClass, daysPastDue: s.daysPastDue)
        }
        // A loan disbursed inside the period opens at nothing owed.
        let openingPosition = before.map { position($0, from.adding(days: -1)) }
            ?? .init(date: from.adding(days: -1), principalOutstanding: zero, arrears: zero, assetClass: .standard, daysPastDue: 0)
        _ = opening
        return LoanStatement(loanID: loanID, opening: openingPosition, closing: position(closing, to), lines: lines)
    }
}

extension LoanBook {
    /// The statement line an event makes (paise owed more, paise paid), nil for events that move no money.
    static func line(for event: LoanEvent) throws(ReplayError) -> (description: String, debit: Int64, credit: Int64)? {
        switch event.type {
        case .disburse:
            let p = try LoanState.payload(DisbursePayload.self, event)
            let title = p.schedule == nil ? "Disbursement" : "Disbursement, tranche \(p.tranche ?? 0) \(p.reference ?? "")"
            return (title, p.amount, 0)
        case .repayment:
            let p = try LoanState.payload(RepaymentPayload.self, event)
            return ("Payment received \(p.reference)", 0, p.amount)
        case .prepayment:
            let p = try LoanState.payload(PrepaymentPayload.self, event)
            return ("Part-prepayment \(p.reference)", 0, p.amount)
        case .foreclosureCompleted:
            let p = try LoanState.payload(ForeclosurePayload.self, event)
            return ("Foreclosure \(p.reference)", 0, p.amount)
        case .charge:
            let p = try LoanState.chargePayload(event)
            let name = p.kind == .penal ? "Penal charge" : p.kind == .bounce ? "Bounce charge (incl. GST)" : "Charge"
            return ("\(name): \(p.reason)", p.amount + (p.gst ?? 0), 0)
        case .waiver:
            let p = try LoanState.payload(WaiverPayload.self, event)
            return ("Charges waived: \(p.reason)", 0, p.amount)
        case .reversal:
            let p = try LoanState.payload(ReversalPayload.self, event)
            return ("Payment \(p.reference) reversed: \(p.reason)", p.amount, 0)
        case .settlement:
            return ("One-time settlement", 0, try LoanState.payload(WriteOffPayload.self, event).paid)
        case .recoveryPostWriteoff:
            let p = try LoanState.payload(RecoveryPayload.self, event)
            return ("Recovery \(p.reference)", 0, p.amount)
        default:
            return nil
        }
    }
}
