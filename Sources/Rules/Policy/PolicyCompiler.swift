/// Compiles a policy: declared types and inputs, then every expression parsed and type-checked
/// against them, then tables analysed for overlapping and unreachable rows, then closures.
/// Every error is reported at once, each at its spot inside the file.
public enum PolicyCompiler {
    public static func compile(_ source: PolicySource, limits: CompileLimits = .standard) -> Result<CompiledPolicy, DiagnosticsError> {
        PolicyCompilation(source, limits: limits).run()
    }
}

/// The state of one policy compilation.
final class PolicyCompilation {
    enum Global {
        case input(Int)
        case derived(Int)
        case tableOutput(table: Int, output: Int)
    }

    enum UnitState { case pending, inProgress, done, failed }

    let source: PolicySource
    let limits: CompileLimits
    var context: CheckContext
    var namedTypes: [String: RuleType] = [:]
    var declarations = Declarations()
    var globals: [String: Global] = [:]
    var globalLocations: [String: SourceLocation] = [:]
    var usedInputs: Set<Int> = []
    /// Names being checked, outermost first, to describe a cycle.
    var checking: [String] = []
    var steps: [PolicyStep] = []
    /// The type each global slot holds, to know which need releasing after an evaluation.
    var slotTypes: [Int: RuleType] = [:]

    var derivedSlots: [Int] = []
    var derivedState: [UnitState] = []
    var derivedTypes: [TypedExpression?] = []

    var tableState: [UnitState] = []
    var tableOutputSlots: [[Int]] = []
    var tableOutputTypes: [[RuleType?]] = []
    var tableColumnSlots: [[Int]] = []

    init(_ source: PolicySource, limits: CompileLimits) {
        self.source = source
        self.limits = limits
        context = CheckContext(limits: limits, elementBase: 0)
    }

    func report(_ location: SourceLocation, _ message: String, length: Int = 1) {
        context.report(Diagnostic(.error, at: location, message, length: length))
    }

    func run() -> Result<CompiledPolicy, DiagnosticsError> {
        checkCounts()
        declareTypes()
        declareInputs()
        declareValues()
        allocateSlots()
        for i in source.derived.indices { ensureDerived(i) }
        for t in source.tables.indices { ensureTable(t) }
        let rules = compileRules()
        guard context.diagnostics.isEmpty else { return .failure(DiagnosticsError(context.diagnostics)) }
        return .success(assemble(rules))
    }

    private func checkCounts() {
        let counts = [("rules", source.rules.count), ("derived values", source.derived.count), ("tables", source.tables.count),
                      ("inputs", source.inputs.count)]
        for (what, count) in counts where count > limits.maxDeclarations {
            report(source.location, "policy '\(source.name)' has \(count) \(what); at most \(limits.maxDeclarations) are allowed")
        }
    }

    // MARK: - Names

    static let reservedNames: Set<String> = ["and", "or", "not", "in", "between", "true", "false", "it"]

    /// Registers a policy-level name; reports a clash or an unusable name. False when not registered.
    func claim(_ name: String, at location: SourceLocation, as global: Global) -> Bool {
        guard PolicyCompilation.isIdentifier(name) else {
            report(location, "'\(name)' cannot be used as a name; use letters, digits and _ (starting with a letter)",
                   length: name.unicodeScalars.count)
            return false
        }
        guard !PolicyCompilation.reservedNames.contains(name.lowercased()), !TypeChecker.functionNames.contains(name) else {
            report(location, "'\(name)' is a word of the expression language and cannot name a value", length: name.unicodeScalars.count)
            return false
        }
        if let first = globalLocations[name] {
            report(location, "'\(name)' is already declared at \(first)", length: name.unicodeScalars.count)
            return false
        }
        globals[name] = global
        globalLocations[name] = location
        return true
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || $0 == "_" || ("0"..."9").contains($0) }
    }

    // MARK: - Declarations

    private func declareTypes() {
        for declaration in source.types {
            if TypeParser.primitives[declaration.name.lowercased()] != nil || namedTypes[declaration.name] != nil {
                report(declaration.location, "type '\(declaration.name)' is already declared", length: declaration.name.unicodeScalars.count)
                continue
            }
            switch declaration.definition {
            case .enumeration(let values):
                let duplicates = Set(values.filter { v in values.filter { $0 == v }.count > 1 })
                if values.isEmpty || !duplicates.isEmpty {
                    report(declaration.location, values.isEmpty ? "enum '\(declaration.name)' has no values"
                           : "enum '\(declaration.name)' lists \(duplicates.sorted().joined(separator: ", ")) more than once")
                    continue
                }
                namedTypes[declaration.name] = .enumeration(EnumType(name: declaration.name, values: values))
            case .record(let fields):
                var checked: [RecordType.Field] = []
                for field in fields {
                    if checked.contains(where: { $0.name == field.name }) {
                        report(field.location, "field '\(field.name)' is declared twice", length: field.name.unicodeScalars.count)
                        continue
                    }
                    if let type = parseType(field.type, contextName: field.name) {
                        checked.append(RecordType.Field(name: field.name, type: type))
                    }
                }
                namedTypes[declaration.name] = .record(RecordType(name: declaration.name, fields: checked))
            }
        }
    }

    func parseType(_ text: ExpressionSource, contextName: String) -> RuleType? {
        switch TypeParser.parse(text, named: namedTypes, contextName: contextName) {
        case .success(let type): return type
        case .failure(let diagnostic):
            context.report(diagnostic)
            return nil
        }
    }

    private func declareInputs() {
        for input in source.inputs {
            let type = parseType(input.type, contextName: input.name)
            guard claim(input.name, at: input.location, as: .input(declarations.count)), let type else { continue }
            declarations.declare(input.name, type)
        }
    }

    private func declareValues() {
        for (i, derived) in source.derived.enumerated() {
            _ = claim(derived.name, at: derived.location, as: .derived(i))
        }
        var tableIDs: [String: SourceLocation] = [:]
        for (t, table) in source.tables.enumerated() {
            if let first = tableIDs[table.id] {
                report(table.location, "table '\(table.id)' is already declared at \(first)")
            }
            tableIDs[table.id] = table.location
            var types: [RuleType?] = []
            for (k, output) in table.outputs.enumerated() {
                types.append(parseType(output.type, contextName: output.name))
                _ = claim(output.name, at: output.location, as: .tableOutput(table: t, output: k))
            }
            tableOutputTypes.append(types)
        }
    }

    private func allocateSlots() {
        var next = declarations.count
        for _ in source.derived {
            derivedSlots.append(next)
            derivedState.append(.pending)
            derivedTypes.append(nil)
            next += 1
        }
        for table in source.tables {
            tableOutputSlots.append(table.outputs.indices.map { next + $0 })
            next += table.outputs.count
            tableColumnSlots.append(table.inputs.indices.map { next + $0 })
            next += table.inputs.count
            tableState.append(.pending)
        }
        context.elementBase = next
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
