import Testing
@testable import Rules

/// Golden diagnostics: one policy per class of compile error, rendered in full (location, message,
/// quoted line, caret) exactly as `lendline validate` prints them.
@Suite struct DiagnosticGoldenTests {
    static let expected: [String: String] = [
        "syntax": """
            policies/test.yaml:6:32: error: expected a value, found the end of the expression
              |
            6 |     when: bureau_score < 650 or
              |                                ^
            1 error
            """,
        "unknown name": """
            policies/test.yaml:6:11: error: unknown name 'bureau_scor'; did you mean 'bureau_score'?
              |
            6 |     when: bureau_scor < 650
              |           ^~~~~~~~~~~
            1 error
            """,
        "unknown function": """
            policies/test.yaml:5:6: error: unknown function 'maximum'
              |
            5 |   x: maximum(bureau_score, 1)
              |      ^~~~~~~
            1 error
            """,
        "argument count": """
            policies/test.yaml:5:6: error: clamp takes 3 arguments: value, lowest, highest; given 2
              |
            5 |   x: clamp(bureau_score, 1)
              |      ^~~~~~~~~~~~~~~~~~~~~~
            1 error
            """,
        "type mismatch": """
            policies/test.yaml:6:11: error: cannot compare money with an integer using '<'; write an amount as ₹25000
              |
            6 |     when: monthly_income < 25000
              |           ^~~~~~~~~~~~~~~~~~~~~~
            1 error
            """,
        "condition not bool": """
            policies/test.yaml:6:11: error: rule 'R1' condition must be a bool, but this is an integer
              |
            6 |     when: bureau_score + 1
              |           ^~~~~~~~~~~~~~~~
            1 error
            """,
        "division by zero": """
            policies/test.yaml:5:23: error: division by zero
              |
            5 |   x: monthly_income / (2 - 2)
              |                       ^~~~~~~
            1 error
            """,
        "too deep": """
            policies/test.yaml:5:46: error: expression nests too deeply (more than 40 levels)
              |
            5 |   x: (((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))
              |                                              ^
            1 error
            """,
        "overlapping rows": """
            policies/test.yaml:11:8: error: table 'pricing': row 2 overlaps row 1; a unique table allows only one matching row
               |
            11 |     - [740..799, "salaried", 12%]
               |        ^
            1 error
            """,
        "unreachable row": """
            policies/test.yaml:11:8: error: table 'pricing': row 2 can never match; row 1 above it matches everything it does
               |
            11 |     - [750..799, 12%]
               |        ^
            1 error
            """,
        "missing default": """
            policies/test.yaml:8:15: error: output 'rate' of table 'pricing' has no default, and some inputs match no row; add a default or a last row of '-' cells
              |
            8 |     - output: rate: rate
              |               ^~~~
            1 error
            """,
        "duplicate name": """
            policies/test.yaml:5:3: error: 'bureau_score' is already declared at policies/test.yaml:2:3
              |
            5 |   bureau_score: 1
              |   ^~~~~~~~~~~~
            1 error
            """,
        "cycle": """
            policies/test.yaml:6:6: error: 'a' depends on itself: a → b → a
              |
            6 |   b: a * 2
              |      ^
            1 error
            """,
        "unknown type": """
            policies/test.yaml:5:11: error: unknown type 'integr'; did you mean 'integer'?
              |
            5 |   tenure: integr
              |           ^~~~~~
            1 error
            """,
        "invalid date": """
            policies/test.yaml:7:15: error: 2026-02-30 is not a calendar date
              |
            7 |     when: d < 2026-02-30
              |               ^~~~~~~~~~
            1 error
            """,
        "unknown enum value": """
            policies/test.yaml:6:25: error: 'salaryed' is not a value of employment (salaried, self_employed); did you mean 'salaried'?
              |
            6 |     when: employment == "salaryed"
              |                         ^~~~~~~~~~
            1 error
            """,
        "empty range": """
            policies/test.yaml:6:27: error: range is empty: 900 is above 300
              |
            6 |     when: bureau_score in 900..300
              |                           ^~~~~~~~
            1 error
            """,
        "fractional money output": """
            policies/test.yaml:5:8: error: 'fee' is money and this value may have fractions of a paisa; round it, e.g. round(…, paise, half_up)
              |
            5 |   fee: monthly_income * 1.5%
              |        ^~~~~~~~~~~~~~~~~~~~~
            1 error
            """,
        "unknown field": """
            policies/test.yaml:7:21: error: unknown name 'emii'; did you mean 'emi'?
              |
            7 |   total: sum(loans, emii)
              |                     ^~~~
            1 error
            """,
        "cell count": """
            policies/test.yaml:10:7: error: row 1 of table 'pricing' has 2 input cells and 0 output cells; the table has 2 inputs and 1 output
               |
            10 |     - [700..749, 14%]
               |       ^
            1 error
            """,
        "constant overflow": """
            policies/test.yaml:5:6: error: arithmetic overflow in a constant expression
              |
            5 |   x: 9223372036854775807 + 1
              |      ^~~~~~~~~~~~~~~~~~~~~~~
            1 error
            """,
        "missing reason code": """
            policies/test.yaml:5:5: error: rule 'R1' decides reject but gives no reason code
              |
            5 |   - id: R1
              |     ^~
            1 error
            """,
        "priority needs enum": """
            policies/test.yaml:8:15: error: a priority table ranks rows by its first output, which must be an enum; 'rate' is rate
              |
            8 |     - output: rate: rate
              |               ^~~~
            1 error
            """,
        "cell type": """
            policies/test.yaml:10:11: error: cannot compare column of type money with an integer; write an amount as ₹25000
               |
            10 |     - [>= 50000, 14%]
               |           ^~~~~
            1 error
            """,
    ]

    @Test(arguments: DiagnosticCases.all.map(\.0))
    func golden(_ name: String) throws {
        let make = try #require(DiagnosticCases.all.first { $0.0 == name }?.1)
        #expect(make().diagnostics == Self.expected[name], "\(name)")
    }

    @Test func everyCaseHasAGolden() {
        #expect(Set(DiagnosticCases.all.map(\.0)) == Set(Self.expected.keys))
    }
}
