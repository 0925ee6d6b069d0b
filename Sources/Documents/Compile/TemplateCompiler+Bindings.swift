import Rules

extension TemplateCompiler {
    /// `l:text` or `l:attr-NAME`: a value that can be shown, in whole paise when it is money.
    func compilePrintable(_ directive: Directive, scope: TemplateScope, what: String) -> TemplateBinding? {
        let source = directive.source(in: file)
        guard let expression = compileExpression(source, scope: scope) else { return nil }
        let length = source.text.unicodeScalars.count
        guard expression.type.isPrintable else {
            error(
                "\(what) needs a value to show (text, number, amount, rate, date or bool), "
                    + "but this is \(expression.type)",
                at: source.location, length: length)
            return nil
        }
        guard !expression.mayHaveFractionalPaise else {
            error(
                "\(what): this amount may have fractions of a paisa; round it, e.g. round(…, paise, half_up)",
                at: source.location, length: length)
            return nil
        }
        return TemplateBinding(expression: expression, location: source.location)
    }

    /// `l:if`: a bool.
    func compileCondition(_ directive: Directive, scope: TemplateScope) -> TemplateBinding? {
        let source = directive.source(in: file)
        guard let expression = compileExpression(source, scope: scope) else { return nil }
        guard expression.type == .bool else {
            error(
                "l:if needs a bool (a yes/no condition), but this is \(expression.type)", at: source.location,
                length: source.text.unicodeScalars.count)
            return nil
        }
        return TemplateBinding(expression: expression, location: source.location)
    }

    /// `l:repeat="item in list"`: the list, and the body's scope with `item` declared as its element.
    func compileLoop(_ directive: Directive, scope: TemplateScope) -> TemplateLoop? {
        guard let clause = RepeatClause(directive.text) else {
            error(
                "write l:repeat as `item in list`, e.g. `row in schedule`", at: directive.valueLocation(in: file),
                length: max(1, directive.text.unicodeScalars.count))
            return nil
        }
        let nameSource = directive.source(in: file, from: clause.nameOffset)
        if scope.declarations.slot(named: clause.name) != nil || clause.name.lowercased() == "it" {
            error(
                "`\(clause.name)` already names a field or an enclosing item; choose another name for the item",
                at: nameSource.location, length: clause.name.count)
            return nil
        }
        let listSource = directive.source(in: file, from: clause.listOffset)
        guard let list = compileExpression(listSource, scope: scope) else { return nil }
        guard case .list(let element) = list.type else {
            error(
                "l:repeat needs a list, but this is \(list.type)", at: listSource.location,
                length: listSource.text.unicodeScalars.count)
            return nil
        }
        let (body, slot) = scope.adding(clause.name, element)
        return TemplateLoop(
            list: TemplateBinding(expression: list, location: listSource.location), body: body, item: slot)
    }

    /// `source` compiled in `scope`, or nil after its diagnostics are recorded.
    func compileExpression(_ source: ExpressionSource, scope: TemplateScope) -> CompiledExpression? {
        switch CompiledExpression.compile(source, declarations: scope.declarations) {
        case .success(let expression): return expression
        case .failure(let failure):
            diagnostics += failure.diagnostics
            return nil
        }
    }
}

/// `row in schedule` split into the item's name and the list expression, with their offsets.
struct RepeatClause {
    var name: String
    var nameOffset: Int
    var listOffset: Int

    init?(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func skipSpaces() { while i < scalars.count, scalars[i] == " " { i += 1 } }
        skipSpaces()
        nameOffset = i
        while i < scalars.count,
            scalars[i] == "_" || scalars[i].properties.isAlphabetic
                || (i > nameOffset && ("0"..."9").contains(scalars[i]))
        { i += 1 }
        guard i > nameOffset, i < scalars.count, scalars[i] == " " else { return nil }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[nameOffset..<i])
        self.name = String(name)
        skipSpaces()
        guard i + 2 < scalars.count, String(String.UnicodeScalarView(scalars[i..<(i + 2)])).lowercased() == "in",
            scalars[i + 2] == " "
        else { return nil }
        i += 2
        skipSpaces()
        guard i < scalars.count else { return nil }
        listOffset = i
    }
}

extension RuleType {
    /// Values of this type can be shown as text.
    var isPrintable: Bool {
        switch self {
        case .bool, .integer, .decimal, .money, .rate, .date, .string, .enumeration: return true
        case .list, .record: return false
        }
    }
}
