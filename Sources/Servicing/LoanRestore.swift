import Foundation
import Ledger

extension LoanBook {
    /// Reads the loans `ids` into memory (a process's first day end: the whole book) a few thousand
    /// at a time, each chunk's checkpoints and events read while the chunk before is restored on
    /// every core (restoring is a pure function of what was read). The store must be idle.
    func load(_ ids: [String], chunk: Int = 2_000) throws(ServicingError) {
        cache.reserveCapacity(cache.count + ids.count)
        let size = max(chunk, 1)
        var restoring: Restoring?
        for start in stride(from: 0, to: ids.count, by: size) {
            let histories = try histories(Array(ids[start..<min(start + size, ids.count)]))
            if let last = restoring { for (id, state) in try last.finish(store) { cache[id] = state } }
            restoring = Restoring(histories)
        }
        if let last = restoring { for (id, state) in try last.finish(store) { cache[id] = state } }
    }

    /// The checkpoints and later events of the loans `ids` that have any, in the order of `ids`.
    func histories(_ ids: [String]) throws(ServicingError) -> [(String, LoanHistory)] {
        let found: [String: LoanHistory]
        do { found = try store.histories(loanIDs: ids, checkpointFormat: LoanCheckpoint.format) } catch {
            throw .storage("loading loans: \(error)")
        }
        return ids.compactMap { id in found[id].map { (id, $0) } }
    }
}

/// One chunk being restored on every core.
final class Restoring: @unchecked Sendable {
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
    func finish(_ store: any EventStore) throws(ServicingError) -> [(id: String, state: LoanState)] {
        done.wait()
        var loans: [(id: String, state: LoanState)] = []
        loans.reserveCapacity(histories.count)
        for (i, (id, _)) in histories.enumerated() {
            switch results[i] {
            case .success(.state(let state)): loans.append((id, state))
            case .success(.noEvents): break
            case .success(.unreadableCheckpoint):
                if let state = try LoanBook.replayedFromStart(id, in: store) { loans.append((id, state)) }
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
