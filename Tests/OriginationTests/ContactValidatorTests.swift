import Testing
@testable import Origination

/// Mobile numbers, IFSC, e-mail addresses, pincodes and account numbers: accepted forms and the
/// message for each broken rule.
@Suite struct ContactValidatorTests {
    @Test(arguments: ["9876543210", "+91 98765 43210", "098765-43210", "919876543210", "6000000000"])
    func mobileNumbers(_ text: String) throws {
        let mobile = try #require(MobileNumber.parse(text).value)
        #expect(mobile.digits.count == 10)
    }

    @Test func badMobileNumbers() {
        #expect(problem(MobileNumber.parse("5876543210")) == "an Indian mobile number starts with 6, 7, 8 or 9")
        #expect(problem(MobileNumber.parse("98765 4321")) == "an Indian mobile number has 10 digits, found 9")
        #expect(problem(MobileNumber.parse("98765o4321")) == "a mobile number holds digits only (with +91 in front at most)")
    }

    @Test func ifsc() throws {
        // RBI's form: 4 letters (bank), 0, 6 letters or digits (branch).
        #expect(try #require(IFSC.parse("sbin0001234").value).value == "SBIN0001234")
        #expect(try #require(IFSC.parse("HDFC0CAGSBK").value).bankCode == "HDFC")
        #expect(problem(IFSC.parse("SBIN1001234")) == "the 5th character of an IFSC is `0`, found `1`")
        #expect(problem(IFSC.parse("SB1N0001234")) == "the first 4 characters of an IFSC are letters (the bank), found `1` at 3")
        #expect(problem(IFSC.parse("SBIN000123")) == "an IFSC has 11 characters, found 10")
        #expect(problem(IFSC.parse("SBIN00012-4")) == "the last 6 characters of an IFSC are letters or digits (the branch), found `-` at 10")
    }

    @Test func email() throws {
        #expect(try #require(EmailAddress.parse(" Ravi.Kumar@Example.IN ").value).value == "Ravi.Kumar@example.in")
        #expect(problem(EmailAddress.parse("ravi.example.in")) == "an e-mail address has exactly one `@`, found 0")
        #expect(problem(EmailAddress.parse("ravi@localhost")) == "the domain after `@` needs at least one dot, as in example.in")
        #expect(problem(EmailAddress.parse("ra vi@example.in"))
            == "the part before `@` may not hold spaces, quotes or non-ASCII characters")
        #expect(problem(EmailAddress.parse("ravi@exa_mple.in"))
            == "the domain after `@` is made of letters, digits and hyphens between dots")
        #expect(problem(EmailAddress.parse("@example.in")) == "the part before `@` has 1 to 64 characters, found 0")
    }

    @Test func pincodeAndAccount() throws {
        #expect(try #require(Pincode.parse("400 001").value).digits == "400001")
        #expect(problem(Pincode.parse("040001")) == "a pincode does not start with 0")
        #expect(problem(Pincode.parse("40001")) == "a pincode has 6 digits, found 5")
        #expect(try #require(BankAccountNumber.parse("0012 3456 7890").value).digits == "001234567890")
        #expect(problem(BankAccountNumber.parse("12345678")) == "an account number has 9 to 18 digits, found 8")
        #expect(problem(BankAccountNumber.parse("12345678A")) == "an account number holds digits only")
    }
}
