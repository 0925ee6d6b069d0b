/// What a cell accepts, when its bounds are constants: the basis for finding overlapping and
/// unreachable rows at compile time. `unknown` cells (bounds that read inputs) decide nothing.
enum CellShape: Sendable {
    struct Bound: Sendable {
        var value: Value
        var inclusive: Bool
    }

    case any
    /// Values between two bounds; a missing bound is unbounded.
    case interval(low: Bound?, high: Bound?)
    /// Listed values, or every value except them.
    case set([Value], negated: Bool)
    case unknown

    /// The shape of `cell` on a column of `type`. Integer and date bounds are made inclusive
    /// (`< 700` is `<= 699`) so that `< 700` and `>= 700` do not seem to overlap.
    init(_ cell: TypedCell, column type: RuleType) {
        switch cell {
        case .any:
            self = .any
        case .comparison(let op, let bound):
            guard let v = bound.constant else { self = .unknown; return }
            let ordered = type.isOrdered && type != .string
            switch op {
            case .equal: self = ordered ? .interval(low: Bound(value: v, inclusive: true), high: Bound(value: v, inclusive: true)) : .set([v], negated: false)
            case .notEqual: self = .set([v], negated: true)
            case .less: self = .interval(low: nil, high: CellShape.step(Bound(value: v, inclusive: false), up: false))
            case .lessOrEqual: self = .interval(low: nil, high: Bound(value: v, inclusive: true))
            case .greater: self = .interval(low: CellShape.step(Bound(value: v, inclusive: false), up: true), high: nil)
            default: self = .interval(low: Bound(value: v, inclusive: true), high: nil)
            }
        case .range(let low, let high, let halfOpen):
            guard let l = low.constant, let h = high.constant else { self = .unknown; return }
            self = .interval(low: Bound(value: l, inclusive: true),
                             high: CellShape.step(Bound(value: h, inclusive: !halfOpen), up: false))
        case .list(let items, let negated):
            let values = items.compactMap(\.constant)
            self = values.count == items.count ? .set(values, negated: negated) : .unknown
        }
        if case .enumeration(let e) = type, case .set(let values, true) = self {
            self = .set(e.values.map(Value.string).filter { v in !values.contains { ValueOrder.equal($0, v) } }, negated: false)
        }
        if type == .bool, case .set(let values, true) = self {
            self = .set([Value.bool(true), .bool(false)].filter { v in !values.contains(v) }, negated: false)
        }
    }

    /// An exclusive integer or date bound as the inclusive neighbour.
    private static func step(_ bound: Bound, up: Bool) -> Bound {
        guard !bound.inclusive else { return bound }
        switch bound.value {
        case .integer(let n) where n != (up ? Int64.max : Int64.min):
            return Bound(value: .integer(up ? n + 1 : n - 1), inclusive: true)
        case .date(let d):
            if let next = DateMath.addDays(d, up ? 1 : -1) { return Bound(value: .date(next), inclusive: true) }
            return bound
        default:
            return bound
        }
    }

    // MARK: - Relations

    /// Whether some value passes both cells; nil when it cannot be told.
    func intersects(_ other: CellShape) -> Bool? {
        switch (self, other) {
        case (.unknown, _), (_, .unknown): return nil
        case (.any, _), (_, .any): return true
        case (.interval(let l1, let h1), .interval(let l2, let h2)):
            return CellShape.nonEmpty(low: CellShape.tighter(l1, l2, low: true), high: CellShape.tighter(h1, h2, low: false))
        case (.set(let a, false), .set(let b, false)):
            return a.contains { x in b.contains { ValueOrder.equal(x, $0) } }
        case (.set(let a, false), .set(let b, true)), (.set(let b, true), .set(let a, false)):
            return a.contains { x in !b.contains { ValueOrder.equal(x, $0) } }
        case (.set(_, true), .set(_, true)):
            return true
        case (.set(let values, false), .interval(let low, let high)), (.interval(let low, let high), .set(let values, false)):
            return values.contains { CellShape.inside($0, low: low, high: high) }
        default:
            return nil
        }
    }

    /// Whether every value `inner` passes also passes this cell; nil when it cannot be told.
    func contains(_ inner: CellShape) -> Bool? {
        switch (self, inner) {
        case (.unknown, _), (_, .unknown): return nil
        case (.any, _): return true
        case (_, .any): return false
        case (.interval(let l1, let h1), .interval(let l2, let h2)):
            return CellShape.covers(l1, l2, low: true) && CellShape.covers(h1, h2, low: false)
        case (.interval(let low, let high), .set(let values, false)):
            return values.allSatisfy { CellShape.inside($0, low: low, high: high) }
        case (.set(let outer, false), .set(let values, false)):
            return values.allSatisfy { v in outer.contains { ValueOrder.equal(v, $0) } }
        case (.set(let excluded, true), .set(let values, false)):
            return !values.contains { v in excluded.contains { ValueOrder.equal(v, $0) } }
        case (.set(let outer, true), .set(let inner, true)):
            return outer.allSatisfy { v in inner.contains { ValueOrder.equal(v, $0) } }
        case (.set(let values, false), .interval(let low?, let high?)):
            guard low.inclusive, high.inclusive, ValueOrder.compare(low.value, high.value) == 0 else { return nil }
            return values.contains { ValueOrder.equal($0, low.value) }
        default:
            return nil
        }
    }

    private static func inside(_ v: Value, low: Bound?, high: Bound?) -> Bool {
        if let low, let c = ValueOrder.compare(v, low.value), c < 0 || (c == 0 && !low.inclusive) { return false }
        if let high, let c = ValueOrder.compare(v, high.value), c > 0 || (c == 0 && !high.inclusive) { return false }
        return true
    }

    private static func tighter(_ a: Bound?, _ b: Bound?, low: Bool) -> Bound? {
        guard let a else { return b }
        guard let b else { return a }
        guard let c = ValueOrder.compare(a.value, b.value) else { return a }
        if c == 0 { return a.inclusive ? b : a }
        return (c > 0) == low ? a : b
    }

    private static func nonEmpty(low: Bound?, high: Bound?) -> Bool? {
        guard let low, let high else { return true }
        guard let c = ValueOrder.compare(low.value, high.value) else { return nil }
        return c < 0 || (c == 0 && low.inclusive && high.inclusive)
    }

    /// Whether `outer` bound admits everything `inner` bound does, on the low or high side.
    private static func covers(_ outer: Bound?, _ inner: Bound?, low: Bool) -> Bool {
        guard let outer else { return true }
        guard let inner else { return false }
        guard let c = ValueOrder.compare(inner.value, outer.value) else { return false }
        if c == 0 { return outer.inclusive || !inner.inclusive }
        return (c > 0) == low
    }

    /// Whether the intervals among `cells` leave no gap from below every value to above every value.
    /// On a `discrete` column (integers, dates) `..699` and `700..` touch.
    static func coversEverything(_ cells: [CellShape], discrete: Bool) -> Bool {
        var intervals: [(low: Bound?, high: Bound?)] = []
        for cell in cells {
            if case .interval(let low, let high) = cell { intervals.append((low, high)) }
        }
        intervals.sort { a, b in
            guard let x = a.low else { return b.low != nil }
            guard let y = b.low else { return false }
            return (ValueOrder.compare(x.value, y.value) ?? 0) < 0
        }
        guard let first = intervals.first, first.low == nil else { return false }
        var reach: Bound? = first.high
        for interval in intervals.dropFirst() {
            guard let current = reach else { return true }
            if let low = interval.low {
                guard let c = ValueOrder.compare(low.value, current.value) else { return false }
                let touches = c < 0 || (c == 0 && (low.inclusive || current.inclusive))
                    || (discrete && c > 0 && adjacent(current.value, low.value))
                guard touches else { return false }
            }
            guard let high = interval.high else { return true }
            if let h = ValueOrder.compare(high.value, current.value), h > 0 || (h == 0 && high.inclusive) { reach = high }
        }
        return reach == nil
    }

    private static func adjacent(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < Int64.max && x + 1 == y
        case (.date(let x), .date(let y)): return x.days(until: y) == 1
        default: return false
        }
    }
}
