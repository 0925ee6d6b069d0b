import LoanMath

extension Value: CustomStringConvertible {
    /// Compact text for traces and messages: `42`, `0.3`, `₹50000.00`, `10.5%`, `2026-01-31`,
    /// `"salaried"`, `[1, 2]`, `{age: 35}`.
    public var description: String {
        switch self {
        case .bool(let v): return v ? "true" : "false"
        case .integer(let v): return String(v)
        case .decimal(let v): return v.normalized.description
        case .money(let v):
            let n = v.normalized
            guard n.scale <= 2, let paise = DecimalMath.significand(n, atScale: 2) else { return "₹" + n.description }
            return "₹" + ExactDecimal(significand: paise, scale: 2).description
        case .rate(let v): return DecimalMath.movePoint(v, right: 2).normalized.description + "%"
        case .date(let v): return v.iso
        case .string(let v): return "\"" + v.replacingQuotes + "\""
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .record(let r):
            return "{" + zip(r.names, r.values).map { "\($0): \($1)" }.joined(separator: ", ") + "}"
        }
    }

    /// The name of the value's kind, for messages that must not show the value itself.
    var kindName: String {
        switch self {
        case .bool: return "bool"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .money: return "money"
        case .rate: return "rate"
        case .date: return "date"
        case .string: return "string"
        case .list: return "list"
        case .record: return "record"
        }
    }
}

extension String {
    fileprivate var replacingQuotes: String {
        var out = ""
        for c in unicodeScalars {
            if c == "\"" || c == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
