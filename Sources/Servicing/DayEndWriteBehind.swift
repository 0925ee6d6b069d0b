import Dispatch
import Ledger

/// Day-end batches written on a thread of their own, for a store that does not pipeline (SQLite):
/// the book decides the next batch while this one is written, so the two cores a small server has
/// both work. One batch at a time, in the order sent, each sent and committed (or refused) before
/// the next; the store is not touched by the book's own thread until the batch is waited for.
final class DayEndWriteBehind: @unchecked Sendable {
    private let queue = DispatchQueue(label: "lendline.day-end.write-behind")

    /// Runs `work` on the writer's thread; `wait` on the result throws what it threw.
    func start(_ work: @escaping () throws -> Void) -> Written {
        let written = Written(work)
        queue.async { written.run() }
        return written
    }

    /// One batch being written: its outcome, read once by `wait`.
    final class Written: @unchecked Sendable {
        private var work: (() throws -> Void)?
        private var outcome: Result<Void, any Error>?
        private let done = DispatchSemaphore(value: 0)

        fileprivate init(_ work: @escaping () throws -> Void) { self.work = work }

        fileprivate func run() {
            if let work { outcome = Result { try work() } }
            work = nil  // what the batch held is let go on the writer's thread
            done.signal()
        }

        /// Blocks until the batch is written (the semaphore orders the writer's stores before this
        /// read); a second wait returns at once.
        func wait() throws {
            done.wait()
            done.signal()
            guard let outcome else { preconditionFailure("day-end write finished without an outcome") }
            return try outcome.get()
        }
    }
}
