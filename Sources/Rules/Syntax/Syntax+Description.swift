extension Syntax: CustomStringConvertible {
    /// Fully parenthesised form, showing how the parser grouped the expression: `(+ 1 (* 2 3))`.
    var description: String {
        switch kind {
        case .integer(let v): return String(v)
        case .decimal(let v): return v.description
        case .percent(let v): return "\(v)%"
        case .money(let v): return "₹\(v)"
        case .date(let v): return v.iso
        case .string(let v): return "\"\(v)\""
        case .bool(let v): return v ? "true" : "false"
        case .name(let n): return n
        case .list(let items): return "[" + items.map(\.description).joined(separator: " ") + "]"
        case .negate(let x): return "(- \(x))"
        case .not(let x): return "(not \(x))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(l) \(r))"
        case .between(let x, let lo, let hi): return "(between \(x) \(lo) \(hi))"
        case .membership(let x, let target, let negated): return "(\(negated ? "not-in" : "in") \(x) \(target))"
        case .range(let lo, let hi, let halfOpen): return "(\(halfOpen ? "..<" : "..") \(lo) \(hi))"
        case .call(let name, let args): return "(\(name)" + args.map { " \($0)" }.joined() + ")"
        case .field(let base, let name): return "(. \(base) \(name))"
        }
    }
}
