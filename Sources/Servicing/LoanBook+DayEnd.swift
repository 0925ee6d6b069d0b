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
    /// `batchSize` loans, one transaction a batch. The book moves a day at a time: every loan whose
    /// next day end is the earliest one still open takes that day, and so joins the loans of the
    /// next, until all are through `date`; a last pass finds nothing left. A loan already through
    /// `date` is left alone, so running a date twice writes nothing, and a run killed part-way
    /// resumes where its last committed batch ended.
    public func runDayEnd(through date: LocalDate, batchSize: Int = 500) throws(ServicingError) -> DayEndReport {
        var report = DayEndReport(through: date)
        var loans = Set<String>()
        while true {
            var progressed = false
            var day = try earliestDayEnd(after: nil, through: date)
            while let current = day {
                var after = ""
                while true {
                    let ids = try loansDue(on: current, after: after, limit: batchSize)
                    guard let last = ids.last else { break }
                    after = last
                    let pending = ids.filter { report.failures[$0] == nil }
                    let moved = try dayEndBatch(pending, through: date, report: &report)
                    loans.formUnion(moved)
                    progressed = progressed || !moved.isEmpty
                }
                day = try earliestDayEnd(after: current, through: date)
            }
            report.loans = loans.count
            if !progressed { return report }
        }
    }

    /// The earliest next day end of an active loan, later than `after`, on or before `date`.
    func earliestDayEnd(after: LocalDate?, through date: LocalDate) throws(ServicingError) -> LocalDate? {
        do {
            let row = try store.read("""
                SELECT MIN(next_day_end) FROM loan_account WHERE status = 'active' AND next_day_end > ? AND next_day_end <= ?
                """, [.text(after?.iso ?? ""), .text(date.iso)]).first
            guard let row, !row.isNull(0) else { return nil }
            guard let day = LocalDate(iso: row.text(0)) else { throw ServicingError.storage("unreadable next_day_end") }
            return day
        } catch let error as ServicingError {
            throw error
        } catch {
            throw .storage("finding the next day end: \(error)")
        }
    }

    /// A page of the active loans whose next day end is `day`, in id order after `after`; the
    /// index (status, next_day_end, loan_id) gives them without a sort.
    func loansDue(on day: LocalDate, after: String, limit: Int) throws(ServicingError) -> [String] {
        do {
            return try store.read("""
                SELECT loan_id FROM loan_account WHERE status = 'active' AND next_day_end = ? AND loan_id > ?
                ORDER BY loan_id LIMIT ?
                """, [.text(day.iso), .text(after), .integer(Int64(limit))]).map { $0.text(0) }
        } catch {
            throw .storage("listing loans for day end: \(error)")
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
