extension PolicyCompilation {
    /// Names as expressions of this policy see them. Checking a derived value or table on first
    /// reference gives the dependency order, and finds cycles.
    var scope: NameScope {
        NameScope(lookup: { [unowned self] name, location in lookup(name, at: location) },
                  names: { [unowned self] in Array(globals.keys) })
    }

    func lookup(_ name: String, at location: SourceLocation) -> GlobalLookup {
        switch globals[name] {
        case nil:
            return .missing
        case .input(let slot):
            usedInputs.insert(slot)
            return .value(slot: slot, type: declarations.types[slot], fractionalPaise: false)
        case .derived(let i):
            if derivedState[i] == .inProgress { return cycle(name, at: location) }
            ensureDerived(i)
            guard derivedState[i] == .done, let typed = derivedTypes[i] else { return .failed }
            return .value(slot: derivedSlots[i], type: typed.type, fractionalPaise: typed.fractionalPaise)
        case .tableOutput(let t, let k):
            if tableState[t] == .inProgress { return cycle(name, at: location) }
            ensureTable(t)
            guard let type = outputType(table: t, output: k) else { return .failed }
            return .value(slot: tableOutputSlots[t][k], type: type, fractionalPaise: false)
        }
    }

    /// The type a table output has for the rest of the policy (a list for a collect-list table).
    func outputType(table t: Int, output k: Int) -> RuleType? {
        guard let type = tableOutputTypes[t][k] else { return nil }
        if case .collect(.list) = source.tables[t].hitPolicy { return .list(type) }
        return type
    }

    private func cycle(_ name: String, at location: SourceLocation) -> GlobalLookup {
        let start = checking.firstIndex(of: name) ?? 0
        let path = (checking[start...] + [name]).joined(separator: " → ")
        report(location, "'\(name)' depends on itself: \(path)", length: name.unicodeScalars.count)
        return .failed
    }

    func ensureDerived(_ i: Int) {
        guard derivedState[i] == .pending else { return }
        let derived = source.derived[i]
        derivedState[i] = .inProgress
        checking.append(derived.name)
        defer { checking.removeLast() }
        guard let typed = TypeChecker.check(derived.expression, scope: scope, context: context) else {
            derivedState[i] = .failed
            return
        }
        if derived.isOutput, typed.type == .money, typed.fractionalPaise {
            reportFractional(derived.name, typed)
            derivedState[i] = .failed
            return
        }
        derivedTypes[i] = typed
        slotTypes[derivedSlots[i]] = typed.type
        derivedState[i] = .done
        steps.append(.derived(name: derived.name, slot: derivedSlots[i], evaluator: CompiledNode(typed)))
    }

    func reportFractional(_ name: String, _ typed: TypedExpression) {
        context.report(Diagnostic(.error, at: typed.location,
            "'\(name)' is money and this value may have fractions of a paisa; round it, e.g. round(…, paise, half_up)",
            length: typed.length))
    }

    func compileRules() -> [CompiledRule] {
        var compiled: [CompiledRule] = []
        var seen: [String: SourceLocation] = [:]
        for rule in source.rules {
            if let first = seen[rule.id] {
                report(rule.location, "rule '\(rule.id)' is already declared at \(first)", length: rule.id.unicodeScalars.count)
            }
            seen[rule.id] = rule.location
            if rule.outcome != .approve && rule.reasonCode.isEmpty {
                report(rule.location, "rule '\(rule.id)' decides \(rule.outcome.rawValue) but gives no reason code",
                       length: rule.id.unicodeScalars.count)
            }
            checking.append("rule \(rule.id)")
            let typed = TypeChecker.check(rule.when, scope: scope, context: context, expecting: .bool,
                                          what: "rule '\(rule.id)' condition")
            checking.removeLast()
            guard let typed else { continue }
            let reason = Reason(ruleID: rule.id, outcome: rule.outcome, code: rule.reasonCode, message: rule.message)
            compiled.append(CompiledRule(reason: reason, condition: CompiledCondition(typed), location: typed.location))
        }
        return compiled
    }

    func assemble(_ rules: [CompiledRule]) -> CompiledPolicy {
        var names: [String] = [], slots: [Int] = []
        var types: [String: RuleType] = [:]
        for (i, derived) in source.derived.enumerated() where derived.isOutput {
            names.append(derived.name)
            slots.append(derivedSlots[i])
            types[derived.name] = derivedTypes[i]?.type
        }
        for (t, table) in source.tables.enumerated() {
            for (k, output) in table.outputs.enumerated() {
                names.append(output.name)
                slots.append(tableOutputSlots[t][k])
                types[output.name] = outputType(table: t, output: k)
            }
        }
        let binder = InputBinder(declarations: declarations, used: usedInputs.sorted(), limits: limits)
        for (slot, type) in declarations.types.enumerated() { slotTypes[slot] = type }
        for t in source.tables.indices {
            for (k, slot) in tableOutputSlots[t].enumerated() { slotTypes[slot] = outputType(table: t, output: k) }
        }
        let slotCount = context.elementBase + context.elementDepthUsed
        let referenceSlots = (0..<slotCount).filter { slot in
            guard let type = slotTypes[slot] else { return true }
            return !type.holdsNoReference
        }
        let program = PolicyProgram(binder: binder, steps: steps, rules: rules, outputNames: names, outputSlots: slots,
                                    defaultOutcome: source.defaultOutcome,
                                    slotCount: slotCount, referenceSlots: referenceSlots)
        return CompiledPolicy(name: source.name, declarations: declarations, outputTypes: types, program: program)
    }
}
