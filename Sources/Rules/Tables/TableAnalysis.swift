/// Compile-time checks on a table's rows from their constant cells: rows that overlap in a
/// unique table, rows a first-hit table can never reach, outputs left without a value.
struct TableAnalysis {
    let tableID: String
    let hitPolicy: HitPolicy
    /// Per row, one shape per input column.
    let rows: [[CellShape]]
    let rowNames: [String]
    let rowLocations: [SourceLocation]
    let columnTypes: [RuleType]

    func diagnostics() -> [Diagnostic] {
        var found: [Diagnostic] = []
        for j in rows.indices {
            for i in 0..<j {
                switch hitPolicy {
                case .unique where allColumns({ rows[i][$0].intersects(rows[j][$0]) }):
                    found.append(Diagnostic(.error, at: rowLocations[j],
                        "table '\(tableID)': \(rowNames[j]) overlaps \(rowNames[i]); a unique table allows only one matching row"))
                case .first where allColumns({ rows[i][$0].contains(rows[j][$0]) }):
                    found.append(Diagnostic(.error, at: rowLocations[j],
                        "table '\(tableID)': \(rowNames[j]) can never match; \(rowNames[i]) above it matches everything it does"))
                default:
                    continue
                }
                break
            }
        }
        return found
    }

    /// Whether every input reaches some row: a row of `-` cells, or one column whose rows between
    /// them list every value of its bool or enum type, or whose ranges leave no gap.
    var everyInputMatches: Bool {
        if rows.contains(where: { $0.allSatisfy { if case .any = $0 { return true } else { return false } } }) { return true }
        guard columnTypes.count == 1 else { return false }
        let universe: [Value]
        switch columnTypes[0] {
        case .bool: universe = [.bool(true), .bool(false)]
        case .enumeration(let e): universe = e.values.map(Value.string)
        default: return CellShape.coversEverything(rows.map { $0[0] }, discrete: columnTypes[0] == .integer || columnTypes[0] == .date)
        }
        return universe.allSatisfy { value in
            rows.contains { $0[0].contains(.set([value], negated: false)) == true }
        }
    }

    private func allColumns(_ test: (Int) -> Bool?) -> Bool {
        guard !columnTypes.isEmpty else { return true }
        return columnTypes.indices.allSatisfy { test($0) == true }
    }
}
