import Foundation
import Ledger

/// Reads loans into memory on a thread of its own: a few thousand at a time, each chunk's
/// checkpoints and events read while the chunk before is restored on every core (restoring is a
/// pure function of what was read). A process's first day end takes the chunks in its own order
/// as it goes, from a connection of its own, so it starts on the first loans while the rest are
/// read; `LoanBook.load` takes them all at once.
///
/// Only loans the day end has not yet decided are read, so this process is not writing their
/// events meanwhile (another writer is caught by the append's sequence check as ever).
final class BookLoader: @unchecked Sendable {
    typealias Chunk = [(id: String, state: LoanState)]

    private let condition = NSCondition()
    private var ready: [Chunk] = []
    private var failure: ServicingError?
    private var done = false
    private var stopping = false
    private let finished = DispatchGroup()

    /// Starts reading `ids`, in that order, from `store`, which nothing else may use until
    /// `stop()` returns or `next()` has returned nil or thrown.
    init(ids: [String], store: any EventStore, chunk: Int = 2_000) {
        let reader = StoreBox(store: store)
        let size = max(chunk, 1)
        finished.enter()
        Thread.detachNewThread { [self] in
            defer { finished.leave() }
            do throws(ServicingError) {
                var restoring: Restoring?
                for start in stride(from: 0, to: ids.count, by: size) {
                    if condition.withLock({ stopping }) { break }
                    let histories = try Self.histories(Array(ids[start..<min(start + size, ids.count)]), in: reader.store)
                    if let last = restoring { deliver(try last.finish(reader.store)) }
                    restoring = Restoring(histories)
                }
                if let last = restoring { deliver(try last.finish(reader.store)) }
            } catch {
                condition.withLock { failure = error }
            }
            condition.withLock {
                done = true
                condition.broadcast()
            }
        }
    }

    private func deliver(_ chunk: Chunk) {
        condition.withLock {
            ready.append(chunk)
            condition.broadcast()
        }
    }

    /// The next chunk of loans restored; nil once every chunk was taken. A failure to read or
    /// restore is thrown in its place.
    func next() throws(ServicingError) -> Chunk? {
        let result: Result<Chunk?, ServicingError> = condition.withLock {
            while ready.isEmpty && !done { condition.wait() }
            if !ready.isEmpty { return .success(ready.removeFirst()) }
            return failure.map { .failure($0) } ?? .success(nil)
        }
        return try result.get()
    }

    /// Stops reading and waits for the reading thread; chunks not taken are dropped.
    func stop() {
        condition.withLock { stopping = true }
        finished.wait()
    }

    /// The checkpoints and later events of the loans `ids` that have any, in the order of `ids`.
    static func histories(_ ids: [String], in store: any EventStore) throws(ServicingError) -> [(String, LoanHistory)] {
        let found: [String: LoanHistory]
        do { found = try store.histories(loanIDs: ids, checkpointFormat: LoanCheckpoint.format) } catch {
            throw .storage("loading loans: \(error)")
        }
        return ids.compactMap { id in found[id].map { (id, $0) } }
    }
}

/// One chunk being restored on every core.
private final class Restoring: @unchecked Sendable {
    let histories: [(String, LoanHistory)]
    private let results: UnsafeMutableBufferPointer<Result<Restored, ReplayError>>
    private let done = DispatchGroup()

    init(_ histories: [(String, LoanHistory)]) {
        self.histories = histories
        results = .allocate(capacity: histories.count)
        results.initialize(repeating: .success(.noEvents))
        done.enter()
        DispatchQueue.global().async { [self] in
            // Each worker writes only its own indexes of storage allocated up front.
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, histories.count))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in stride(from: worker, to: histories.count, by: workers) {
                    results[i] = Result { () throws(ReplayError) in try Restored(histories[i].0, histories[i].1) }
                }
            }
            done.leave()
        }
    }

    /// The restored loans, once done; a loan whose checkpoint is of no use is replayed from its
    /// first event (read from `store`), and the first that cannot be replayed is thrown.
    func finish(_ store: any EventStore) throws(ServicingError) -> BookLoader.Chunk {
        done.wait()
        var loans: BookLoader.Chunk = []
        loans.reserveCapacity(histories.count)
        for (i, (id, _)) in histories.enumerated() {
            switch results[i] {
            case .success(.state(let state)): loans.append((id, state))
            case .success(.noEvents): break
            case .success(.unreadableCheckpoint):
                do {
                    if let state = try LoanState.replay(try store.events(loanID: id, after: 0)) { loans.append((id, state)) }
                } catch let error as ReplayError {
                    throw .replay(error)
                } catch {
                    throw .storage("loading loan \(id): \(error)")
                }
            case .failure(let error): throw .replay(error)
            }
        }
        return loans
    }

    deinit {
        done.wait()
        results.deinitialize()
        results.deallocate()
    }
}

/// A connection handed to the loading thread, which alone uses it meanwhile.
private struct StoreBox: @unchecked Sendable {
    let store: any EventStore
}

/// A loan as read back from its checkpoint and the events after it.
enum Restored {
    case state(LoanState)
    /// The loan has no events.
    case noEvents
    /// The checkpoint is of no use (unreadable, or not at its sequence): the loan must be replayed
    /// from its first event.
    case unreadableCheckpoint

    init(_ loanID: String, _ history: LoanHistory) throws(ReplayError) {
        guard let row = history.checkpoint else {
            let state = try LoanState.replay(history.events)
            self = if let state { .state(state) } else { .noEvents }
            return
        }
        guard var state = LoanCheckpoint.state(row, loanID: loanID),
              history.events.first.map({ $0.sequence == row.sequence + 1 }) ?? true else {
            self = .unreadableCheckpoint
            return
        }
        for event in history.events { try state.apply(event) }
        self = .state(state)
    }
}
