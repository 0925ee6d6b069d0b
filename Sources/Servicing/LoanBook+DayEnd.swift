import Foundation
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
    ///
    /// `writers` are more connections to the same database: batches go to the book's own store
    /// and to them in turn, so on PostgreSQL several server processes write at once while the next
    /// batch is decided here. Batches in flight together hold different loans, and a loan's next
    /// day is decided only after its last one committed.
    ///
    /// `writeBehind` writes and commits each batch on a thread of its own while the next is
    /// decided: for SQLite, whose writes otherwise wait for the deciding (PostgreSQL's pipeline
    /// already overlaps the two).
    ///
    /// `reader` is another connection to the same database: loans not in memory (a process's
    /// first day end: the whole book) are read on it, on a thread of its own, in the order the
    /// day end takes them, while the loans already read are decided and written. Without it they
    /// are all read first, on the book's own connection.
    public func runDayEnd(through date: LocalDate, batchSize: Int = 500, writers: [any EventStore] = [],
                          writeBehind: Bool = false, reader: (any EventStore)? = nil)
        throws(ServicingError) -> DayEndReport {
        var report = DayEndReport(through: date)
        var loans = Set<String>()
        var progressed = false
        var plan: [LocalDate: [String]] = [:]
        let lanes: [any EventStore] = [store] + writers
        var inFlight: [DayEndInFlight] = []  // oldest first, on lanes taken in turn
        var nextLane = 0
        let writer = writeBehind ? DayEndWriteBehind() : nil
        // Behind a writer thread two batches wait, so it starts the next while this one lands.
        let depth = writer == nil ? lanes.count : 2 * lanes.count
        /// Reads the oldest batch in flight; its loans that took their day join the loans of the next.
        func landOldest() throws(ServicingError) {
            guard !inFlight.isEmpty else { return }
            let flight = inFlight.removeFirst()
            var moved: [String]
            switch try finishDayEnds(flight, report: &report) {
            case .moved(let ids): moved = ids
            case .conflict(let items):
                // Taken loan by loan on the book's own store, once nothing else is in flight.
                try landAll()
                moved = try dayEndOneByOne(items.map { ($0.batch.loanID, $0.before.nextDayEnd) }, report: &report)
            }
            loans.formUnion(moved)
            progressed = progressed || !moved.isEmpty
            for id in moved {
                if let next = cache[id], next.status == .active, next.nextDayEnd <= date {
                    plan[next.nextDayEnd, default: []].append(id)
                }
            }
        }
        func landAll() throws(ServicingError) {
            while !inFlight.isEmpty { try landOldest() }
        }
        var prefetch: BookPrefetch?
        /// Takes read loans from the prefetch until every loan of `ids` is in memory or it is done.
        func awaitRead(_ ids: [String]) throws(ServicingError) {
            while let reading = prefetch, ids.contains(where: { cache[$0] == nil }) {
                guard let chunk = try reading.next() else {
                    prefetch = nil
                    return
                }
                // A loan read on the book's connection meanwhile may have moved on: kept as it is.
                for (id, state) in chunk where cache[id] == nil { cache[id] = state }
            }
        }
        defer { prefetch?.stop() }
        do {
            while true {
                plan = try dayEndPlan(through: date)
                // Nothing is in flight here: a process's first day end reads its whole book, on
                // the reader while the loans read are taken, or else at once.
                let days = plan.keys.sorted()
                let unknown = days.flatMap { plan[$0]!.sorted() }.filter { cache[$0] == nil }
                if !unknown.isEmpty {
                    prefetch?.stop()
                    if let reader { prefetch = BookPrefetch(unknown, from: reader) } else { try load(unknown.sorted()) }
                }
                progressed = false
                while let day = plan.keys.min() {
                    let due = plan.removeValue(forKey: day)!.sorted()
                    for start in stride(from: 0, to: due.count, by: max(batchSize, 1)) {
                        let ids = due[start..<min(start + max(batchSize, 1), due.count)].filter { report.failures[$0] == nil }
                        try awaitRead(ids)
                        // A loan not in memory is read from the store, which must be idle for that.
                        if ids.contains(where: { cache[$0] == nil }) { try landAll() }
                        // Decided while the database writes the batches before (PostgreSQL pipelines).
                        let items = try decideDayEnds(ids[...], through: date, report: &report)
                        if inFlight.count == depth { try landOldest() }
                        guard !items.isEmpty else { continue }
                        // Lanes are taken in turn and landed oldest first, so this one is idle (or,
                        // behind a writer thread, has one batch queued).
                        inFlight.append(startDayEnds(items, on: lanes[nextLane], writer: writer))
                        nextLane = (nextLane + 1) % lanes.count
                    }
                    try landAll()
                }
                report.loans = loans.count
                if !progressed { return report }
            }
        } catch {
            while !inFlight.isEmpty { _ = try? finishDayEnds(inFlight.removeFirst(), report: &report) }
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
        var store: any EventStore
        var pending: PendingAppend?
        /// Being written and committed on the write-behind thread.
        var written: DayEndWriteBehind.Written?
        var startError: (any Error)?
    }

    /// The next day end of each loan of `ids` behind `date`, in memory; a refused one is recorded
    /// as the loan's failure. Reads a loan not in memory from the store.
    func decideDayEnds(_ ids: ArraySlice<String>, through date: LocalDate, report: inout DayEndReport)
        throws(ServicingError) -> [DayEndItem] {
        var items: [DayEndItem] = []
        let recorded = recordedAt()
        let missing = ids.filter { cache[$0] == nil }
        if !missing.isEmpty { try load(missing) }
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

    /// Sends decided day ends to `store` in one bulk append, on `writer`'s thread when given; an
    /// error is kept for `finishDayEnds`.
    func startDayEnds(_ items: [DayEndItem], on store: any EventStore, writer: DayEndWriteBehind? = nil)
        -> DayEndInFlight {
        let chart = rules.chart
        func project(into context: ProjectionContext) throws {
            for index in items.indices {
                try LoanProjections.write(items[index].after, before: items[index].before, events: items[index].events,
                                          chart: chart, into: context)
            }
        }
        do {
            guard let writer else {
                return DayEndInFlight(items: items, store: store, pending: try store.startAppendMany(items.map(\.batch),
                                                                                                     project: project))
            }
            // The projection rows are made here, so the writer's thread only runs them.
            let recorded = RecordedProjection()
            try project(into: recorded)
            let batches = items.map(\.batch)
            let written = writer.start {
                _ = try store.finishAppendMany(try store.startAppendMany(batches, project: recorded.replay))
            }
            return DayEndInFlight(items: items, store: store, written: written)
        } catch {
            return DayEndInFlight(items: items, store: store, startError: error)
        }
    }

    /// What became of sent day ends.
    enum DayEndLanding {
        /// Committed: these loans took their day.
        case moved([String])
        /// Nothing written: a concurrent writer moved one of the loans, so they go one by one.
        case conflict([DayEndItem])
    }

    /// The outcome of sent day ends. Any failure but a concurrent writer forgets the loans in
    /// memory and is thrown.
    func finishDayEnds(_ flight: DayEndInFlight, report: inout DayEndReport) throws(ServicingError) -> DayEndLanding {
        do {
            if let error = flight.startError { throw error }
            if let written = flight.written { try written.wait() }
            if let pending = flight.pending { _ = try flight.store.finishAppendMany(pending) }
        } catch LedgerError.concurrencyConflict(_, _, _) {
            return .conflict(flight.items)
        } catch {
            cache.removeAll()
            throw .storage("day end batch ending \(flight.items.last?.batch.loanID ?? ""): \(error)")
        }
        for item in flight.items {
            cache[item.batch.loanID] = item.after
            report.loanDays += 1
            report.events += item.events.count
        }
        return .moved(flight.items.map(\.batch.loanID))
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
