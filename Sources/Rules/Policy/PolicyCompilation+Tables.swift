extension PolicyCompilation {
    func ensureTable(_ t: Int) {
        guard tableState[t] == .pending else { return }
        let table = source.tables[t]
        tableState[t] = .inProgress
        checking.append("table \(table.id)")
        defer { checking.removeLast() }
        let compiled = compileTable(t, table)
        tableState[t] = compiled == nil ? .failed : .done
        if let compiled { steps.append(.table(compiled)) }
    }

    private func compileTable(_ t: Int, _ table: DecisionTableSource) -> CompiledTable? {
        let errorsBefore = context.diagnostics.count
        if table.rows.count > limits.maxTableRows {
            report(table.location, "table '\(table.id)' has \(table.rows.count) rows; at most \(limits.maxTableRows) are allowed")
            return nil
        }
        checkHitPolicy(t, table)
        let columns = table.inputs.map { column -> TypedExpression? in
            guard let typed = TypeChecker.check(column, scope: scope, context: context) else { return nil }
            if !typed.type.isScalar {
                context.report(Diagnostic(.error, at: typed.location, "a table column must be a single value, not \(typed.type)",
                                          length: typed.length))
                return nil
            }
            return typed
        }
        let outputTypes = tableOutputTypes[t]
        // A part may fail without a new diagnostic (it names a value whose error was reported
        // before); such a table is never built.
        var incomplete = columns.contains { $0 == nil } || outputTypes.contains { $0 == nil }
        var rows: [CompiledRow] = []
        var rowChecks: [[LoweredCell]] = []
        var shapes: [[CellShape]] = []
        for (r, row) in table.rows.enumerated() {
            let name = row.id ?? "row \(r + 1)"
            guard row.inputs.count == table.inputs.count, row.outputs.count == table.outputs.count else {
                incomplete = true
                report(row.location, "\(name) of table '\(table.id)' has \(count(row.inputs.count, "input cell")) and "
                       + "\(count(row.outputs.count, "output cell")); the table has \(count(table.inputs.count, "input")) and "
                       + count(table.outputs.count, "output"))
                continue
            }
            var checks: [LoweredCell] = []
            var rowShapes: [CellShape] = []
            for (c, cellSource) in row.inputs.enumerated() {
                guard let column = columns[c] else {
                    incomplete = true
                    continue
                }
                let slot = tableColumnSlots[t][c]
                guard let cell = TypeChecker.checkCell(cellSource, column: column.type, columnSlot: slot, scope: scope,
                                                       context: context) else {
                    incomplete = true
                    continue
                }
                rowShapes.append(CellShape(cell, column: column.type))
                if let check = CellLowering.lower(cell, slot: slot, column: column.type) { checks.append(check) }
            }
            var outputs: [CompiledNode] = []
            for (k, outputSource) in row.outputs.enumerated() {
                guard let type = outputTypes[k], let value = checkOutput(table.outputs[k], outputSource, type) else {
                    incomplete = true
                    continue
                }
                outputs.append(CompiledNode(value))
            }
            rows.append(CompiledRow(name: name, outputs: outputs))
            rowChecks.append(checks)
            shapes.append(rowShapes)
        }
        let defaults = table.outputs.enumerated().map { k, output -> CompiledNode? in
            guard let text = output.defaultValue, let type = outputTypes[k],
                  let value = checkOutput(output, text, type, what: "default of '\(output.name)'") else { return nil }
            return CompiledNode(value)
        }
        let defaultsComplete = zip(table.outputs, defaults).allSatisfy { $0.defaultValue == nil || $1 != nil }
        guard context.diagnostics.count == errorsBefore, !incomplete, defaultsComplete else { return nil }
        let analysis = TableAnalysis(tableID: table.id, hitPolicy: table.hitPolicy, rows: shapes,
                                     rowNames: rows.map(\.name), rowLocations: table.rows.map { $0.inputs.first?.location ?? $0.location },
                                     columnTypes: columns.map { $0?.type ?? .bool })
        for diagnostic in analysis.diagnostics() { context.report(diagnostic) }
        checkDefaults(table, analysis)
        guard context.diagnostics.count == errorsBefore else { return nil }
        let checkedColumns = columns.compactMap { $0 }, types = outputTypes.compactMap { $0 }
        let priorityOrder = outputTypes.first??.enumType?.values ?? []
        for (slot, column) in zip(tableColumnSlots[t], columns) { slotTypes[slot] = column?.type }
        return CompiledTable(id: table.id, location: table.location, hitPolicy: table.hitPolicy,
                             columnSlots: tableColumnSlots[t], columns: checkedColumns.map { CompiledNode($0) },
                             rows: rows, rowChecks: rowChecks, outputSlots: tableOutputSlots[t], outputTypes: types,
                             defaults: defaults, priorityOrder: priorityOrder,
                             index: TableIndex.build(shapes: shapes, types: checkedColumns.map(\.type), slots: tableColumnSlots[t]))
    }

    private func checkOutput(_ output: TableOutputSource, _ text: ExpressionSource, _ type: RuleType,
                             what: String? = nil) -> TypedExpression? {
        guard let value = TypeChecker.check(text, scope: scope, context: context, expecting: type,
                                            what: what ?? "output '\(output.name)'") else { return nil }
        if type == .money && value.fractionalPaise {
            reportFractional(output.name, value)
            return nil
        }
        return value
    }

    private func checkHitPolicy(_ t: Int, _ table: DecisionTableSource) {
        let types = tableOutputTypes[t]
        if table.outputs.isEmpty { report(table.location, "table '\(table.id)' has no outputs") }
        switch table.hitPolicy {
        case .priority:
            if let first = types.first, let type = first, type.enumType == nil {
                report(table.outputs[0].location, "a priority table ranks rows by its first output, which must be an enum; "
                       + "'\(table.outputs[0].name)' is \(type)", length: table.outputs[0].name.unicodeScalars.count)
            }
        case .collect(.sum):
            for (k, type) in types.enumerated() where type.map({ !$0.isNumeric }) ?? false {
                report(table.outputs[k].location, "collect sum adds outputs up, but '\(table.outputs[k].name)' is \(type!)")
            }
        case .collect(.min), .collect(.max):
            for (k, type) in types.enumerated() where type.map({ !$0.isOrdered }) ?? false {
                report(table.outputs[k].location, "\(table.hitPolicy) compares outputs, but '\(table.outputs[k].name)' is \(type!)")
            }
        default:
            break
        }
    }

    /// Outputs that need a value when no row matches must have a default unless every input reaches a row.
    private func checkDefaults(_ table: DecisionTableSource, _ analysis: TableAnalysis) {
        switch table.hitPolicy {
        case .collect(.list), .collect(.sum): return
        default: break
        }
        guard !analysis.everyInputMatches else { return }
        for output in table.outputs where output.defaultValue == nil {
            report(output.location, "output '\(output.name)' of table '\(table.id)' has no default, and some inputs match no row; "
                   + "add a default or a last row of '-' cells", length: output.name.unicodeScalars.count)
        }
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)" + (n == 1 ? "" : "s") }
}
