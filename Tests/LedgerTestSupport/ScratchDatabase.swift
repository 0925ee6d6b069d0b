import Foundation
import Ledger

/// The two storage backends; every event-store test runs on both.
public enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite, postgres
    public var description: String { rawValue }

    /// Backends available here: PostgreSQL only when a throwaway server could start.
    public static var available: [Backend] { ThrowawayPostgres.shared == nil ? [.sqlite] : [.sqlite, .postgres] }
}

/// A fresh, empty database on one backend; `open()` gives a new connection's store each time.
public struct ScratchDatabase: Sendable {
    public let backend: Backend
    public let location: String

    public init(_ backend: Backend) throws {
        self.backend = backend
        switch backend {
        case .sqlite:
            location = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString).sqlite").path
        case .postgres:
            location = try ThrowawayPostgres.shared!.freshDatabase()
        }
    }

    public func open() throws -> any EventStore {
        switch backend {
        case .sqlite: return try SQLiteEventStore(path: location)
        case .postgres: return try PostgresEventStore(url: location)
        }
    }

    public func remove() {
        guard backend == .sqlite else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location + suffix) }
    }
}
