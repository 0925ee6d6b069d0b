import Rules

extension WorkflowChecker {
    /// Declares each context input with its type; a name the expression language cannot read, a
    /// repeated name and a type that does not parse are reported.
    mutating func declareContext() {
        checkUnique(definition.context.map(\.name), noun: "context input")
        for input in definition.context {
            let name = input.name.value
            guard WorkflowChecker.isInputName(name) else {
                report(input.name.diagnostic("`\(name)` cannot name a context input: write lower-case letters, digits "
                                             + "and `_`, starting with a letter, and not a word of the expression "
                                             + "language such as `and` or `in`"))
                continue
            }
            switch ContextTypeReader.read(input.type, inputName: name) {
            case .success(let type): context.declare(name, type)
            case .failure(let diagnostic): report(diagnostic)
            }
        }
    }

    /// Words of the expression language, which cannot name an input.
    static let reservedWords: Set<String> = ["and", "or", "not", "in", "between", "true", "false"]

    /// Whether guards can refer to `name`: `amount`, `bureau_score`, `kyc_passed`.
    static func isInputName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first >= "a" && first <= "z" else { return false }
        let allowed = name.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "_"
        }
        return allowed && !reservedWords.contains(name)
    }

    /// `source` compiled as a boolean condition over the context, or nil with its problems reported.
    mutating func condition(_ source: ExpressionSource?) -> CompiledCondition? {
        guard let source else { return nil }
        switch CompiledExpression.compile(source, declarations: context, expecting: .bool) {
        case .success(let expression):
            return CompiledCondition(text: source.text, location: source.location, expression: expression)
        case .failure(let error):
            diagnostics += error.diagnostics
            return nil
        }
    }
}
