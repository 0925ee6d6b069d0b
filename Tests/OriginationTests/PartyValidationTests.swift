import Testing
@testable import Origination

/// A party's input checked as a whole: every problem at once, each naming its field, none quoting a value.
@Suite struct PartyValidationTests {
    @Test func aCompleteIndividualValidates() throws {
        let details = try #require(PartyValidation.validate(Parties.ravi, on: Parties.today).value)
        #expect(details.pan?.value == "ABCPE1234F")
        #expect(details.aadhaar?.lastFour == "2346")
        #expect(details.mobile?.digits == "9876543210")
        #expect(details.address?.pincode.digits == "411001")
        #expect(details.bankAccount?.ifsc.value == "SBIN0001234")
    }

    @Test func aBusinessWhoseGSTINEmbedsItsPANValidates() throws {
        let details = try #require(PartyValidation.validate(Parties.firm, on: Parties.today).value)
        #expect(details.gstin?.pan == details.pan)
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        var input = Parties.ravi
        input.pan = "AAPFU0939F"            // a firm's PAN on an individual
        input.aadhaar = "234123412347"      // wrong check digit
        input.mobile = "12345"
        input.address?.pincode = "0110"
        input.bankAccount?.ifsc = "SBIN1001234"
        input.dateOfBirth = date("2026-03-03")
        input.name = "  "
        let error = try #require(PartyValidation.validate(input, on: Parties.today).failure)
        #expect(error.problems.map(\.field) == [
            "name", "aadhaar", "mobile", "address.pincode", "bank_account.ifsc", "pan", "date_of_birth",
        ])
        #expect(error.problems.first { $0.field == "pan" }?.problem
            == "an individual's PAN has `P` as its 4th character, found `F`")
        #expect(error.problems.first { $0.field == "date_of_birth" }?.problem == "is after the business date")
        // No value given appears in what is reported.
        for secret in ["AAPFU0939F", "234123412347", "12345", "0110", "SBIN1001234"] {
            #expect(!error.description.contains(secret), "the error quotes an input value")
        }
    }

    @Test func businessesHaveNoAadhaarOrBirthDateAndTheGSTINMustBeTheirs() throws {
        var input = Parties.firm
        input.aadhaar = "234123412346"
        input.dateOfBirth = date("1990-01-01")
        input.gstin = "38AAPFU0939F1ZS"
        input.pan = "AABCB5576G"
        let error = try #require(PartyValidation.validate(input, on: Parties.today).failure)
        #expect(error.problems == [
            FieldError(field: "aadhaar", "only an individual has an Aadhaar number; give the business's PAN"),
            FieldError(field: "date_of_birth", "only an individual has a date of birth"),
            FieldError(field: "gstin", "characters 3 to 12 of the GSTIN must be the party's PAN, and are not"),
        ])
    }

    @Test func inputPrintsWithoutPersonalData() {
        #expect("\(Parties.ravi)" == "party input (individual)")
    }
}
