import LoanMath
import Testing
@testable import Rules

@Test func smoke() throws {
    #expect(try evaluate("1 + 2 * 3") == .integer(7))
    #expect(try evaluate("0.1 + 0.2") == .decimal(decimal("0.3")))
    #expect(try evaluate("age between 21 and 60", [("age", .integer)], ["age": .integer(35)]) == .bool(true))
    print(diagnostics("agee > 3", [("age", .integer)]))
}
