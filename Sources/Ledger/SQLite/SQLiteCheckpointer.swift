import CSQLite
import Foundation

/// Moves the write-ahead log into the database file from a thread of its own, so that no posting
/// waits for a checkpoint's writes and fsync. Writers opened with `autoCheckpoint: false` rely on
/// it; a process that writes without one keeps SQLite's automatic checkpoints.
public final class SQLiteCheckpointer: @unchecked Sendable {
    private let connection: SQLiteConnection
    private let interval: TimeInterval
    private let lock = NSLock()
    private var running = true
    private var thread: Thread?

    /// Starts checkpointing the database at `path` every `interval` seconds.
    public init(path: String, interval: TimeInterval = 0.2) throws {
        connection = try SQLiteConnection(path: path)
        self.interval = interval
        let thread = Thread { [weak self] in self?.loop() }
        thread.name = "lendline-sqlite-checkpoint"
        self.thread = thread
        thread.start()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func loop() {
        while isRunning {
            // PASSIVE: copies what it can without waiting for or blocking the writer.
            try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// Stops the thread after its current checkpoint.
    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    deinit { stop() }
}
