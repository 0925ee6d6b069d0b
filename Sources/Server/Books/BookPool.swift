import Catalog
import Foundation
import Ledger

/// A fixed set of `BookSession`s over one database, checked out per request. Blocking database
/// work runs on the session's own queue (a thread pool of `size` threads in effect), never on an
/// event loop; a request waits for a free session when all are busy.
public final class BookPool: Sendable {
    public let location: DatabaseLocation
    let registry: CatalogRegistry
    private let sessions: SessionQueue
    private let checkpointer: SQLiteCheckpointer?

    /// Opens `size` connections to `location` (running the migrations) and, on SQLite, the WAL
    /// checkpointer the posting path relies on.
    public init(location: DatabaseLocation, registry: CatalogRegistry, size: Int = 4) throws {
        self.location = location
        self.registry = registry
        let catalog = registry.current
        let opened = try (0..<max(1, size)).map { n in
            try BookSession(location: location, catalog: catalog, name: "lendline-book-\(n)")
        }
        sessions = SessionQueue(opened)
        checkpointer = location.isPostgres ? nil : try SQLiteCheckpointer(path: location.text)
    }

    /// Runs `body` with a session on that session's queue and returns what it returns.
    func withSession<T: Sendable>(_ body: @escaping @Sendable (BookSession) throws -> T) async throws -> T {
        let session = await sessions.take()
        let catalog = registry.current
        let result: Result<T, any Error> = await withCheckedContinuation { continuation in
            session.queue.async {
                if session.catalogVersion != catalog.version.hash { session.reset(catalog: catalog) }
                continuation.resume(returning: Result { try body(session) })
            }
        }
        await sessions.give(session)
        return try result.get()
    }

    /// Stops the checkpointer; the connections close when the pool is released.
    public func shutdown() { checkpointer?.stop() }
}

/// The free sessions and the requests waiting for one.
private actor SessionQueue {
    private var free: [BookSession]
    private var waiting: [CheckedContinuation<BookSession, Never>] = []

    init(_ sessions: [BookSession]) { free = sessions }

    func take() async -> BookSession {
        if let session = free.popLast() { return session }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func give(_ session: BookSession) {
        if waiting.isEmpty { free.append(session) } else { waiting.removeFirst().resume(returning: session) }
    }
}
