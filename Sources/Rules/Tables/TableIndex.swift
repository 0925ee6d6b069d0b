import LoanMath

/// For one input column, which rows accept a given value: the column's constant bounds cut the
/// value line into regions (each bound, and the gaps between), and each region has the set of
/// rows whose cells accept it. Looking a value up is a binary search, not a test per row.
enum ColumnLookup: Sendable {
    /// Integer or date columns (dates by day number); `regions.count == 2 * keys.count + 1`.
    case integers(keys: [Int64], regions: [UInt64], dates: Bool)
    /// Decimal, money and rate columns.
    case decimals(keys: [ExactDecimal], regions: [UInt64])
    /// String, enum and bool columns: rows for each listed value, and for any other value.
    case values(keys: [Value], masks: [UInt64], otherwise: UInt64)

    @inline(__always)
    func rows(for value: Value) -> UInt64? {
        switch self {
        case .integers(let keys, let regions, let dates):
            let x: Int64
            switch value {
            case .integer(let n) where !dates: x = n
            case .date(let d) where dates: x = Int64(d.dayNumber)
            default: return nil
            }
            var low = 0, high = keys.count
            while low < high {
                let mid = (low + high) >> 1
                if keys[mid] < x { low = mid + 1 } else { high = mid }
            }
            return regions[low < keys.count && keys[low] == x ? 2 * low + 1 : 2 * low]
        case .decimals(let keys, let regions):
            guard let x = value.decimalValue else { return nil }
            var low = 0, high = keys.count
            while low < high {
                let mid = (low + high) >> 1
                if DecimalMath.compare(keys[mid], x) < 0 { low = mid + 1 } else { high = mid }
            }
            let exact = low < keys.count && DecimalMath.compare(keys[low], x) == 0
            return regions[exact ? 2 * low + 1 : 2 * low]
        case .values(let keys, let masks, let otherwise):
            for i in keys.indices where keys[i] == value { return masks[i] }
            return otherwise
        }
    }
}

/// A table's column lookups: the rows matching an input are the intersection of each column's
/// rows. Built when the table has at most 64 rows and every cell is a constant test.
struct TableIndex: Sendable {
    let columnSlots: [Int]
    let lookups: [ColumnLookup]
    let allRows: UInt64

    /// The matching rows as bits (row `i` is bit `i`); nil if a value has an unexpected type.
    @inline(__always)
    func matches(_ f: Frame) -> UInt64? {
        var mask = allRows
        for i in lookups.indices {
            guard let rows = lookups[i].rows(for: f.slots[columnSlots[i]]) else { return nil }
            mask &= rows
            if mask == 0 { break }
        }
        return mask
    }

    /// The index for rows of `shapes` (row-major) on columns of `types`, or nil if it cannot be built.
    static func build(shapes: [[CellShape]], types: [RuleType], slots: [Int]) -> TableIndex? {
        guard shapes.count <= 64, shapes.allSatisfy({ $0.count == types.count }) else { return nil }
        var lookups: [ColumnLookup] = []
        for (c, type) in types.enumerated() {
            let column = shapes.map { $0[c] }
            guard let lookup = lookup(column, type: type) else { return nil }
            lookups.append(lookup)
        }
        let all: UInt64 = shapes.count == 64 ? ~0 : (1 << UInt64(shapes.count)) - 1
        return TableIndex(columnSlots: slots, lookups: lookups, allRows: all)
    }

    private static func lookup(_ cells: [CellShape], type: RuleType) -> ColumnLookup? {
        var bounds: [Value] = []
        for cell in cells {
            switch cell {
            case .unknown: return nil
            case .any: break
            case .interval(let low, let high): bounds += [low?.value, high?.value].compactMap { $0 }
            case .set(let values, _): bounds += values
            }
        }
        switch type {
        case .integer, .date:
            let dates = type == .date
            var numbers: Set<Int64> = []
            for v in bounds {
                switch v {
                case .integer(let n) where !dates: numbers.insert(n)
                case .date(let d) where dates: numbers.insert(Int64(d.dayNumber))
                default: return nil
                }
            }
            let keys = numbers.sorted()
            let points = keys.map { dates ? Value.date(LocalDate(dayNumber: Int32($0))) : Value.integer($0) }
            return .integers(keys: keys, regions: regions(cells, points: points), dates: dates)
        case .decimal, .money, .rate:
            var keys: [ExactDecimal] = []
            for v in bounds {
                guard let d = v.decimalValue, v.isNumeric else { return nil }
                if !keys.contains(where: { DecimalMath.compare($0, d) == 0 }) { keys.append(d) }
            }
            keys.sort { DecimalMath.compare($0, $1) < 0 }
            let wrap: (ExactDecimal) -> Value = type == .money ? { .money($0) } : (type == .rate ? { .rate($0) } : { .decimal($0) })
            return .decimals(keys: keys, regions: regions(cells, points: keys.map(wrap)))
        case .string, .enumeration, .bool:
            var keys: [Value] = []
            for cell in cells {
                switch cell {
                case .interval: return nil
                case .set(let values, _): for v in values where !keys.contains(v) { keys.append(v) }
                default: break
                }
            }
            let masks = keys.map { key in mask(cells) { accepts($0, key) } }
            let otherwise = mask(cells) { cell in
                switch cell {
                case .any: return true
                case .set(_, let negated): return negated
                default: return false
                }
            }
            return .values(keys: keys, masks: masks, otherwise: otherwise)
        default:
            return nil
        }
    }

    /// Rows per region: below the first point, each point, each gap, above the last point.
    private static func regions(_ cells: [CellShape], points: [Value]) -> [UInt64] {
        var result: [UInt64] = []
        for i in 0...points.count {
            let below = i > 0 ? points[i - 1] : nil
            let above = i < points.count ? points[i] : nil
            result.append(mask(cells) { acceptsGap($0, after: below, before: above) })
            if let point = above { result.append(mask(cells) { accepts($0, point) }) }
        }
        return result
    }

    private static func mask(_ cells: [CellShape], _ test: (CellShape) -> Bool) -> UInt64 {
        var m: UInt64 = 0
        for (row, cell) in cells.enumerated() where test(cell) { m |= 1 << UInt64(row) }
        return m
    }

    private static func accepts(_ cell: CellShape, _ value: Value) -> Bool {
        switch cell {
        case .any: return true
        case .unknown: return false
        case .set(let values, let negated): return values.contains { ValueOrder.equal($0, value) } != negated
        case .interval(let low, let high):
            if let low, let c = ValueOrder.compare(value, low.value), c < 0 || (c == 0 && !low.inclusive) { return false }
            if let high, let c = ValueOrder.compare(value, high.value), c > 0 || (c == 0 && !high.inclusive) { return false }
            return true
        }
    }

    /// Whether a cell accepts every value strictly between two neighbouring points (nil: unbounded).
    private static func acceptsGap(_ cell: CellShape, after below: Value?, before above: Value?) -> Bool {
        switch cell {
        case .any: return true
        case .unknown: return false
        case .set(_, let negated): return negated
        case .interval(let low, let high):
            if let low {
                guard let below, let c = ValueOrder.compare(low.value, below), c <= 0 else { return false }
            }
            if let high {
                guard let above, let c = ValueOrder.compare(high.value, above), c >= 0 else { return false }
            }
            return true
        }
    }
}
