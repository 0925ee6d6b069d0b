import Testing
@testable import LoanMath

@Suite("Schedules agree with an independent implementation")
struct ScheduleReferenceTests {
    static let reference = try! ReferenceSchedules.load()

    @Test("reducing-balance schedules, every row", arguments: reference.reducing.map(\.case.name))
    func reducingBalance(name: String) throws {
        let entry = try #require(Self.reference.reducing.first { $0.case.name == name })
        let schedule = try ScheduleEngine.schedule(for: entry.case.terms)
        try compare(schedule, entry.rows)
    }

    @Test("flat and Rule-of-78 schedules, every row", arguments: reference.flat.map(\.case.name))
    func flat(name: String) throws {
        let entry = try #require(Self.reference.flat.first { $0.case.name == name })
        let schedule = try ScheduleEngine.schedule(for: entry.case.terms)
        #expect(schedule.installmentAmount == Money(parsing: entry.installment!))
        try compare(schedule, entry.rows)
    }

    func compare(_ schedule: Schedule, _ rows: [ReferenceSchedules.Row]) throws {
        try #require(schedule.rows.count == rows.count)
        for (mine, theirs) in zip(schedule.rows, rows) {
            #expect(mine.number == theirs.number)
            if let due = theirs.due_date { #expect(mine.dueDate.iso == due, "row \(theirs.number)") }
            #expect(mine.openingBalance == Money(parsing: theirs.opening_balance), "row \(theirs.number)")
            #expect(mine.principal == Money(parsing: theirs.principal), "row \(theirs.number)")
            #expect(mine.interest == Money(parsing: theirs.interest), "row \(theirs.number)")
            #expect(mine.total == Money(parsing: theirs.total), "row \(theirs.number)")
            #expect(mine.closingBalance == Money(parsing: theirs.closing_balance), "row \(theirs.number)")
        }
    }
}
