import LoanMath
import Testing
@testable import Rules

/// The column index that finds matching rows must agree with testing each row's cells: checked
/// against the same cells written as plain expressions, over random tables and inputs.
@Suite struct TableIndexTests {
    /// A random cell for a column named `x` of the given kind, and the same test as an expression.
    static func cell(_ kind: Int, _ g: inout SplitMix64) -> (cell: String, expression: String) {
        func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
        switch kind {
        case 0:
            let a = Int(g.next() % 10) * 10, b = a + Int(g.next() % 4) * 10
            return pick([("-", "true"), ("< \(a)", "x < \(a)"), ("<= \(a)", "x <= \(a)"), ("> \(a)", "x > \(a)"),
                         (">= \(a)", "x >= \(a)"), ("\(a)", "x == \(a)"), ("!= \(a)", "x != \(a)"), ("\(a)..\(b)", "x in \(a)..\(b)"),
                         ("\(a)..<\(b + 10)", "x in \(a)..<\(b + 10)"), ("in [\(a), \(b)]", "x in [\(a), \(b)]"),
                         ("not in [\(a)]", "x not in [\(a)]"), ("between \(a) and \(b)", "x between \(a) and \(b)")])
        case 1:
            let a = Int(g.next() % 6) * 10, b = a + Int(g.next() % 3) * 10 + 10
            return pick([("-", "true"), ("< \(a)%", "y < \(a)%"), ("<= \(a)%", "y <= \(a)%"), (">= \(a)%", "y >= \(a)%"),
                         ("> \(a)%", "y > \(a)%"), ("\(a)%..<\(b)%", "y in \(a)%..<\(b)%"), ("\(a)%..\(b)%", "y in \(a)%..\(b)%"),
                         ("\(a)%", "y == \(a)%")])
        default:
            return pick([("-", "true"), ("\"a\"", "z == \"a\""), ("\"b\"", "z == \"b\""), ("in [\"a\", \"c\"]", "z in [\"a\", \"c\"]"),
                         ("not in [\"b\"]", "z not in [\"b\"]"), ("!= \"c\"", "z != \"c\"")])
        }
    }

    @Test func indexAgreesWithRowByRowTests() throws {
        var g = SplitMix64(seed: 7)
        var declarations = Declarations()
        declarations.declare("x", .integer)
        declarations.declare("y", .decimal)
        declarations.declare("z", .enumeration(EnumType(name: "z", values: ["a", "b", "c"])))
        for _ in 0..<60 {
            var f = PolicyFixture()
            f.input("x", "integer")
            f.input("y", "decimal")
            f.input("z", "enum(a, b, c)")
            var rows: [[String]] = []
            var expressions: [CompiledExpression] = []
            for r in 0..<(1 + Int(g.next() % 30)) {
                let cells = (0..<3).map { TableIndexTests.cell($0, &g) }
                rows.append(cells.map(\.cell) + ["\(r + 1)"])
                let text = cells.map { "(\($0.expression))" }.joined(separator: " and ")
                expressions.append(try CompiledExpression.compile(ExpressionSource(text, at: SourceLocation(file: testFile, line: 1, column: 1)),
                                                                  declarations: declarations).get())
            }
            f.table("t", .collect(.list), inputs: ["x", "y", "z"], outputs: [("row", "integer", nil)], rows: rows)
            let policy = try f.policy()
            #expect(policy.program.steps.contains { if case .table(let t) = $0 { t.index != nil } else { false } })
            for _ in 0..<40 {
                let inputs: [String: Value] = [
                    "x": .integer(Int64(g.next() % 120) - 10),
                    "y": .decimal(ExactDecimal(significand: Int128(g.next() % 80), scale: 2)),
                    "z": .string(["a", "b", "c"][Int(g.next() % 3)]),
                ]
                let expected = try expressions.enumerated().filter { try $0.element.evaluate(inputs) == .bool(true) }
                    .map { Value.integer(Int64($0.offset + 1)) }
                #expect(try policy.evaluate(inputs: inputs).outputs["row"] == .list(expected), "\(rows) \(inputs)")
            }
        }
    }
}
