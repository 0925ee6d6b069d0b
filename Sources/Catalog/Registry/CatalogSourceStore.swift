import Foundation

/// Keeps the sources of every catalog version that was ever served, by content hash, so that a loan
/// or application pinned to an old version can always be compiled again. The database-backed store
/// arrives with the ledger; this protocol is the interface it implements.
public protocol CatalogSourceStore: Sendable {
    /// Stores `tree` under `hash` (idempotent: storing the same version twice changes nothing).
    func save(_ tree: ConfigTree, hash: String)
    /// The tree stored under `hash`.
    func tree(hash: String) -> ConfigTree?
}

/// An in-memory source store for tests and single-process use.
public final class InMemoryCatalogSourceStore: CatalogSourceStore, @unchecked Sendable {
    private let lock = NSLock()
    private var trees: [String: ConfigTree] = [:]

    public init() {}

    public func save(_ tree: ConfigTree, hash: String) {
        lock.withLock { if trees[hash] == nil { trees[hash] = tree } }
    }

    public func tree(hash: String) -> ConfigTree? {
        lock.withLock { trees[hash] }
    }

    /// Hashes stored, for diagnostics.
    public var hashes: [String] { lock.withLock { trees.keys.sorted() } }
}
