/// The parts of a due a payment can settle, in the order a waterfall lists them.
public enum DueComponent: String, Sendable, Hashable, CaseIterable, Codable {
    case penal, fees, interest, principal
}

/// Something owed: a component of an instalment (or a charge) with its due date and what is unpaid.
public struct DueItem: Sendable, Hashable {
    /// The instalment number, or 0 for a charge outside the schedule.
    public var installment: Int
    public var dueDate: LocalDate
    public var component: DueComponent
    public var unpaid: Money

    public init(installment: Int, dueDate: LocalDate, component: DueComponent, unpaid: Money) {
        self.installment = installment
        self.dueDate = dueDate
        self.component = component
        self.unpaid = unpaid
    }
}

/// What a payment settled of one due item.
public struct Allocation: Sendable, Hashable {
    public var installment: Int
    public var dueDate: LocalDate
    public var component: DueComponent
    public var amount: Money

    public init(installment: Int, dueDate: LocalDate, component: DueComponent, amount: Money) {
        self.installment = installment
        self.dueDate = dueDate
        self.component = component
        self.amount = amount
    }
}

/// The order a repayment settles dues in. Dues past due come before dues falling due on the
/// payment's value date; dues not yet due are never settled here (what is left over is the caller's
/// to treat as prepayment or advance). Within each of the two groups, `installmentFirst` settles
/// the oldest instalment whole (its components in `order`) before the next; `componentFirst`
/// settles a component across every instalment, oldest first, before the next component.
public struct Waterfall: Sendable, Hashable {
    public enum Strategy: String, Sendable, Hashable, CaseIterable, Codable {
        case installmentFirst = "installment-first"
        case componentFirst = "component-first"
    }

    public var order: [DueComponent]
    public var strategy: Strategy

    public init(order: [DueComponent] = [.penal, .fees, .interest, .principal], strategy: Strategy = .installmentFirst) {
        self.order = order
        self.strategy = strategy
    }

    /// Settles `amount` against `items` as of `valueDate`; returns the allocations in the order made
    /// and what is left.
    public func allocate(_ amount: Money, to items: [DueItem], on valueDate: LocalDate)
        -> (allocations: [Allocation], remainder: Money) {
        var left = amount
        var allocations: [Allocation] = []
        let open = items.filter { $0.unpaid > .zero($0.unpaid.currency) && $0.dueDate <= valueDate }
        let pastDue = open.filter { $0.dueDate < valueDate }
        let dueToday = open.filter { $0.dueDate == valueDate }
        for group in [pastDue, dueToday] {
            for item in sorted(group) where left > .zero(left.currency) {
                let paid = Money.min(left, item.unpaid)
                left -= paid
                allocations.append(Allocation(installment: item.installment, dueDate: item.dueDate,
                                              component: item.component, amount: paid))
            }
        }
        return (allocations, left)
    }

    private func rank(_ c: DueComponent) -> Int { order.firstIndex(of: c) ?? order.count }

    private func sorted(_ items: [DueItem]) -> [DueItem] {
        items.sorted { a, b in
            let byDate = (a.dueDate, a.installment) < (b.dueDate, b.installment)
            let sameDue = a.dueDate == b.dueDate && a.installment == b.installment
            switch strategy {
            case .installmentFirst:
                return sameDue ? rank(a.component) < rank(b.component) : byDate
            case .componentFirst:
                return rank(a.component) != rank(b.component) ? rank(a.component) < rank(b.component) : byDate
            }
        }
    }
}
