import LoanMath
import Testing
@testable import Rules

/// One policy per class of compile error, for the golden tests.
enum DiagnosticCases {
    static func base() -> PolicyFixture {
        var f = PolicyFixture()
        f.input("bureau_score", "integer")
        f.input("monthly_income", "money")
        f.input("employment", "enum(salaried, self_employed)")
        return f
    }

    static let all: [(String, @Sendable () -> PolicyFixture)] = [
        ("syntax", { var f = base(); f.rule("R1", "bureau_score < 650 or", .reject); return f }),
        ("unknown name", { var f = base(); f.rule("R1", "bureau_scor < 650", .reject); return f }),
        ("unknown function", { var f = base(); f.derive("x", "maximum(bureau_score, 1)"); return f }),
        ("argument count", { var f = base(); f.derive("x", "clamp(bureau_score, 1)"); return f }),
        ("type mismatch", { var f = base(); f.rule("R1", "monthly_income < 25000", .reject); return f }),
        ("condition not bool", { var f = base(); f.rule("R1", "bureau_score + 1", .reject); return f }),
        ("division by zero", { var f = base(); f.derive("x", "monthly_income / (2 - 2)"); return f }),
        ("too deep", { var f = base(); f.derive("x", String(repeating: "(", count: 45) + "1" + String(repeating: ")", count: 45)); return f }),
        ("overlapping rows", {
            var f = base()
            f.table("pricing", .unique, inputs: ["bureau_score", "employment"], outputs: [("rate", "rate", "24%")],
                    rows: [["700..749", "-", "14%"], ["740..799", "\"salaried\"", "12%"]])
            return f
        }),
        ("unreachable row", {
            var f = base()
            f.table("pricing", .first, inputs: ["bureau_score"], outputs: [("rate", "rate", "24%")],
                    rows: [[">= 700", "14%"], ["750..799", "12%"]])
            return f
        }),
        ("missing default", {
            var f = base()
            f.table("pricing", .unique, inputs: ["bureau_score"], outputs: [("rate", "rate", nil)], rows: [[">= 700", "14%"]])
            return f
        }),
        ("duplicate name", { var f = base(); f.derive("bureau_score", "1"); return f }),
        ("cycle", { var f = base(); f.derive("a", "b + 1"); f.derive("b", "a * 2"); return f }),
        ("unknown type", { var f = base(); f.input("tenure", "integr"); return f }),
        ("invalid date", { var f = base(); f.input("d", "date"); f.rule("R1", "d < 2026-02-30", .reject); return f }),
        ("unknown enum value", { var f = base(); f.rule("R1", "employment == \"salaryed\"", .refer); return f }),
        ("empty range", { var f = base(); f.rule("R1", "bureau_score in 900..300", .reject); return f }),
        ("fractional money output", { var f = base(); f.derive("fee", "monthly_income * 1.5%", output: true); return f }),
        ("unknown field", {
            var f = base()
            f.types.append(TypeDeclarationSource(name: "loan", at: f.text.line("  loan: {emi: money}"),
                           .record([FieldSource(name: "emi", at: SourceLocation(file: testFile, line: 5, column: 10),
                                                type: ExpressionSource("money", at: SourceLocation(file: testFile, line: 5, column: 15)))])))
            f.input("loans", "list<loan>")
            f.derive("total", "sum(loans, emii)")
            return f
        }),
        ("cell count", {
            var f = base()
            f.table("pricing", .unique, inputs: ["bureau_score", "employment"], outputs: [("rate", "rate", "24%")], rows: [["700..749", "14%"]])
            return f
        }),
        ("constant overflow", { var f = base(); f.derive("x", "9223372036854775807 + 1"); return f }),
        ("missing reason code", { var f = base(); f.rule("R1", "bureau_score < 600", .reject, ""); return f }),
        ("priority needs enum", {
            var f = base()
            f.table("pricing", .priority, inputs: ["bureau_score"], outputs: [("rate", "rate", "24%")], rows: [[">= 700", "14%"]])
            return f
        }),
        ("cell type", {
            var f = base()
            f.table("pricing", .first, inputs: ["monthly_income"], outputs: [("rate", "rate", "24%")], rows: [[">= 50000", "14%"]])
            return f
        }),
    ]
}

