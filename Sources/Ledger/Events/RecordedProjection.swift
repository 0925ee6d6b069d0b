/// Projection writes made ahead of the append that runs them: gathered on one thread (the day
/// end's deciding one) and replayed, in the order made, into the append's context on another.
public final class RecordedProjection: ProjectionContext, @unchecked Sendable {
    private var statements: [(sql: String, values: [SQLValue?])] = []

    public init() {}

    /// Keeps the statement for `replay`; nothing runs now.
    public func execute(_ sql: String, _ values: [SQLValue?]) throws { statements.append((sql, values)) }

    /// Runs every kept statement in `context`, in order.
    public func replay(into context: ProjectionContext) throws {
        for index in statements.indices { try context.execute(statements[index].sql, statements[index].values) }
    }
}
