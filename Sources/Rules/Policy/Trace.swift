/// What one evaluation used and found: the inputs it read, the derived values, each rule's result
/// and each table's matching rows. Small enough to store with every application.
public struct Trace: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var value: Value
    }

    public struct RuleResult: Sendable, Hashable {
        public var id: String
        public var fired: Bool
    }

    public struct TableResult: Sendable, Hashable {
        public var id: String
        /// Matching rows, numbered from 1 in table order.
        public var rows: [Int]
    }

    public var inputs: [Entry] = []
    public var derived: [Entry] = []
    public var tables: [TableResult] = []
    public var rules: [RuleResult] = []

    /// One line: `in age=35 income=₹85000.00; let foir=0.42; table pricing=7; rule R01=0 R02=1`.
    public var compactText: String {
        var parts: [String] = []
        if !inputs.isEmpty { parts.append("in " + inputs.map { "\($0.name)=\($0.value)" }.joined(separator: " ")) }
        if !derived.isEmpty { parts.append("let " + derived.map { "\($0.name)=\($0.value)" }.joined(separator: " ")) }
        if !tables.isEmpty {
            parts.append("table " + tables.map { "\($0.id)=" + ($0.rows.isEmpty ? "-" : $0.rows.map(String.init).joined(separator: ",")) }
                .joined(separator: " "))
        }
        if !rules.isEmpty { parts.append("rule " + rules.map { "\($0.id)=\($0.fired ? 1 : 0)" }.joined(separator: " ")) }
        return parts.joined(separator: "; ")
    }
}
