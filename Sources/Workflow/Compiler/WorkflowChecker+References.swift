import Rules

extension WorkflowChecker {
    /// Role names, each known to the vocabulary and listed once.
    mutating func roles(_ written: [Sourced<String>]) -> [String] {
        var result: [String] = []
        for role in written {
            if !vocabulary.roles.contains(role.value) {
                let hint = NameHint.orList(for: role.value, among: vocabulary.roles, noun: "roles")
                report(role.diagnostic("unknown role `\(role.value)`" + hint))
            } else if result.contains(role.value) {
                report(role.diagnostic("the role `\(role.value)` is listed twice"))
            } else {
                result.append(role.value)
            }
        }
        return result
    }

    /// Actions known to the registry, each with an argument exactly when it takes one.
    mutating func actions(_ written: [ActionDefinition]) -> [WorkflowAction] {
        written.map { action in
            let name = action.name.value
            switch (vocabulary.actions.argument(of: name), action.argument) {
            case (nil, _):
                let hint = NameHint.orList(for: name, among: vocabulary.actions.names, noun: "actions")
                report(action.name.diagnostic("unknown action `\(name)`" + hint))
            case (.none?, let argument?):
                report(argument.diagnostic("the action `\(name)` takes no argument; write it as `\(name)`"))
            case (.required(let what)?, nil):
                report(action.name.diagnostic("the action `\(name)` needs \(what), as in `{ \(name): <\(what)> }`"))
            default:
                break
            }
            return WorkflowAction(name, action.argument?.value)
        }
    }
}
