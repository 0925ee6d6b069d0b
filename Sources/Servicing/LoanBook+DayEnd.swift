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
    /// `batchSize` loans, one transaction a batch. A loan already through `date` is left alone, so
    /// running a date twice writes nothing, and a run killed part-way resumes where its last
    /// committed batch ended.
    public func runDayEnd(through date: LocalDate, batchSize: Int = 500) throws(ServicingError) -> DayEndReport {
        var report = DayEndReport(through: date)
        var after = ""
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
            guard let last = ids.last else { return report }
            after = last
            do {
                try store.inTransaction {
                    for id in ids { try catchUp(id, through: date, report: &report) }
                }
            } catch {
                cache.removeAll()
                throw (error as? ServicingError) ?? .storage("day end batch ending \(last): \(error)")
            }
        }
    }

    /// Runs one loan's day ends up to `date`; a refused day is recorded as the loan's failure.
    func catchUp(_ loanID: String, through date: LocalDate, report: inout DayEndReport) throws {
        // A cached state is trusted: if another writer moved the loan, the append's sequence check refuses
        // the day end and the loan is read again.
        let known = if let cached = cache[loanID] { cached } else { try state(loanID) }
        guard var day = known?.nextDayEnd else { return }
        report.loans += 1
        while day <= date {
            do {
                let outcome = try dayEnd(loanID, on: day)
                report.loanDays += 1
                report.events += outcome.duplicate ? 0 : outcome.events.count
                if outcome.state.status != .active { return }
            } catch {
                if case .storage = error { throw error }
                report.failures[loanID] = error.description
                return
            }
            day = day.adding(days: 1)
        }
    }
}
