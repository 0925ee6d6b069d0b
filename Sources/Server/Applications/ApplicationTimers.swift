import Catalog
import LoanMath
import Workflow

extension ApplicationCommands {
    /// Most applications one timer run looks at.
    static let timerBatch = 10_000

    /// `POST /api/v1/applications/timers`: fires the workflow timers due on or before `date` on
    /// open applications (a draft lapsing, a referral escalating, a sanction expiring), as the system.
    static func fireTimers(_ call: APICall, _ session: BookSession, _ catalog: Catalog, _ services: ApplicationServices)
        throws -> StoredResponse {
        var body = try call.reader()
        let day = body.date("date")
        try body.finish()
        guard let day else { throw Problem.invalid("date", "is required") }
        let driver = try ApplicationDriver(session: session, catalog: catalog, services: services)
        let now = ApplicationDriver.instant(day)
        var fired: [JSONValue] = []
        let finals = Set(catalog.products.values.compactMap { $0.references.workflow?.value })
            .compactMap { catalog.workflows[$0] }.flatMap(\.finalStates)
        for id in try driver.store.ids(notIn: Array(Set(finals)).sorted(), limit: timerBatch) {
            guard var a = try driver.store.load(id, forUpdate: true),
                  let workflow = try? driver.workflow(try driver.product(a.product)),
                  workflow.state(a.state)?.isFinal == false else { continue }
            for timer in workflow.dueTimers(of: a.instance, at: now) where timer.state == a.state {
                let from = a.state
                try driver.send(.timer(timer.event), to: &a, by: .system, on: day)
                try driver.store.update(a)
                fired.append(.object([("application_id", .string(id)), ("event", .string(timer.event)),
                                      ("from", .string(from)), ("to", .string(a.state))]))
            }
        }
        return StoredResponse(status: 200, body: JSONValue.object([("date", .string(day.iso)), ("fired", .array(fired))]).text)
    }
}
