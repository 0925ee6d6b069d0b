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
    /// `batchSize` loans, one transaction a batch. The book moves a day at a time: the loans whose
    /// next day end is the earliest one still open take that day, in id order, and so join the
    /// loans of the next, until all are through `date`. One read of the book plans a pass; a pass
    /// that moved anything is followed by another read, and a read that finds nothing left ends
    /// the run. A loan already through `date` is left alone, so running a date twice writes
    /// nothing, and a run killed part-way resumes where its last committed batch ended.
    public func runDayEnd(through date: LocalDate, batchSize: Int = 500) throws(ServicingError) -> DayEndReport {
        var report = DayEndReport(through: date)
        var loans = Set<String>()
        while true {
            var plan = try dayEndPlan(through: date)
            var progressed = false
            while let day = plan.keys.min() {
                let due = plan.removeValue(forKey: day)!.sorted()
                for start in stride(from: 0, to: due.count, by: max(batchSize, 1)) {
                    let ids = due[start..<min(start + max(batchSize, 1), due.count)].filter { report.failures[$0] == nil }
                    let moved = try dayEndBatch(ids, through: date, report: &report)
                    loans.formUnion(moved)
                    progressed = progressed || !moved.isEmpty
                    // A loan that took its day joins the loans of its next one, if that is still open.
                    for id in moved {
                        if let next = cache[id], next.status == .active, next.nextDayEnd <= date {
                            plan[next.nextDayEnd, default: []].append(id)
                        }
                    }
                }
            }
            report.loans = loans.count
            if !progressed { return report }
        }
    }

    /// The active loans behind `date`, by their next day end: one pass over the accounts (no
    /// index on the moving date, so the daily rewrite of each account adds no index entries).
    func dayEndPlan(through date: LocalDate) throws(ServicingError) -> [LocalDate: [String]] {
        do {
            var plan: [LocalDate: [String]] = [:]
            var days: [String: LocalDate] = [:]
            for row in try store.read("""
                SELECT loan_id, next_day_end FROM loan_account WHERE status = 'active' AND next_day_end <= ?
                """, [.text(date.iso)]) {
                let text = row.text(1)
                guard let day = days[text] ?? LocalDate(iso: text) else {
                    throw ServicingError.storage("unreadable next_day_end of loan \(row.text(0))")
                }
                days[text] = day
                plan[day, default: []].append(row.text(0))
            }
            return plan
        } catch let error as ServicingError {
            throw error
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
