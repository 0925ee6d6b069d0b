import Foundation
import Ledger

/// The loans of a process's first day end read and restored on a connection of their own, in the
/// order the day end takes them, while the day end decides and writes the loans already read: the
/// book's connection never waits for the load, and the load's idle time (waiting on the database)
/// is spent deciding. Chunks are handed over in order; `next` blocks until the next one is ready.
///
/// The reader is used only by this object's thread, from `init` until the last chunk (or `stop`).
final class BookPrefetch: @unchecked Sendable {
    typealias Chunk = [(id: String, state: LoanState)]

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var ready: [Chunk] = []
    private var failure: ServicingError?
    private var finished = false
    private var cancelled = false

    /// Used on the reader's thread only.
    private let reader: any EventStore
    private let ids: [String]
    private let chunk: Int

    /// Starts reading `ids` from `reader`, `chunk` loans a query.
    init(_ ids: [String], from reader: any EventStore, chunk: Int = 2_000) {
        self.reader = reader
        self.ids = ids
        self.chunk = max(chunk, 1)
        let thread = Thread { [self] in read() }
        thread.name = "lendline.day-end.prefetch"
        thread.start()
    }

    private func read() {
        do throws(ServicingError) {
            var restoring: Restoring?
            for start in stride(from: 0, to: ids.count, by: chunk) where !isCancelled {
                let wanted = Array(ids[start..<min(start + chunk, ids.count)])
                let found: [String: LoanHistory]
                do { found = try reader.histories(loanIDs: wanted, checkpointFormat: LoanCheckpoint.format) } catch {
                    throw .storage("loading loans: \(error)")
                }
                // Restored on every core while the next chunk is read.
                if let last = restoring { publish(try last.finish(reader)) }
                restoring = Restoring(wanted.compactMap { id in found[id].map { (id, $0) } })
            }
            if let last = restoring { publish(try last.finish(reader)) }
            end(nil)
        } catch {
            end(error)
        }
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    private func publish(_ chunk: Chunk) {
        condition.lock()
        ready.append(chunk)
        condition.signal()
        condition.unlock()
    }

    private func end(_ error: ServicingError?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk of restored loans, nil once all are handed over; throws the reader's error.
    func next() throws(ServicingError) -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        if !ready.isEmpty { return ready.removeFirst() }
        if let failure { throw failure }
        return nil
    }

    /// Stops reading after the chunk in hand and waits for the reader's thread to let go of the
    /// reader.
    func stop() {
        condition.lock()
        cancelled = true
        while !finished { condition.wait() }
        condition.unlock()
    }
}
