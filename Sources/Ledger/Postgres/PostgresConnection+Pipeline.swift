import CLibPQ
import Foundation
import Glibc

/// A write transaction sent in libpq's pipeline mode: its statements go to the server without
/// waiting for each result, and the caller may work (decide the next batch) while the server runs
/// them; `awaitPipeline` then reads every result. Only statements whose rows are not wanted may be
/// queued. A statement that fails aborts the transaction: the server skips the rest, COMMIT
/// included, and `awaitPipeline` rolls back and throws the first error.
extension PostgresConnection {
    struct Pipeline {
        /// Commands sent whose results are still to read (a prepare counts as one).
        var pending = 0
        /// Statement texts prepared inside the pipeline: forgotten if it fails, as the server may
        /// have skipped them.
        var preparedTexts: [String] = []
        /// Whether COMMIT and the sync point have been sent.
        var sent = false
        /// Sends what libpq still holds of the pipeline, off this thread (see `sendPipeline`).
        var flusher: PipelineFlusher?
    }

    /// Whether a pipelined transaction has been started and not yet awaited.
    public var pipelineOpen: Bool { pipeline != nil }

    /// Starts a pipelined transaction; statements run through `query` are queued from here until
    /// `sendPipeline`.
    public func beginPipeline() throws(PostgresError) {
        try requireNoPipeline()
        guard transactionDepth == 0 else {
            throw PostgresError(sqlState: "", message: "a pipeline cannot run inside a transaction", context: "pipelining")
        }
        // Non-blocking: queued statements gather in libpq's buffer instead of waiting for the
        // server to read them.
        guard PQenterPipelineMode(handle) == 1, PQsetnonblocking(handle, 1) == 0 else {
            let message = String(cString: PQerrorMessage(handle))
            _ = PQexitPipelineMode(handle)
            throw PostgresError(sqlState: "", message: message, context: "entering pipeline mode")
        }
        pipeline = Pipeline()
        do {
            try queue(name: nil, text: "BEGIN", [])
        } catch {
            abandonPipeline()
            throw error
        }
    }

    /// Queues COMMIT and the sync point and returns without waiting: what the socket does not take
    /// at once is sent by a thread of its own while the caller goes on, so the server is never
    /// left waiting for the rest of a batch while the next one is decided. The connection is not
    /// touched here again until `awaitPipeline` has waited for that thread.
    public func sendPipeline() throws(PostgresError) {
        guard pipeline?.sent == false else {
            throw PostgresError(sqlState: "", message: "no pipeline is being built", context: "pipelining")
        }
        try queue(name: nil, text: "COMMIT", [])
        guard PQpipelineSync(handle) == 1 else {
            let message = String(cString: PQerrorMessage(handle))
            abandonPipeline()
            throw PostgresError(sqlState: "", message: message, context: "sending a pipeline")
        }
        pipeline?.sent = true
        pipeline?.flusher = PipelineFlusher(handle)
    }

    /// Reads the results of the sent pipeline and leaves pipeline mode. Throws the first statement's
    /// error, after rolling the transaction back; nothing of it was committed then.
    public func awaitPipeline() throws(PostgresError) {
        guard let current = pipeline, current.sent else {
            throw PostgresError(sqlState: "", message: "no pipeline was sent", context: "pipelining")
        }
        current.flusher?.wait()
        _ = PQsetnonblocking(handle, 0)
        var failure: PostgresError?
        for _ in 0..<current.pending {
            while let result = PQgetResult(handle) {
                let status = PQresultStatus(result)
                if failure == nil, status != PGRES_PIPELINE_ABORTED {
                    do { try check(result, context: "running a pipelined statement") } catch { failure = error }
                }
                PQclear(result)
            }
        }
        // The sync point's own result.
        if let result = PQgetResult(handle) { PQclear(result) }
        abandonPipeline()
        if let failure {
            for text in current.preparedTexts { prepared[text] = nil }
            if PQtransactionStatus(handle) != PQTRANS_IDLE { try? execute("ROLLBACK") }
            throw failure
        }
    }

    /// Leaves pipeline mode, reading whatever is left; for errors while building or sending.
    func abandonPipeline() {
        pipeline?.flusher?.wait()
        _ = PQsetnonblocking(handle, 0)
        if let current = pipeline {
            if current.sent || current.pending > 0 {
                if !current.sent { _ = PQpipelineSync(handle) }
                // Read until libpq lets go; a broken connection gives up after a run of nothing.
                var idle = 0
                while PQexitPipelineMode(handle) != 1, idle < 3 {
                    guard let result = PQgetResult(handle) else { idle += 1; continue }
                    idle = 0
                    PQclear(result)
                }
            }
            if !current.sent { for text in current.preparedTexts { prepared[text] = nil } }
        }
        _ = PQexitPipelineMode(handle)
        pipeline = nil
        if PQtransactionStatus(handle) == PQTRANS_INERROR || PQtransactionStatus(handle) == PQTRANS_INTRANS {
            if transactionDepth == 0 { try? execute("ROLLBACK") }
        }
    }

    /// Sends one statement of the pipeline (prepared under `name` when given).
    func queue(name: String?, text: String, _ values: [SQLValue?], readsRows: Bool = false) throws(PostgresError) {
        guard pipeline?.sent == false else {
            throw PostgresError(sqlState: "", message: "a sent pipeline takes no more statements", context: "pipelining")
        }
        guard !readsRows else {
            throw PostgresError(sqlState: "", message: "a pipelined statement's rows cannot be read", context: "pipelining")
        }
        let sent = ParameterBuffer(values).withParameters { pointers, lengths in
            if let name { return PQsendQueryPrepared(handle, name, Int32(values.count), pointers, lengths, nil, 0) }
            return PQsendQueryParams(handle, text, Int32(values.count), nil, pointers, lengths, nil, 0)
        }
        guard sent == 1 else {
            throw PostgresError(sqlState: "", message: String(cString: PQerrorMessage(handle)), context: "queueing a statement")
        }
        pipeline?.pending += 1
    }

    /// Whether `text` returns rows (a `SELECT`, or a write `RETURNING` them), which a pipelined
    /// statement may not.
    static func readsRows(_ text: String) -> Bool {
        let verb = text.utf8.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") }
        if verb.elementsEqual("SELECT".utf8) || verb.elementsEqual("select".utf8) { return true }
        return text.utf8.firstRange(of: "RETURNING".utf8) != nil
    }

    /// Sends the preparation of `text` under `name` in the pipeline.
    func queuePrepare(_ name: String, _ text: String, parameters: Int32) throws(PostgresError) -> String {
        guard PQsendPrepare(handle, name, text, parameters, nil) == 1 else {
            throw PostgresError(sqlState: "", message: String(cString: PQerrorMessage(handle)), context: "preparing a statement")
        }
        pipeline?.pending += 1
        pipeline?.preparedTexts.append(text)
        prepared[text] = name
        return name
    }

    /// Refuses ordinary statements while a pipeline is open: their results would be mixed up.
    func requireNoPipeline() throws(PostgresError) {
        guard pipeline == nil else {
            throw PostgresError(sqlState: "", message: "a pipelined transaction is still open", context: "running a statement")
        }
    }
}

/// Sends the rest of a pipeline libpq holds, on a thread of its own: flushes while the socket
/// takes data, reading the server's replies as they come so it is never blocked writing them.
/// Stops when all is sent or the connection fails (`awaitPipeline` then reports the failure).
final class PipelineFlusher: @unchecked Sendable {
    private let handle: OpaquePointer
    private let finished = DispatchSemaphore(value: 0)
    private var waited = false

    init(_ handle: OpaquePointer) {
        self.handle = handle
        let thread = Thread { [self] in
            self.flush()
            self.finished.signal()
        }
        thread.start()
    }

    private func flush() {
        while PQflush(handle) == 1 {
            var socket = pollfd(fd: PQsocket(handle), events: Int16(POLLOUT | POLLIN), revents: 0)
            guard poll(&socket, 1, -1) >= 0 || errno == EINTR else { return }
            if socket.revents & Int16(POLLIN) != 0, PQconsumeInput(handle) == 0 { return }
        }
    }

    /// Waits until everything is sent (or sending failed); once.
    func wait() {
        guard !waited else { return }
        waited = true
        finished.wait()
    }
}
