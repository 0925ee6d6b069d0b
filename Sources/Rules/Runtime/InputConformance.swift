/// Checks that input values have their declared types, and puts record fields in declared order
/// (so fields are read by position). Errors name the input, never its value.
enum InputConformance {
    /// `value` as a value of `type`, or nil if it is not one. An integer is accepted as a decimal.
    static func conform(_ value: Value, to type: RuleType, limits: CompileLimits) -> Value? {
        switch (type, value) {
        case (.bool, .bool), (.integer, .integer), (.decimal, .decimal), (.money, .money), (.rate, .rate),
             (.date, .date), (.string, .string):
            return value
        case (.decimal, .integer(let n)):
            return .decimal(DecimalMath.integer(n))
        case (.enumeration(let e), .string(let s)):
            return e.values.contains(s) ? value : nil
        case (.list(let element), .list(let items)):
            guard items.count <= limits.maxListLength else { return nil }
            if element.isScalar, items.allSatisfy({ conform($0, to: element, limits: limits) == $0 }) { return value }
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items {
                guard let c = conform(item, to: element, limits: limits) else { return nil }
                result.append(c)
            }
            return .list(result)
        case (.record(let r), .record(let given)):
            var fields: [Value] = []
            fields.reserveCapacity(r.fields.count)
            for field in r.fields {
                guard let v = given[field.name], let c = conform(v, to: field.type, limits: limits) else { return nil }
                fields.append(c)
            }
            return .record(RecordValue(names: r.fields.map(\.name), values: fields))
        default:
            return nil
        }
    }
}

extension RuleType {
    /// Neither a list nor a record.
    var isScalar: Bool {
        switch self {
        case .list, .record: return false
        default: return true
        }
    }
}
