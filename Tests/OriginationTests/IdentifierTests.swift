import Testing
@testable import Origination

/// PAN, Aadhaar and GSTIN against published valid and invalid examples. Messages name the rule and
/// never quote the number.
@Suite struct IdentifierTests {
    // python-stdnum, stdnum/in_/pan.py doctests: ACUPA7085R and AAPPV8261K are valid PANs.
    @Test(arguments: ["ACUPA7085R", "AAPPV8261K", "ABCPE1234F", " abcpe1234f "])
    func validPANs(_ text: String) throws {
        let pan = try #require(PAN.parse(text).value)
        #expect(pan.value == FieldText.trimmed(text).uppercased())
        #expect(pan.holderType == .individual)
    }

    @Test func panHolderTypes() throws {
        #expect(try #require(PAN.parse("AAPFU0939F").value).holderType == .firm)
        #expect(try #require(PAN.parse("AABCB5576G").value).holderType == .company)
    }

    @Test func invalidPANsSayWhatIsWrong() {
        // python-stdnum doctests: 234123412347 has the wrong length, ABMPA32111 ends in a digit,
        // ABMXA3211G has an unknown holder type.
        #expect(problem(PAN.parse("234123412347")) == "a PAN has 10 characters (5 letters, 4 digits, 1 letter), found 12")
        #expect(problem(PAN.parse("ABMPA32111")) == "the 10th character of a PAN must be a letter, found `1`")
        #expect(problem(PAN.parse("ABMXA3211G"))
            == "the 4th character of a PAN is the holder type (one of P, C, H, F, A, T, B, L, J, G), found `X`")
        #expect(problem(PAN.parse("AB1PE1234F")) == "the 3rd character of a PAN must be a letter, found `1`")
        #expect(problem(PAN.parse("ABCPE12X4F")) == "the 8th character of a PAN must be a digit, found `X`")
        #expect(problem(PAN.parse("ABCPE0000F")) == "the serial number of a PAN (characters 6 to 9) runs from 0001 to 9999, found 0000")
        #expect(PAN.parse("ABMXA3211G").failure?.field == "pan")
    }

    @Test func aadhaarNumbers() throws {
        // python-stdnum, stdnum/in_/aadhaar.py doctests.
        let valid = try #require(AadhaarNumber.parse("2341 2341 2346").value)
        #expect(valid.digits == "234123412346")
        #expect(valid.lastFour == "2346")
        #expect("\(valid)" == "XXXX XXXX 2346")
        #expect(problem(AadhaarNumber.parse("234123412347"))
            == "the last digit of an Aadhaar number does not match its Verhoeff check digit; the number is mistyped")
        #expect(problem(AadhaarNumber.parse("123412341234")) == "an Aadhaar number does not start with 0 or 1")
        #expect(problem(AadhaarNumber.parse("643343121")) == "an Aadhaar number has 12 digits, found 9")
        #expect(problem(AadhaarNumber.parse("2341-2341-234X")) == "an Aadhaar number holds digits only")
    }

    /// The widely published sample GSTIN, e.g. python-stdnum's stdnum/in_/gstin.py doctest
    /// `validate('27AAPFU0939F1ZV')`. Its check character by hand (values 0–9 → 0–9, A–Z → 10–35;
    /// factors 1, 2, 1, …; each product adds quotient + remainder by 36):
    ///   2·1=2, 7·2=14, A 10·1=10, A 10·2=20, P 25·1=25, F 15·2=30, U 30·1=30, 0·2=0, 9·1=9, 3·2=6,
    ///   9·1=9, F 15·2=30, 1·1=1, Z 35·2=70 → 1+34=35; sum 221; 221 mod 36 = 5; 36 − 5 = 31 = `V`.
    @Test func publishedSampleGSTIN() throws {
        #expect(GSTINCheck.character(for: "27AAPFU0939F1Z") == "V")
        let gstin = try #require(GSTIN.parse("27aapfu0939f1zv").value)
        #expect(gstin.value == "27AAPFU0939F1ZV")
        #expect(gstin.stateCode == 27)
        #expect(gstin.pan.value == "AAPFU0939F")
    }

    @Test func invalidGSTINsSayWhatIsWrong() {
        // python-stdnum doctests: wrong check character, short, not a GSTIN at all, serial 0000.
        #expect(problem(GSTIN.parse("27AAPFU0939F1ZO"))
            == "the 15th character of a GSTIN does not match the check character of the first 14; the number is mistyped")
        #expect(problem(GSTIN.parse("27AAPFU0939F1Z")) == "a GSTIN has 15 characters, found 14")
        #expect(problem(GSTIN.parse("369296450896540"))
            == "characters 3 to 12 of a GSTIN are the holder's PAN: the 1st character of a PAN must be a letter, found `9`")
        #expect(problem(GSTIN.parse("27AAPFU0000F1ZV"))
            == "characters 3 to 12 of a GSTIN are the holder's PAN: the serial number of a PAN (characters 6 to 9) runs from 0001 to 9999, found 0000")
        #expect(problem(GSTIN.parse("40AAPFU0939F1ZV")) == "the state code of a GSTIN is 01 to 38, 97 or 99, found 40")
        #expect(problem(GSTIN.parse("27AAPFU0939F1YV")) == "the 14th character of a GSTIN is `Z`, found `Y`")
        #expect(problem(GSTIN.parse("27AAPFU0939F0ZV")) == "the 13th character of a GSTIN is the entity number (1–9, then A–Z), found `0`")
        #expect(problem(GSTIN.parse("27AAPFU0939F1Z*")) == "the 15th character of a GSTIN must be a letter or a digit, found `*`")
    }

    /// 38 (Ladakh), 97 (other territory) and 99 (centre jurisdiction) are in the GST state-code list
    /// (e.g. Forbes India, "GST state code list", 2024); 00 and 39 are not.
    @Test func stateCodes() {
        #expect(GSTIN.stateCodes.contains(38) && GSTIN.stateCodes.contains(97) && GSTIN.stateCodes.contains(99))
        #expect(!GSTIN.stateCodes.contains(0) && !GSTIN.stateCodes.contains(39) && !GSTIN.stateCodes.contains(98))
        // The same holder and entity in Ladakh: check character worked out by the rule above.
        // 3·1=3, 8·2=16, then as before from A (10) to Z (35): 10+20+25+30+30+0+9+6+9+30+1+35 = 205;
        // sum 224; 224 mod 36 = 8; 36 − 8 = 28 = `S`.
        #expect(GSTINCheck.character(for: "38AAPFU0939F1Z") == "S")
        #expect(GSTIN.parse("38AAPFU0939F1ZS").value != nil)
    }
}
