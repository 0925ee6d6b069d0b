import Rules

extension WorkflowChecker {
    /// One state: final states handle nothing; entry actions, transitions and timers checked.
    mutating func compile(_ state: StateDefinition) -> CompiledState {
        let name = state.name.value
        if state.isFinal, let first = state.transitions.first {
            report(first.event.diagnostic("the final state `\(name)` cannot handle events; "
                                          + "remove `on` or `final: true`"))
        }
        if state.isFinal, let first = state.timers.first {
            report(first.after.diagnostic("the final state `\(name)` cannot have timers"))
        }
        checkUnique(state.transitions.map(\.event), noun: "transition on the event")
        let entry = actions(state.entry)
        var transitions: [String: CompiledTransition] = [:]
        for transition in state.transitions where transitions[transition.event.value] == nil {
            transitions[transition.event.value] = compile(transition)
        }
        for timer in state.timers { check(timer, in: state) }
        return CompiledState(name: name, isFinal: state.isFinal, entryActions: entry,
                             timers: state.timers.map { WorkflowTimer(after: $0.after.value, event: $0.event.value) },
                             transitions: transitions)
    }

    /// One transition: a declared event, a known target, a boolean guard, known roles and actions.
    mutating func compile(_ transition: TransitionDefinition) -> CompiledTransition {
        checkDeclared(transition.event)
        let target = transition.target
        if !stateNames.contains(target.value) {
            report(target.diagnostic("transition to unknown state `\(target.value)`"
                                     + NameHint.suggestion(for: target.value, among: stateNames)))
        }
        let guardCondition = condition(transition.condition)
        let roles = self.roles(transition.roles)
        let makerChecker = transition.makerChecker.map { compile($0) }
        return CompiledTransition(event: transition.event.value, target: target.value, condition: guardCondition,
                                  roles: roles, makerChecker: makerChecker, actions: actions(transition.actions))
    }

    /// Four-eyes rule: at least one checker, known checker roles, a boolean `when`.
    mutating func compile(_ rule: MakerCheckerDefinition) -> CompiledMakerChecker {
        if !(1...MakerCheckerDefinition.maxCheckers).contains(rule.checkers.value) {
            report(rule.checkers.diagnostic("`checkers` must be from 1 to \(MakerCheckerDefinition.maxCheckers), "
                                            + "found \(rule.checkers.value)"))
        }
        if rule.roles.isEmpty {
            report(Diagnostic(at: rule.location, "`maker_checker` needs the `roles` a checker must hold",
                              length: rule.length))
        }
        return CompiledMakerChecker(checkers: rule.checkers.value, roles: roles(rule.roles),
                                    condition: condition(rule.condition))
    }

    /// A timer fires a declared event that its own state handles, without roles or approval (the
    /// system fires it).
    mutating func check(_ timer: TimerDefinition, in state: StateDefinition) {
        let event = timer.event
        guard checkDeclared(event), !state.isFinal else { return }
        guard let transition = state.transitions.first(where: { $0.event.value == event.value }) else {
            report(event.diagnostic("the timer fires `\(event.value)`, which the state `\(state.name.value)` does not "
                                    + "handle; add it under `on`"))
            return
        }
        if let role = transition.roles.first {
            report(role.diagnostic("`\(event.value)` is fired by a timer in `\(state.name.value)`, so its transition "
                                   + "cannot require roles"))
        }
        if let rule = transition.makerChecker {
            let message = "`\(event.value)` is fired by a timer in `\(state.name.value)`, so its transition "
                + "cannot need maker-checker approval"
            report(Diagnostic(at: rule.location, message, length: rule.length))
        }
    }

    /// Whether `event` is declared under `events`; reported when not.
    @discardableResult
    mutating func checkDeclared(_ event: Sourced<String>) -> Bool {
        guard !eventNames.contains(event.value) else { return true }
        let hint = NameHint.suggestion(for: event.value, among: eventNames)
        report(event.diagnostic("unknown event `\(event.value)`" + hint + "; declare it under `events`"))
        return false
    }
}
