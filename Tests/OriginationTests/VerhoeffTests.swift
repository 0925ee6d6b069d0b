import Testing
@testable import Origination

/// The Verhoeff check digit against examples published with the algorithm.
@Suite struct VerhoeffTests {
    /// (number, its check digit, source).
    static let published: [(String, Int, String)] = [
        ("236", 3, "Wikipedia, Verhoeff algorithm: the check digit of 236 is 3"),
        ("142857", 0, "Wikipedia's validation table: 1428570 is valid"),
        ("58564", 9, "programmingalgorithms.com, Verhoeff Algorithm: CheckSum(\"58564\") = 9"),
        ("1456789", 4, "Perl Algorithm::CheckDigits (MXX_006): complete('1456789') = '14567894'"),
        ("23412341234", 6, "python-stdnum in_/aadhaar.py doctest: 234123412346 is a valid Aadhaar number"),
    ]

    @Test(arguments: published)
    func checkDigitMatchesPublishedExample(_ example: (String, Int, String)) {
        #expect(Verhoeff.checkDigit(for: example.0) == example.1, "\(example.2)")
        #expect(Verhoeff.isValid(example.0 + String(example.1)), "\(example.2)")
    }

    @Test func aWrongCheckDigitOrATranspositionFails() {
        #expect(!Verhoeff.isValid("2364"))
        #expect(!Verhoeff.isValid("1428571"))
        #expect(!Verhoeff.isValid("2633"))  // 2363 with the first two digits transposed
        #expect(!Verhoeff.isValid(""))
        #expect(!Verhoeff.isValid("23a3"))
        #expect(Verhoeff.checkDigit(for: "") == nil)
    }
}
