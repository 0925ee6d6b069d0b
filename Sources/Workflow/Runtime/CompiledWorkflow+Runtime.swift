import Rules

extension CompiledWorkflow {
    /// A new instance in the initial state at `now`, with the initial state's entry actions and timers.
    public func start(at now: Instant) -> WorkflowStep {
        let initial = states[initialState]!
        let timers = schedule(initial, at: now)
        let instance = WorkflowInstance(workflow: name, state: initialState, enteredAt: now, timers: timers)
        return WorkflowStep(instance: instance, change: .started(state: initialState), actions: initial.entryActions,
                            timersStarted: timers)
    }

    /// The outcome of `command` sent by `actor` to `instance` at `now`, guards reading `context`.
    /// Pure: the same arguments always give the same outcome; a refusal changes nothing.
    public func apply(_ command: WorkflowCommand, to instance: WorkflowInstance, by actor: WorkflowActor,
                      context: [String: Value] = [:], at now: Instant) -> WorkflowOutcome {
        guard instance.workflow == name else {
            return .refused(.wrongWorkflow(expected: name, found: instance.workflow))
        }
        guard let state = states[instance.state] else { return .refused(.unknownState(instance.state)) }
        let inputs = InputValues(self.context, context)
        let outcome: Result<WorkflowStep, WorkflowRefusal>
        switch command {
        case .fire(let event): outcome = fire(event, in: state, instance, actor, inputs, now)
        case .approve(let event): outcome = approve(event, in: state, instance, actor, inputs, now)
        case .decline(let event): outcome = decline(event, in: state, instance, actor)
        case .timer(let event): outcome = timerFired(event, in: state, instance, actor, inputs, now)
        }
        switch outcome {
        case .success(let step): return .stepped(step)
        case .failure(let refusal): return .refused(refusal)
        }
    }

    /// The timers of `instance` due at `now`, earliest first.
    public func dueTimers(of instance: WorkflowInstance, at now: Instant) -> [ScheduledTimer] {
        instance.timers.filter { $0.due <= now }.sorted { $0.due < $1.due }
    }

    /// An event fired by a user or the system: roles, no pending request, guard, then maker-checker.
    func fire(_ event: String, in state: CompiledState, _ instance: WorkflowInstance, _ actor: WorkflowActor,
              _ inputs: InputValues, _ now: Instant) -> Result<WorkflowStep, WorkflowRefusal> {
        let transition: CompiledTransition
        switch self.transition(event, in: state) {
        case .success(let found): transition = found
        case .failure(let refusal): return .failure(refusal)
        }
        guard actor.holdsAny(of: transition.roles) else {
            return .failure(.roleMissing(event: event, actor: actor.id, required: transition.roles))
        }
        if let pending = instance.pendingApproval(for: event) {
            return .failure(.approvalPending(event: event, maker: pending.maker))
        }
        if let refusal = check(transition.condition, event: event, inputs) { return .failure(refusal) }
        if let rule = transition.makerChecker {
            switch needsApproval(rule, event: event, inputs) {
            case .failure(let refusal): return .failure(refusal)
            case .success(true): return .success(request(event, rule: rule, instance, maker: actor, now))
            case .success(false): break
            }
        }
        return .success(move(transition, from: state, instance, actor: actor.id, checkers: [], at: now))
    }

    /// A due timer of the current state fires its event as the system: the guard still applies.
    func timerFired(_ event: String, in state: CompiledState, _ instance: WorkflowInstance, _ actor: WorkflowActor,
                    _ inputs: InputValues, _ now: Instant) -> Result<WorkflowStep, WorkflowRefusal> {
        guard let timer = instance.timers.first(where: { $0.event == event && $0.state == state.name }),
              let transition = state.transitions[event] else {
            return .failure(.noTimer(event: event, state: state.name))
        }
        guard timer.due <= now else { return .failure(.timerNotDue(event: event, due: timer.due)) }
        if let refusal = check(transition.condition, event: event, inputs) { return .failure(refusal) }
        return .success(move(transition, from: state, instance, actor: actor.id, checkers: [], at: now))
    }

    /// The transition of `state` on `event`, or why there is none.
    func transition(_ event: String, in state: CompiledState) -> Result<CompiledTransition, WorkflowRefusal> {
        guard events.contains(event) else { return .failure(.unknownEvent(event)) }
        guard let transition = state.transitions[event] else {
            return .failure(.notHandled(event: event, state: state.name))
        }
        return .success(transition)
    }

    /// A refusal when the guard is false or cannot be evaluated.
    func check(_ condition: CompiledCondition?, event: String, _ inputs: InputValues) -> WorkflowRefusal? {
        guard let condition else { return nil }
        do {
            return try condition.holds(inputs) ? nil : .guardFalse(event: event, condition: condition.text)
        } catch {
            return .guardFailed(event: event, condition: condition.text, reason: error.message)
        }
    }

    /// Takes `transition`: leaves the state (cancelling its timers and requests), performs the
    /// transition's actions, enters the target (its entry actions, its timers from `now`).
    func move(_ transition: CompiledTransition, from state: CompiledState, _ instance: WorkflowInstance,
              actor: String, checkers: [String], at now: Instant) -> WorkflowStep {
        let target = states[transition.target]!
        let timers = schedule(target, at: now)
        let next = WorkflowInstance(workflow: name, state: target.name, enteredAt: now, timers: timers)
        let move = WorkflowMove(event: transition.event, from: state.name, to: target.name, actor: actor,
                                checkers: checkers)
        return WorkflowStep(instance: next, change: .moved(move), actions: transition.actions + target.entryActions,
                            timersStarted: timers, timersCancelled: instance.timers)
    }

    /// The timers of `state` entered at `now`.
    func schedule(_ state: CompiledState, at now: Instant) -> [ScheduledTimer] {
        state.timers.map { ScheduledTimer(event: $0.event, state: state.name, due: now.adding($0.after)) }
    }
}
