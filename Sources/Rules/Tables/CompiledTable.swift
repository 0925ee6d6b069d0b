import LoanMath

/// A compiled row: its cell checks (a range of the table's flat check list) and an evaluator per output.
struct CompiledRow: Sendable {
    let name: String
    let outputs: [CompiledNode]
}

/// A decision table ready to run: computes its columns once, finds matching rows by its hit
/// policy, and writes each output to its slot. A class, so evaluation never copies its arrays.
final class CompiledTable: Sendable {
    let id: String
    let location: SourceLocation
    let hitPolicy: HitPolicy
    let columnSlots: [Int]
    let columns: [CompiledNode]
    let rows: [CompiledRow]
    /// Every row's checks, row after row; row `i` owns `checks[checkStarts[i] ..< checkStarts[i + 1]]`.
    let checks: ContiguousArray<CellCheck>
    let checkStarts: [Int]
    /// Constant strings and general tests the checks refer to by index.
    let strings: [String]
    let tests: [CompiledCellTest]
    let outputSlots: [Int]
    let outputTypes: [RuleType]
    let defaults: [CompiledNode?]
    /// For a priority table: the first output's enum values, highest priority first.
    let priorityOrder: [String]
    /// Column lookups replacing the row-by-row checks, when every cell is a constant test.
    let index: TableIndex?

    init(id: String, location: SourceLocation, hitPolicy: HitPolicy, columnSlots: [Int], columns: [CompiledNode],
         rows: [CompiledRow], rowChecks: [[LoweredCell]], outputSlots: [Int], outputTypes: [RuleType], defaults: [CompiledNode?],
         priorityOrder: [String], index: TableIndex?) {
        self.index = index
        self.id = id
        self.location = location
        self.hitPolicy = hitPolicy
        self.columnSlots = columnSlots
        self.columns = columns
        self.rows = rows
        var starts = [0]
        var flat = ContiguousArray<CellCheck>()
        var strings: [String] = []
        var tests: [CompiledCellTest] = []
        for row in rowChecks {
            for cell in row {
                switch cell {
                case .check(let check):
                    flat.append(check)
                case .string(let slot, let value, let equal):
                    flat.append(.stringEquals(slot: slot, index: strings.count, equal: equal))
                    strings.append(value)
                case .test(let test):
                    flat.append(.general(index: tests.count))
                    tests.append(CompiledCellTest(test: test))
                }
            }
            starts.append(flat.count)
        }
        checks = flat
        checkStarts = starts
        self.strings = strings
        self.tests = tests
        self.outputSlots = outputSlots
        self.outputTypes = outputTypes
        self.defaults = defaults
        self.priorityOrder = priorityOrder
    }

    /// Whether `row` matches: a bit of `mask` when the index computed one, else the row's checks.
    @inline(__always)
    private func matches(_ row: Int, _ f: Frame, _ mask: UInt64?) throws(EvaluationError) -> Bool {
        if let mask { return mask & (1 << UInt64(row)) != 0 }
        var k = checkStarts[row]
        let end = checkStarts[row + 1]
        while k < end {
            if !(try checks[k].accepts(f, strings: strings, tests: tests, at: location)) { return false }
            k += 1
        }
        return true
    }

    /// Evaluates the table into its output slots; returns the matching rows (0-based) when `record`.
    func evaluate(_ f: Frame, record: Bool) throws(EvaluationError) -> [Int] {
        for i in columns.indices { f.slots[columnSlots[i]] = try columns[i].evaluate(f) }
        let mask = index?.matches(f)
        switch hitPolicy {
        case .unique: return try unique(f, mask, record: record)
        case .first:
            for i in rows.indices where try matches(i, f, mask) {
                try write(i, f)
                return record ? [i] : []
            }
            try writeDefaults(f)
            return []
        case .priority: return try priority(f, mask, record: record)
        case .collect(let aggregation): return try collect(aggregation, f, mask, record: record)
        }
    }

    private func unique(_ f: Frame, _ mask: UInt64?, record: Bool) throws(EvaluationError) -> [Int] {
        var matched = -1
        for i in rows.indices where try matches(i, f, mask) {
            if matched >= 0 {
                throw EvaluationError(.overlappingRows(table: id, first: rows[matched].name, second: rows[i].name), at: location,
                                      "table '\(id)': \(rows[matched].name) and \(rows[i].name) both match; a unique table allows one")
            }
            matched = i
        }
        if matched < 0 {
            try writeDefaults(f)
            return []
        }
        try write(matched, f)
        return record ? [matched] : []
    }

    private func priority(_ f: Frame, _ mask: UInt64?, record: Bool) throws(EvaluationError) -> [Int] {
        var best: (row: Int, rank: Int)?
        for i in rows.indices where try matches(i, f, mask) {
            guard case .string(let word) = try rows[i].outputs[0].evaluate(f) else { throw .internalError(at: location) }
            let rank = priorityOrder.firstIndex(of: word) ?? priorityOrder.count
            if best.map({ rank < $0.rank }) ?? true { best = (i, rank) }
        }
        guard let best else {
            try writeDefaults(f)
            return []
        }
        try write(best.row, f)
        return record ? [best.row] : []
    }

    private func collect(_ aggregation: CollectAggregation, _ f: Frame, _ mask: UInt64?, record: Bool) throws(EvaluationError) -> [Int] {
        var matched: [Int] = []
        for i in rows.indices where try matches(i, f, mask) { matched.append(i) }
        for (k, slot) in outputSlots.enumerated() {
            var values: [Value] = []
            values.reserveCapacity(matched.count)
            for i in matched { values.append(try rows[i].outputs[k].evaluate(f)) }
            f.slots[slot] = try TableAggregation.combine(values, aggregation, type: outputTypes[k], default: defaults[k], f, at: location)
        }
        return record ? matched : []
    }

    private func write(_ row: Int, _ f: Frame) throws(EvaluationError) {
        for k in outputSlots.indices { f.slots[outputSlots[k]] = try rows[row].outputs[k].evaluate(f) }
    }

    private func writeDefaults(_ f: Frame) throws(EvaluationError) {
        for (k, slot) in outputSlots.enumerated() {
            guard let d = defaults[k] else { throw .internalError(at: location) }
            f.slots[slot] = try d.evaluate(f)
        }
    }
}

/// Combines a collect table's outputs.
enum TableAggregation {
    static func combine(_ values: [Value], _ aggregation: CollectAggregation, type: RuleType, default fallback: CompiledNode?,
                        _ f: Frame, at: SourceLocation) throws(EvaluationError) -> Value {
        switch aggregation {
        case .list:
            return .list(values)
        case .sum:
            if type == .integer {
                var total: Int64 = 0
                for case .integer(let n) in values {
                    let (s, o) = total.addingReportingOverflow(n)
                    if o { throw EvaluationError.arithmetic(.overflow, at: at) }
                    total = s
                }
                return .integer(total)
            }
            var total = DecimalMath.integer(0)
            for v in values {
                let n = try ExpressionLowering.number(v, at)
                do throws(ArithmeticError) { total = try DecimalMath.add(total, n) } catch {
                    throw EvaluationError.arithmetic(error, at: at)
                }
            }
            return ExpressionLowering.wrap(type)(total)
        case .min, .max:
            guard var best = values.first else {
                guard let fallback else { throw .internalError(at: at) }
                return try fallback.evaluate(f)
            }
            for v in values.dropFirst() {
                guard let c = ValueOrder.compare(v, best) else { throw .internalError(at: at) }
                if aggregation == .min ? c < 0 : c > 0 { best = v }
            }
            return best
        }
    }
}
