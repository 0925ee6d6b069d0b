import Rules
import Workflow

extension WorkflowDecoder {
    /// A list of actions, each a name (`bureau.pull`) or one `name: argument` pair
    /// (`{ document.render: kfs }`).
    func actions(_ items: [ConfigNode], owner: ConfigEntry) -> [ActionDefinition] {
        items.compactMap { item in
            if let scalar = item.scalar, !scalar.isNull {
                return ActionDefinition(name: Sourced(scalar.text, at: item.location, length: item.length))
            }
            guard let entries = item.entries, entries.count == 1, let pair = entries.first else {
                log.error("expected an action such as `bureau.pull` or `{ document.render: kfs }` in `\(owner.key)`, "
                          + "found \(item.kindDescription)", at: item)
                return nil
            }
            let argument = MappingReader.read(pair.value, key: pair.key, .text, log: log).map(sourced)
            return ActionDefinition(name: keyName(pair), argument: argument)
        }
    }

    /// `timers: [{ after: PT48H, fire: escalate }]`.
    func decodeTimers(_ items: [ConfigNode], owner: ConfigEntry) -> [TimerDefinition] {
        items.compactMap { item in
            guard let reader = MappingReader(item, owner: owner, keys: Schemas.state.object("timers").keys, log: log, isListItem: true)
            else { return nil }
            let after = reader.required("after", .duration).map(sourced)
            let event = reader.required("fire", .identifier(example: "escalate")).map(sourced)
            guard let after, let event else { return nil }
            return TimerDefinition(after: after, event: event)
        }
    }
}

extension ScalarParser where Value == ISODuration {
    /// An ISO-8601 duration of days, hours, minutes or seconds: `PT48H`, `P3D`, `P1DT12H`.
    static var duration: ScalarParser<ISODuration> {
        ScalarParser(expected: "an ISO-8601 duration such as `PT48H`") { text, _ in
            switch ISODuration.parse(text) {
            case .success(let duration): return .value(duration)
            case .failure(let error): return .problem(error.message)
            }
        }
    }
}
