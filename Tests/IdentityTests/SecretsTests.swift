import Identity
import Testing

/// Figures from the RFCs, not from the code under test.
@Suite struct SecretsTests {
    /// RFC 6238 Appendix B, SHA-1, seed "12345678901234567890", 8 digits.
    @Test(arguments: [
        (Int64(59), "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func totpRFC6238(_ time: Int64, _ expected: String) {
        let totp = TOTP(secret: Array("12345678901234567890".utf8), digits: 8)
        #expect(totp.code(at: time) == expected)
        // Six digits are the last six of the same truncated value.
        #expect(TOTP(secret: Array("12345678901234567890".utf8)).code(at: time) == String(expected.suffix(6)))
    }

    @Test func totpAcceptsOneStepOfDriftAndNoReplay() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        // 287082 is the code of step 1 (T = 59 s, RFC 6238).
        #expect(totp.matchingStep("287082", at: 59) == 1)
        #expect(totp.matchingStep("287082", at: 89) == 1)  // one step late
        #expect(totp.matchingStep("287082", at: 29) == 1)  // one step early
        #expect(totp.matchingStep("287082", at: 95) == nil)  // two steps late
        #expect(totp.matchingStep("287082", at: 59, after: 1) == nil)  // already used
    }

    @Test func base32RoundTripsRFC4648() {
        // RFC 4648 §10: BASE32("foobar") = "MZXW6YTBOI======".
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("MZXW6YTBOI======") == Array("foobar".utf8))
    }

    /// RFC 7914 §12: scrypt("password", "NaCl", N = 1024, r = 8, p = 16, dkLen = 64).
    @Test func scryptRFC7914() throws {
        let key = try PasswordHasher.derive(
            Array("password".utf8), salt: Array("NaCl".utf8),
            parameters: ScryptParameters(logRounds: 10, blockSize: 8, parallelism: 16), byteCount: 64)
        #expect(Hex.encode(key) == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
            + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    }

    @Test func passwordHashCarriesItsParameters() throws {
        let hasher = PasswordHasher(parameters: ScryptParameters(logRounds: 4, blockSize: 8, parallelism: 1))
        let encoded = try hasher.hash("correct horse battery", salt: Array(repeating: 7, count: 16))
        #expect(encoded.hasPrefix("$scrypt$ln=4,r=8,p=1$"))
        #expect(PasswordHasher.verify("correct horse battery", against: encoded))
        #expect(!PasswordHasher.verify("correct horse batterz", against: encoded))
        #expect(!PasswordHasher.verify("correct horse battery", against: "$scrypt$ln=99,r=8,p=1$AAAA$AAAA"))
        #expect(!hasher.needsRehash(encoded))
        #expect(PasswordHasher().needsRehash(encoded))
    }
}
