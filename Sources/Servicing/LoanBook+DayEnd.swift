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
        var progressed = false
        var plan: [LocalDate: [String]] = [:]
        var inFlight: DayEndInFlight?
        /// Reads the batch in flight; its loans that took their day join the loans of the next.
        func land() throws(ServicingError) {
            guard let flight = inFlight else { return }
            inFlight = nil
            let moved = try finishDayEnds(flight, report: &report)
            loans.formUnion(moved)
            progressed = progressed || !moved.isEmpty
            for id in moved {
                if let next = cache[id], next.status == .active, next.nextDayEnd <= date {
                    plan[next.nextDayEnd, default: []].append(id)
                }
            }
        }
        do {
            while true {
                plan = try dayEndPlan(through: date)
                progressed = false
                while let day = plan.keys.min() {
                    let due = plan.removeValue(forKey: day)!.sorted()
                    for start in stride(from: 0, to: due.count, by: max(batchSize, 1)) {
                        let ids = due[start..<min(start + max(batchSize, 1), due.count)].filter { report.failures[$0] == nil }
                        // A loan not in memory is read from the store, which must be idle for that.
                        if ids.contains(where: { cache[$0] == nil }) { try land() }
                        // Decided while the database writes the batch before (PostgreSQL pipelines).
                        let items = try decideDayEnds(ids[...], through: date, report: &report)
                        try land()
                        if !items.isEmpty { inFlight = startDayEnds(items) }
                    }
                    try land()
                }
                report.loans = loans.count
                if !progressed { return report }
            }
        } catch {
            if inFlight != nil { try? land() }
            throw error
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

    /// One loan's day end, decided: its batch, the loan before and after, the numbered events.
    typealias DayEndItem = (batch: EventBatch, before: LoanState, after: LoanState, events: [LoanEvent])

    /// Day ends sent to the store, their outcome still to read.
    struct DayEndInFlight {
        var items: [DayEndItem]
        var pending: PendingAppend?
        var startError: (any Error)?
    }

    /// The next day end of each loan of `ids` behind `date`, in memory; a refused one is recorded
    /// as the loan's failure. Reads a loan not in memory from the store.
    func decideDayEnds(_ ids: ArraySlice<String>, through date: LocalDate, report: inout DayEndReport)
        throws(ServicingError) -> [DayEndItem] {
        var items: [DayEndItem] = []
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
        return items
    }

    /// Sends decided day ends to the store in one bulk append; an error is kept for `finishDayEnds`.
    func startDayEnds(_ items: [DayEndItem]) -> DayEndInFlight {
        let chart = rules.chart
        do {
            let pending = try store.startAppendMany(items.map(\.batch)) { context in
                for item in items {
                    try LoanProjections.write(item.after, before: item.before, events: item.events, chart: chart,
                                              into: context)
                }
            }
            return DayEndInFlight(items: items, pending: pending)
        } catch {
            return DayEndInFlight(items: items, startError: error)
        }
    }

    /// The outcome of sent day ends: the loans moved. On a concurrent writer the batch is taken
    /// loan by loan; any other failure forgets the loans in memory and is thrown.
    func finishDayEnds(_ flight: DayEndInFlight, report: inout DayEndReport) throws(ServicingError) -> [String] {
        do {
            if let error = flight.startError { throw error }
            if let pending = flight.pending { _ = try store.finishAppendMany(pending) }
        } catch LedgerError.concurrencyConflict(_, _, _) {
            return try dayEndOneByOne(flight.items.map { ($0.batch.loanID, $0.before.nextDayEnd) }, report: &report)
        } catch {
            cache.removeAll()
            throw .storage("day end batch ending \(flight.items.last?.batch.loanID ?? ""): \(error)")
        }
        for item in flight.items {
            cache[item.batch.loanID] = item.after
            report.loanDays += 1
            report.events += item.events.count
        }
        return flight.items.map(\.batch.loanID)
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
