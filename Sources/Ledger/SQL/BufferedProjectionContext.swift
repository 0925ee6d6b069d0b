/// Projection writes gathered over many loans and run as few multi-row statements: every
/// `INSERT … VALUES (?, …) [ON CONFLICT …]` with the same text joins one statement of up to
/// `rowsPerStatement` rows. Any other statement (a `DELETE`, say) first runs everything gathered,
/// so writes to the same rows keep their order. Rows of one statement text must not hit the same
/// key twice in one flush (PostgreSQL refuses an upsert that touches a row twice): the bulk day
/// end writes each loan once per flush.
final class BufferedProjectionContext<Connection: SQLConnection>: ProjectionContext {
    struct Group {
        /// The statement up to and including `VALUES `.
        var head: Substring
        /// One row's placeholders, e.g. `(?, ?, ?)`.
        var row: Substring
        /// What follows the row (an `ON CONFLICT` clause), possibly empty.
        var tail: Substring
        var values: [SQLValue?] = []
        var rows = 0
        /// The statement text for a full group, built once.
        var full: String?
    }

    let connection: Connection
    let rowsPerStatement: Int
    /// Statement texts and their groups, in the order first seen. Searched in a line: there are a
    /// handful, and texts from the same literal compare equal at once.
    private var texts: [String] = []
    private var ordered: [Group] = []

    init(connection: Connection, rowsPerStatement: Int = 200) {
        self.connection = connection
        self.rowsPerStatement = rowsPerStatement
    }

    func execute(_ sql: String, _ values: [SQLValue?]) throws {
        if let index = texts.firstIndex(of: sql) {
            ordered[index].values += values
            ordered[index].rows += 1
            if ordered[index].rows == rowsPerStatement { try run(&ordered[index]) }
            return
        }
        guard let group = Self.group(sql) else {
            try flush()
            try connection.query(sql, values)
            return
        }
        texts.append(sql)
        ordered.append(group)
        try execute(sql, values)
    }

    /// Runs every gathered row.
    func flush() throws {
        for index in ordered.indices where ordered[index].rows > 0 { try run(&ordered[index]) }
    }

    private func run(_ group: inout Group) throws {
        let full = group.rows == rowsPerStatement
        let sql = full ? group.full ?? Self.text(group) : Self.text(group)
        if full { group.full = sql }
        try connection.query(sql, group.values)
        group.values.removeAll(keepingCapacity: true)
        group.rows = 0
    }

    /// The statement for the group's rows.
    private static func text(_ group: Group) -> String {
        var sql = String(group.head)
        sql.reserveCapacity(group.head.utf8.count + (group.row.utf8.count + 2) * group.rows + group.tail.utf8.count)
        for n in 0..<group.rows {
            if n > 0 { sql += ", " }
            sql += group.row
        }
        sql += group.tail
        return sql
    }

    /// The parts of an `INSERT … VALUES (…)` statement; nil for any other statement.
    static func group(_ sql: String) -> Group? {
        guard sql.hasPrefix("INSERT INTO "), let values = sql.range(of: "VALUES (") else { return nil }
        let open = sql.index(before: values.upperBound)
        guard let close = sql[open...].firstIndex(of: ")") else { return nil }
        let after = sql.index(after: close)
        return Group(head: sql[..<open], row: sql[open..<after], tail: sql[after...])
    }
}
