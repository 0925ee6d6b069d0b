import Ledger
import LoanMath

/// What a book-wide day end did.
public struct DayEndReport: Sendable, Hashable {
    public var through: LocalDate
    /// Loans brought up to `through`.
    public var loans = 0
    /// Loan-days run (a loan behind by several days counts each).
    public var loanDays = 0
    public var events = 0
    /// Loans whose day end was refused, with why; the rest of the book went on.
    public var failures: [String: String] = [:]
}

extension LoanBook {
    /// Runs the day ends of every active loan from its next day end through `date`, in batches of
    /// `batchSize` loans, one transaction a batch. Each pass over the book moves every loan that is
    /// behind by one day, so a book behind by several days takes as many passes. A loan already
    /// through `date` is left alone, so running a date twice writes nothing, and a run killed
    /// part-way resumes where its last committed batch ended.
    public func runDayEnd(through date: LocalDate, batchSize: Int = 500) throws(ServicingError) -> DayEndReport {
        var report = DayEndReport(through: date)
        var loans = Set<String>()
        while true {
            var after = ""
            var progressed = false
            while true {
                let ids: [String]
                do {
                    ids = try store.read("""
                        SELECT loan_id FROM loan_account WHERE status = 'active' AND next_day_end <= ? AND loan_id > ?
                        ORDER BY loan_id LIMIT ?
                        """, [.text(date.iso), .text(after), .integer(Int64(batchSize))]).map { $0.text(0) }
                } catch {
                    throw .storage("listing loans for day end: \(error)")
                }
                guard let last = ids.last else { break }
                after = last
                let pending = ids.filter { report.failures[$0] == nil }
                let moved = try dayEndBatch(pending, through: date, report: &report)
                loans.formUnion(moved)
                progressed = progressed || !moved.isEmpty
            }
            report.loans = loans.count
            if !progressed { return report }
        }
    }

    /// One day end (the next) of each loan of `ids` that is behind `date`, decided in memory and
    /// written in one transaction with multi-row statements. A loan whose day end is refused is
    /// recorded as a failure and left out; if another writer moved a loan meanwhile, the batch is
    /// taken loan by loan instead. Returns the loans moved.
    func dayEndBatch(_ ids: [String], through date: LocalDate, report: inout DayEndReport) throws(ServicingError)
        -> [String] {
        var items: [(batch: EventBatch, before: LoanState, after: LoanState, events: [LoanEvent])] = []
        let recorded = recordedAt()
        var keys: [LocalDate: String] = [:]  // the loans of a pass share their day, mostly
        for id in ids {
            let known = if let cached = cache[id] { cached } else { try state(id) }
            guard let state = known, state.status == .active, state.nextDayEnd <= date else { continue }
            let day = state.nextDayEnd
            let key = keys[day] ?? "day-end:\(day.iso)"
            keys[day] = key
            do {
                var batch = EventBatch(loanID: id, expectedSequence: state.sequence, idempotencyKey: key,
                                       requestHash: "", catalogVersion: state.catalogVersion, recordedAt: recorded,
                                       events: try LoanDecisions.dayEnd(state, on: day, rules: rules))
                batch.recordsCommand = false
                let events = batch.numberedEvents(after: state.sequence)
                var next = state
                for event in events { try next.apply(event) }
                items.append((batch, state, next, events))
            } catch let error as ServicingError {
                report.failures[id] = error.description
            } catch {
                report.failures[id] = "\(error)"
            }
        }
        guard !items.isEmpty else { return [] }
        let chart = rules.chart
        do {
            _ = try store.appendMany(items.map(\.batch)) { context in
                for item in items {
                    try LoanProjections.write(item.after, before: item.before, events: item.events, chart: chart,
                                              into: context)
                }
            }
        } catch LedgerError.concurrencyConflict(_, _, _) {
            return try dayEndOneByOne(items.map { ($0.batch.loanID, $0.before.nextDayEnd) }, report: &report)
        } catch {
            cache.removeAll()
            throw .storage("day end batch ending \(ids.last ?? ""): \(error)")
        }
        for item in items {
            cache[item.batch.loanID] = item.after
            report.loanDays += 1
            report.events += item.events.count
        }
        return items.map(\.batch.loanID)
    }

    /// Each loan's day end on its own (re-read, retried on a concurrent writer); a refused day is
    /// recorded as the loan's failure.
    func dayEndOneByOne(_ loans: [(id: String, day: LocalDate)], report: inout DayEndReport) throws(ServicingError)
        -> [String] {
        var moved: [String] = []
        for (id, day) in loans {
            cache[id] = nil
            do {
                let outcome = try dayEnd(id, on: day)
                moved.append(id)
                report.loanDays += outcome.duplicate ? 0 : 1
                report.events += outcome.duplicate ? 0 : outcome.events.count
            } catch {
                if case .storage = error { throw error }
                report.failures[id] = error.description
            }
        }
        return moved
    }
}
