import LoanMath

/// The pipeline view: applications in a state (or all), how many are in each state, and the
/// turnaround of each stage — days between the business dates of entering a state and leaving it, over every
/// application's history.
enum ApplicationPipeline {
    static let maxLimit = 500

    static func list(_ session: BookSession, state: String?, asOf: LocalDate?, limit: Int) throws -> JSONValue {
        let store = ApplicationStore(connection: session.connection)
        var items: [JSONValue] = []
        for (id, _) in try store.ids(state: state, limit: limit) {
            guard let a = try store.load(id) else { continue }
            var pairs: [(String, JSONValue)] = [
                ("application_id", .string(a.id)), ("product", .string(a.product)), ("amount", .string(a.amount)),
                ("state", .string(a.state)), ("state_since", .string(a.stateSince)),
                ("pending", a.pending.map(JSONValue.string) ?? .null),
            ]
            if let asOf, let since = LocalDate(iso: a.stateSince) {
                pairs.append(("days_in_state", .int(since.days(until: asOf))))
            }
            items.append(.object(pairs))
        }
        let counts = try store.countsByState().map { ($0.0, JSONValue.int(Int($0.1))) }
        var pairs: [(String, JSONValue)] = [("state", state.map(JSONValue.string) ?? .null)]
        if let asOf { pairs.append(("as_of", .string(asOf.iso))) }
        pairs += [("counts", .object(counts)), ("applications", .array(items)),
                  ("turnaround", .array(turnaround(try store.history(nil)).map(stage)))]
        return .object(pairs)
    }

    /// Per stage: how many applications left it, and the business days they spent there.
    struct Stage: Equatable {
        var state: String
        var exits: Int
        var totalDays: Int
        var maxDays: Int
    }

    /// The stages of every application's history, in the order first seen.
    static func turnaround(_ history: [(String, ApplicationStep)]) -> [Stage] {
        var stages: [Stage] = []
        var current: (id: String, state: String, since: LocalDate)?
        for (id, step) in history {
            if current?.id != id { current = nil }
            guard step.fromState != step.toState else { continue }
            if let open = current, open.state == step.fromState {
                let days = open.since.days(until: step.businessDate)
                if let n = stages.firstIndex(where: { $0.state == open.state }) {
                    stages[n].exits += 1
                    stages[n].totalDays += days
                    stages[n].maxDays = max(stages[n].maxDays, days)
                } else {
                    stages.append(Stage(state: open.state, exits: 1, totalDays: days, maxDays: days))
                }
            }
            current = (id, step.toState, step.businessDate)
        }
        return stages
    }

    static func stage(_ s: Stage) -> JSONValue {
        // Average days to two places, exact: total × 100 / exits, half-up.
        let hundredths = (s.totalDays * 200 + s.exits) / (2 * s.exits)
        let average = "\(hundredths / 100)." + String(format: "%02d", hundredths % 100)
        return .object([
            ("stage", .string(s.state)), ("exits", .int(s.exits)), ("total_days", .int(s.totalDays)),
            ("average_days", .string(average)), ("max_days", .int(s.maxDays)),
        ])
    }
}
