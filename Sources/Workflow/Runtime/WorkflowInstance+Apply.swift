import Rules

extension WorkflowInstance {
    /// Sends `command` to this instance; on a step the instance becomes the step's instance, on a
    /// refusal it stays as it was.
    public mutating func apply(_ command: WorkflowCommand, in workflow: CompiledWorkflow, by actor: WorkflowActor,
                               context: [String: Value] = [:], at now: Instant) -> WorkflowOutcome {
        let outcome = workflow.apply(command, to: self, by: actor, context: context, at: now)
        if let step = outcome.step { self = step.instance }
        return outcome
    }
}
