import CLibPQ

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
        guard PQenterPipelineMode(handle) == 1 else {
            throw PostgresError(sqlState: "", message: String(cString: PQerrorMessage(handle)), context: "entering pipeline mode")
        }
        pipeline = Pipeline()
        do {
            try queue(name: nil, text: "BEGIN", [])
        } catch {
            abandonPipeline()
            throw error
        }
    }

    /// Queues COMMIT and the sync point and sends everything queued; returns without waiting.
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
    }

    /// Reads the results of the sent pipeline and leaves pipeline mode. Throws the first statement's
    /// error, after rolling the transaction back; nothing of it was committed then.
    public func awaitPipeline() throws(PostgresError) {
        guard let current = pipeline, current.sent else {
            throw PostgresError(sqlState: "", message: "no pipeline was sent", context: "pipelining")
        }
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
    func queue(name: String?, text: String, _ values: [SQLValue?]) throws(PostgresError) {
        guard pipeline?.sent == false else {
            throw PostgresError(sqlState: "", message: "a sent pipeline takes no more statements", context: "pipelining")
        }
        let verb = text.prefix { $0 != " " && $0 != "\n" }.uppercased()
        guard verb != "SELECT", !text.contains("RETURNING") else {
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
