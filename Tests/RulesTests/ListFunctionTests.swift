import LoanMath
import Testing
@testable import Rules

/// count, sum, any, all, min, max over a bureau report's tradelines.
@Suite struct ListFunctionTests {
    static let tradeline = RuleType.record(RecordType(name: "tradeline", fields: [
        .init(name: "lender", type: .string), .init(name: "emi", type: .money), .init(name: "max_dpd", type: .integer),
        .init(name: "open", type: .bool),
    ]))
    let inputs: [(String, RuleType)] = [("tradelines", .list(tradeline)), ("scores", .list(.integer))]
    let values: [String: Value] = [
        "tradelines": .list([
            .record(["lender": .string("A"), "emi": .rupees(12_000), "max_dpd": .integer(0), "open": .bool(true)]),
            // Fields in another order than declared: the engine reorders them.
            .record(["open": .bool(false), "max_dpd": .integer(45), "emi": .rupees(8_500), "lender": .string("B")]),
            .record(["lender": .string("C"), "emi": .money(decimal("3250.50")), "max_dpd": .integer(10), "open": .bool(true)]),
        ]),
        "scores": .list([.integer(700), .integer(650), .integer(810)]),
    ]

    @Test(arguments: [
        ("count(tradelines)", Value.integer(3)),
        ("count(tradelines, open)", .integer(2)),
        ("count(tradelines, max_dpd > 30)", .integer(1)),
        ("sum(tradelines, emi)", .money(decimal("23750.50"))),
        ("sum(tradelines, if(open, emi, ₹0))", .money(decimal("15250.50"))),
        ("any(tradelines, max_dpd > 30)", .bool(true)),
        ("all(tradelines, max_dpd < 60)", .bool(true)),
        ("all(tradelines, open)", .bool(false)),
        ("max(tradelines, max_dpd)", .integer(45)),
        ("min(tradelines, emi)", .money(decimal("3250.50"))),
        ("sum(scores)", .integer(2160)),
        ("max(scores)", .integer(810)),
        ("count(scores, it >= 700)", .integer(2)),
        ("any(tradelines, lender == \"B\" and not open)", .bool(true)),
        ("count(tradelines, count(scores, it > max_dpd * 20) == 3)", .integer(2)),
    ])
    func aggregates(_ text: String, _ expected: Value) throws {
        #expect(try evaluate(text, inputs, values) == expected, "\(text)")
    }

    @Test func emptyLists() throws {
        let empty: [String: Value] = ["tradelines": .list([]), "scores": .list([])]
        #expect(try evaluate("count(tradelines)", inputs, empty) == .integer(0))
        #expect(try evaluate("sum(tradelines, emi)", inputs, empty) == .money(decimal("0")))
        #expect(try evaluate("any(tradelines, open)", inputs, empty) == .bool(false))
        #expect(try evaluate("all(tradelines, open)", inputs, empty) == .bool(true))
        #expect(throws: EvaluationError.self) { try evaluate("max(scores)", inputs, empty) }
    }

    @Test func recordFieldsAndEnums() throws {
        let employment = RuleType.enumeration(EnumType(name: "employment", values: ["salaried", "self_employed"]))
        let applicant = RuleType.record(RecordType(name: "applicant", fields: [
            .init(name: "age", type: .integer), .init(name: "employment", type: employment),
        ]))
        let value = Value.record(["age": .integer(34), "employment": .string("salaried")])
        #expect(try evaluate("applicant.age + 1", [("applicant", applicant)], ["applicant": value]) == .integer(35))
        #expect(try evaluate("applicant.employment in [\"salaried\"]", [("applicant", applicant)], ["applicant": value]) == .bool(true))
        #expect(throws: EvaluationError(.invalidInput("applicant"), at: nil, "input 'applicant' must be applicant")) {
            try evaluate("applicant.age", [("applicant", applicant)],
                         ["applicant": .record(["age": .integer(34), "employment": .string("retired")])])
        }
    }
}
