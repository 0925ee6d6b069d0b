import Rules
import Workflow

extension WorkflowDecoder {
    static let stateKeys = Schemas.state.keys
    static let transitionKeys = Schemas.transition.keys
    static let makerCheckerKeys = Schemas.transition.object("maker_checker").keys

    /// `states: { draft: { on: … }, booked: { final: true } }`, in file order.
    func decodeStates(_ entry: ConfigEntry) -> [StateDefinition] {
        guard let entries = entry.value.entries else {
            log.error("expected `states` to be a mapping of state names to states, "
                      + "found \(entry.value.kindDescription)", at: entry.value)
            return []
        }
        return entries.compactMap(decodeState)
    }

    /// One state: `{ final, description, entry, timers, on }`, all optional.
    func decodeState(_ entry: ConfigEntry) -> StateDefinition? {
        let name = idKey(entry, noun: "a state", example: "manual-review")
        guard let reader = MappingReader(entry, keys: WorkflowDecoder.stateKeys, log: log) else { return nil }
        let isFinal = reader.optional("final", .bool)?.value ?? false
        let description = reader.optional("description", .text)?.value
        let entryActions = reader.list("entry").map { actions($0.items, owner: $0.entry) } ?? []
        let timers = reader.list("timers").map { decodeTimers($0.items, owner: $0.entry) } ?? []
        let transitions = reader.entry("on").map(decodeTransitions) ?? []
        return StateDefinition(name: name, isFinal: isFinal, description: description, entry: entryActions,
                               timers: timers, transitions: transitions)
    }

    /// `on: { submit: kyc, approve: { to: sanctioned, roles: [credit-manager] } }`.
    func decodeTransitions(_ entry: ConfigEntry) -> [TransitionDefinition] {
        guard let entries = entry.value.entries else {
            log.error("expected `on` to be a mapping of events to transitions, found \(entry.value.kindDescription)",
                      at: entry.value)
            return []
        }
        return entries.compactMap(decodeTransition)
    }

    /// A transition: a target state alone (`withdraw: withdrawn`) or `{ to, guard, roles, maker_checker, actions }`.
    func decodeTransition(_ entry: ConfigEntry) -> TransitionDefinition? {
        let event = idKey(entry, noun: "an event", example: "submit")
        if entry.value.scalar != nil && !entry.value.isNull {
            return read(entry, .identifier(example: "manual-review")).map {
                TransitionDefinition(event: event, target: $0)
            }
        }
        guard let reader = MappingReader(entry, keys: WorkflowDecoder.transitionKeys, log: log) else { return nil }
        let target = reader.required("to", .identifier(example: "manual-review")).map(sourced)
        let condition = reader.entry("guard").flatMap {
            expression($0.value, key: "\(entry.key).guard", expected: "a condition such as `amount > ₹5_00_000`")
        }
        let roles = reader.entry("roles").map { names($0, example: "credit-manager") } ?? []
        let makerChecker = reader.entry("maker_checker").flatMap(decodeMakerChecker)
        let performed = reader.list("actions").map { actions($0.items, owner: $0.entry) } ?? []
        guard let target else { return nil }
        return TransitionDefinition(event: event, target: target, condition: condition, roles: roles,
                                    makerChecker: makerChecker, actions: performed)
    }

    /// `maker_checker: { checkers: 2, roles: [credit-manager, admin], when: "amount > ₹10_00_000" }`.
    func decodeMakerChecker(_ entry: ConfigEntry) -> MakerCheckerDefinition? {
        guard let reader = MappingReader(entry, keys: WorkflowDecoder.makerCheckerKeys, log: log) else { return nil }
        let checkers = reader.required("checkers", .integer(1...MakerCheckerDefinition.maxCheckers)).map(sourced)
        let roles = reader.requiredEntry("roles").map { names($0, example: "credit-manager") } ?? []
        let condition = reader.entry("when").flatMap {
            expression($0.value, key: "maker_checker.when", expected: "a condition such as `amount > ₹10_00_000`")
        }
        guard let checkers else { return nil }
        return MakerCheckerDefinition(at: entry.keyLocation, length: entry.keyLength, checkers: checkers, roles: roles,
                                      condition: condition)
    }

    /// `entry`'s value read by `parser`, located.
    func read<Value>(_ entry: ConfigEntry, _ parser: ScalarParser<Value>) -> Sourced<Value>? {
        MappingReader.read(entry.value, key: entry.key, parser, log: log).map(sourced)
    }
}
