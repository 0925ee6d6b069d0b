import Rules

extension CompiledWorkflow {
    /// Whether this firing needs approval: always without `when`, else when `when` holds.
    func needsApproval(_ rule: CompiledMakerChecker, event: String,
                       _ inputs: InputValues) -> Result<Bool, WorkflowRefusal> {
        guard let condition = rule.condition else { return .success(true) }
        do {
            return .success(try condition.holds(inputs))
        } catch {
            return .failure(.guardFailed(event: event, condition: condition.text, reason: error.message))
        }
    }

    /// Records the maker's request; nothing moves.
    func request(_ event: String, rule: CompiledMakerChecker, _ instance: WorkflowInstance, maker: WorkflowActor,
                 _ now: Instant) -> WorkflowStep {
        var next = instance
        next.pendingApprovals.append(PendingApproval(event: event, maker: maker.id, requestedAt: now,
                                                     checkersNeeded: rule.checkers))
        return WorkflowStep(instance: next, change: .approvalRequested(event: event, maker: maker.id,
                                                                        checkersNeeded: rule.checkers))
    }

    /// A checker's approval: never the maker, never twice, holding a checker role. The last approval
    /// takes the transition if its guard still holds.
    func approve(_ event: String, in state: CompiledState, _ instance: WorkflowInstance, _ actor: WorkflowActor,
                 _ inputs: InputValues, _ now: Instant) -> Result<WorkflowStep, WorkflowRefusal> {
        let found: (CompiledTransition, CompiledMakerChecker, Int)
        switch pendingRequest(event, in: state, instance) {
        case .success(let request): found = request
        case .failure(let refusal): return .failure(refusal)
        }
        let (transition, rule, index) = found
        var pending = instance.pendingApprovals[index]
        guard actor.id != pending.maker else { return .failure(.makerCannotCheck(event: event, actor: actor.id)) }
        guard !pending.approvedBy.contains(actor.id) else {
            return .failure(.alreadyApproved(event: event, actor: actor.id))
        }
        guard actor.holdsAny(of: rule.roles) else {
            return .failure(.checkerRoleMissing(event: event, actor: actor.id, required: rule.roles))
        }
        pending.approvedBy.append(actor.id)
        guard pending.approvedBy.count >= pending.checkersNeeded else {
            var next = instance
            next.pendingApprovals[index] = pending
            let change = WorkflowChange.approvalRecorded(event: event, checker: actor.id,
                                                         approvals: pending.approvedBy.count,
                                                         checkersNeeded: pending.checkersNeeded)
            return .success(WorkflowStep(instance: next, change: change))
        }
        if let refusal = check(transition.condition, event: event, inputs) { return .failure(refusal) }
        return .success(move(transition, from: state, instance, actor: pending.maker, checkers: pending.approvedBy,
                             at: now))
    }

    /// Drops the pending request: the maker withdraws it, or a checker declines it.
    func decline(_ event: String, in state: CompiledState, _ instance: WorkflowInstance,
                 _ actor: WorkflowActor) -> Result<WorkflowStep, WorkflowRefusal> {
        let found: (CompiledTransition, CompiledMakerChecker, Int)
        switch pendingRequest(event, in: state, instance) {
        case .success(let request): found = request
        case .failure(let refusal): return .failure(refusal)
        }
        let (_, rule, index) = found
        guard actor.id == instance.pendingApprovals[index].maker || actor.holdsAny(of: rule.roles) else {
            return .failure(.checkerRoleMissing(event: event, actor: actor.id, required: rule.roles))
        }
        var next = instance
        next.pendingApprovals.remove(at: index)
        return .success(WorkflowStep(instance: next, change: .approvalDeclined(event: event, by: actor.id)))
    }

    /// The transition, its rule and the index of the request waiting for `event`, or why there is none.
    func pendingRequest(_ event: String, in state: CompiledState, _ instance: WorkflowInstance)
        -> Result<(CompiledTransition, CompiledMakerChecker, Int), WorkflowRefusal> {
        let transition: CompiledTransition
        switch self.transition(event, in: state) {
        case .success(let found): transition = found
        case .failure(let refusal): return .failure(refusal)
        }
        guard let rule = transition.makerChecker,
              let index = instance.pendingApprovals.firstIndex(where: { $0.event == event }) else {
            return .failure(.noApprovalPending(event: event))
        }
        return .success((transition, rule, index))
    }
}
