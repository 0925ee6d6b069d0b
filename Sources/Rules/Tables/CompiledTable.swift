import LoanMath

/// A compiled row: tests for its non-`-` cells and an evaluator per output.
struct CompiledRow: Sendable {
    let name: String
    let tests: [CellTest]
    let outputs: [Evaluator]

    @inline(__always)
    func matches(_ frame: Frame) throws(EvaluationError) -> Bool {
        for test in tests where !(try test(frame)) { return false }
        return true
    }
}

/// A decision table ready to run: computes its columns once, finds matching rows by its hit
/// policy, and writes each output to its slot.
struct CompiledTable: Sendable {
    let id: String
    let location: SourceLocation
    let hitPolicy: HitPolicy
    let columns: [(slot: Int, evaluator: Evaluator)]
    let rows: [CompiledRow]
    let outputSlots: [Int]
    let outputTypes: [RuleType]
    let defaults: [Evaluator?]
    /// For a priority table: the first output's enum values, highest priority first.
    let priorityOrder: [String]

    /// Evaluates the table into its output slots; returns the matching rows (0-based) when `record`.
    func evaluate(_ f: Frame, record: Bool) throws(EvaluationError) -> [Int] {
        for column in columns { f.slots[column.slot] = try column.evaluator(f) }
        switch hitPolicy {
        case .unique: return try unique(f, record: record)
        case .first:
            for (i, row) in rows.enumerated() where try row.matches(f) {
                try write(row, f)
                return record ? [i] : []
            }
            try writeDefaults(f)
            return []
        case .priority: return try priority(f, record: record)
        case .collect(let aggregation): return try collect(aggregation, f, record: record)
        }
    }

    private func unique(_ f: Frame, record: Bool) throws(EvaluationError) -> [Int] {
        var matched = -1
        for i in rows.indices where try rows[i].matches(f) {
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
        try write(rows[matched], f)
        return record ? [matched] : []
    }

    private func priority(_ f: Frame, record: Bool) throws(EvaluationError) -> [Int] {
        var best: (row: Int, rank: Int)?
        for i in rows.indices where try rows[i].matches(f) {
            guard case .string(let word) = try rows[i].outputs[0](f) else { throw .internalError(at: location) }
            let rank = priorityOrder.firstIndex(of: word) ?? priorityOrder.count
            if best.map({ rank < $0.rank }) ?? true { best = (i, rank) }
        }
        guard let best else {
            try writeDefaults(f)
            return []
        }
        try write(rows[best.row], f)
        return record ? [best.row] : []
    }

    private func collect(_ aggregation: CollectAggregation, _ f: Frame, record: Bool) throws(EvaluationError) -> [Int] {
        var matched: [Int] = []
        for i in rows.indices where try rows[i].matches(f) { matched.append(i) }
        for (k, slot) in outputSlots.enumerated() {
            var values: [Value] = []
            values.reserveCapacity(matched.count)
            for i in matched { values.append(try rows[i].outputs[k](f)) }
            f.slots[slot] = try TableAggregation.combine(values, aggregation, type: outputTypes[k], default: defaults[k], f, at: location)
        }
        return record ? matched : []
    }

    private func write(_ row: CompiledRow, _ f: Frame) throws(EvaluationError) {
        for (k, slot) in outputSlots.enumerated() { f.slots[slot] = try row.outputs[k](f) }
    }

    private func writeDefaults(_ f: Frame) throws(EvaluationError) {
        for (k, slot) in outputSlots.enumerated() {
            guard let d = defaults[k] else { throw .internalError(at: location) }
            f.slots[slot] = try d(f)
        }
    }
}

/// Combines a collect table's outputs.
enum TableAggregation {
    static func combine(_ values: [Value], _ aggregation: CollectAggregation, type: RuleType, default fallback: Evaluator?,
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
                return try fallback(f)
            }
            for v in values.dropFirst() {
                guard let c = ValueOrder.compare(v, best) else { throw .internalError(at: at) }
                if aggregation == .min ? c < 0 : c > 0 { best = v }
            }
            return best
        }
    }
}
