import Foundation
import Rules

/// The catalog a long-running process serves, and every version it has served.
///
/// A reload compiles a new catalog off to the side and swaps it in atomically; readers take the
/// current catalog (an immutable value) once per request, so requests in flight finish on the
/// version they started with. A reload that fails keeps the old catalog and returns the errors.
public final class CatalogRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var currentCatalog: Catalog
    private var loaded: [String: Catalog]
    private var stats = ReloadStatistics()
    private let store: any CatalogSourceStore
    /// The directory reloads read from.
    public let directory: String

    /// A registry serving `initial`, reloading from `directory`, pinning versions in `store`.
    public init(initial: Catalog, directory: String, store: any CatalogSourceStore = InMemoryCatalogSourceStore()) {
        currentCatalog = initial
        loaded = [initial.version.hash: initial]
        self.directory = directory
        self.store = store
        store.save(initial.tree, hash: initial.version.hash)
    }

    /// The catalog new work should use.
    public var current: Catalog { lock.withLock { currentCatalog } }

    /// Reload counts and the last failure, for health pages and metrics.
    public var statistics: ReloadStatistics { lock.withLock { stats } }

    /// The catalog of `hash` (full or the 12-digit short form): kept in memory, or compiled again from
    /// the stored sources.
    public func catalog(version hash: String) -> Catalog? {
        if let found = lock.withLock({ loaded[hash] ?? loaded.values.first { $0.version.short == hash } }) {
            return found
        }
        guard let tree = store.tree(hash: hash), case .success(let catalog) = CatalogCompiler.compile(tree) else {
            return nil
        }
        lock.withLock { loaded[hash] = catalog }
        return catalog
    }

    /// Reads and compiles `directory` again; on success the new catalog becomes current.
    @discardableResult
    public func reload() -> ReloadOutcome {
        let tree: ConfigTree
        do { tree = try ConfigTree.read(directory: directory) } catch { return record(.failed(error, texts: [:])) }
        return reload(tree, gitCommit: GitRevision.describe(directory: directory))
    }

    /// Compiles `tree`; on success it becomes current.
    @discardableResult
    public func reload(_ tree: ConfigTree, gitCommit: String? = nil) -> ReloadOutcome {
        let hash = tree.contentHash
        if hash == current.version.hash { return record(.unchanged(current.version)) }
        switch CatalogCompiler.compile(tree, gitCommit: gitCommit) {
        case .failure(let error):
            return record(.failed(error, texts: tree.texts))
        case .success(let catalog):
            store.save(tree, hash: hash)
            let previous = lock.withLock {
                let old = currentCatalog.version
                currentCatalog = catalog
                loaded[hash] = catalog
                return old
            }
            return record(.swapped(from: previous, to: catalog.version))
        }
    }

    private func record(_ outcome: ReloadOutcome) -> ReloadOutcome {
        lock.withLock { stats.record(outcome) }
        return outcome
    }
}

/// What a reload did.
public enum ReloadOutcome: Sendable {
    /// The new version is current.
    case swapped(from: CatalogVersion, to: CatalogVersion)
    /// The sources did not change.
    case unchanged(CatalogVersion)
    /// The sources have errors; the old version keeps serving.
    case failed(DiagnosticsError, texts: [String: String])

    /// The errors rendered with quoted lines, when it failed.
    public var report: String? {
        guard case .failed(let error, let texts) = self else { return nil }
        return DiagnosticsReport.render(error, sources: texts)
    }
}

/// Reload counts for health pages and metrics.
public struct ReloadStatistics: Sendable {
    public private(set) var succeeded = 0
    public private(set) var failed = 0
    public private(set) var unchanged = 0
    /// The rendered errors of the last failed reload, cleared by a later successful one.
    public private(set) var lastFailure: String?

    mutating func record(_ outcome: ReloadOutcome) {
        switch outcome {
        case .swapped: succeeded += 1; lastFailure = nil
        case .unchanged: unchanged += 1
        case .failed: failed += 1; lastFailure = outcome.report
        }
    }
}
