import Catalog
import Foundation
import Ledger
import Servicing

/// One database connection with its loan book and the serial queue its blocking work runs on, so
/// no database call ever runs on a NIO event loop. Used by one request at a time.
final class BookSession: @unchecked Sendable {
    let connection: any SQLConnection
    let store: any EventStore
    private(set) var book: LoanBook
    let queue: DispatchQueue

    init(location: DatabaseLocation, catalog: Catalog, name: String) throws {
        // SQLite writers leave checkpoints to the pool's `SQLiteCheckpointer`, off the posting path.
        connection = try location.connect(autoCheckpoint: location.isPostgres)
        store = try DatabaseLocation.store(over: connection)
        book = Self.book(store, catalog)
        queue = DispatchQueue(label: name)
    }

    /// A fresh book over the same connection: after a catalog reload, or when a transaction the
    /// book took part in was rolled back (its cache may hold states that were never committed).
    func reset(catalog: Catalog) { book = Self.book(store, catalog) }

    /// A fresh book under the same rules.
    func resetBook() {
        book = LoanBook(store: store, rules: book.rules, catalogVersion: book.catalogVersion) {
            Int64(Date().timeIntervalSince1970 * 1_000_000)
        }
    }

    /// The catalog version the book records on new loans.
    var catalogVersion: String { book.catalogVersion }

    private static func book(_ store: any EventStore, _ catalog: Catalog) -> LoanBook {
        LoanBook(store: store, rules: ServicingRules(catalog: catalog), catalogVersion: catalog.version.hash) {
            // Infrastructure time for `recorded_at` only; business dates always come from the request.
            Int64(Date().timeIntervalSince1970 * 1_000_000)
        }
    }
}
