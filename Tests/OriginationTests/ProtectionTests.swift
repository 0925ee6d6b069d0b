import Foundation
import Identity
import Testing
@testable import Origination

/// The PII key's configuration, sealing, the blind index, Aadhaar references, masking and views.
@Suite struct ProtectionTests {
    static let key = Data((0..<32).map { UInt8(255 - $0) }).base64EncodedString()

    @Test func theKeyComesFromTheEnvironmentOrAFile() throws {
        let fromVariable = try PIIKeyring.load(environment: ["LENDLINE_PII_KEY": Self.key], mode: .production).get()
        let fromFile = try PIIKeyring.load(environment: ["LENDLINE_PII_KEY_FILE": "/run/secrets/pii"], mode: .production,
                                           readFile: { $0 == "/run/secrets/pii" ? Data((Self.key + "\n").utf8) : nil }).get()
        #expect(fromVariable.keyID == fromFile.keyID)
        #expect(!fromVariable.isDevelopmentKey)
    }

    @Test func productionRefusesAMissingShortOrDevelopmentKey() {
        #expect(PIIKeyring.load(environment: [:], mode: .production).failure == .missing)
        #expect(PIIKeyError.missing.description
            == "no key for personal data: set LENDLINE_PII_KEY to 32 random bytes in base64 (openssl rand -base64 32), "
            + "or LENDLINE_PII_KEY_FILE to a file holding them")
        let short = Data(repeating: 7, count: 16).base64EncodedString()
        #expect(PIIKeyring.load(environment: ["LENDLINE_PII_KEY": short], mode: .production).failure
            == .wrongLength(source: "LENDLINE_PII_KEY", bytes: 16))
        #expect(PIIKeyring.load(environment: ["LENDLINE_PII_KEY": "not base64!"], mode: .production).failure
            == .notBase64(source: "LENDLINE_PII_KEY"))
        #expect(PIIKeyring.load(environment: ["LENDLINE_PII_KEY_FILE": "/nope"], mode: .production, readFile: { _ in nil })
            .failure == .unreadableFile(variable: "LENDLINE_PII_KEY_FILE"))
        let development = Data(repeating: 0x4c, count: 32).base64EncodedString()
        #expect(PIIKeyring.load(environment: ["LENDLINE_PII_KEY": development], mode: .production).failure
            == .developmentKeyInProduction)
        #expect(PIIKeyring.load(environment: [:], mode: .development).value?.isDevelopmentKey == true)
    }

    @Test func aSealedFieldOpensOnlyForItsPartyFieldAndKey() throws {
        let sealer = PIISealer(testKeyring)
        let sealed = sealer.seal("ABCPE1234F", owner: "P-1", field: "pan")
        #expect(!sealed.contains("ABCPE1234F"))
        #expect(sealed.hasPrefix("pii1.\(testKeyring.keyID)."))
        #expect(sealer.open(sealed, owner: "P-1", field: "pan").value == "ABCPE1234F")
        // Sealing twice gives different text (a fresh nonce each time).
        #expect(sealer.seal("ABCPE1234F", owner: "P-1", field: "pan") != sealed)
        #expect(sealer.open(sealed, owner: "P-2", field: "pan").failure == .tampered(owner: "P-2", field: "pan"))
        #expect(sealer.open(sealed, owner: "P-1", field: "mobile").failure == .tampered(owner: "P-1", field: "mobile"))
        var bytes = Array(sealed.utf8)
        bytes[bytes.count - 3] = bytes[bytes.count - 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(sealer.open(String(decoding: bytes, as: UTF8.self), owner: "P-1", field: "pan").failure
            == .tampered(owner: "P-1", field: "pan"))
        let other = PIISealer(try PIIKeyring(masterKey: Array(repeating: 9, count: 32)))
        guard case .otherKey(_, _, let keyID)? = other.open(sealed, owner: "P-1", field: "pan").failure else {
            Issue.record("a value sealed under another key was not named as such")
            return
        }
        #expect(keyID == testKeyring.keyID)
    }

    @Test func theBlindIndexAndAadhaarReferenceAreStableKeyedAndOpaque() throws {
        let pan = try #require(PAN.parse("ABCPE1234F").value)
        let index = BlindIndex(testKeyring)
        #expect(index.index(of: pan) == index.index(of: pan))
        #expect(index.index(of: pan).count == 64)
        #expect(BlindIndex(.development).index(of: pan) != index.index(of: pan))
        let aadhaar = try #require(AadhaarNumber.parse("234123412346").value)
        let reference = index.reference(of: aadhaar)
        #expect(reference == index.reference(of: aadhaar))
        #expect(reference.lastFour == "2346")
        #expect(reference.token.hasPrefix("aadhaar-ref:") && reference.token.count == 12 + 32)
        #expect(!reference.token.contains("234123412346"))
    }

    @Test func masks() throws {
        #expect(Masking.pan(try #require(PAN.parse("ABCPE1234F").value)) == "XXXXX1234F")
        #expect(Masking.mobile(try #require(MobileNumber.parse("9876543210").value)) == "XXXXXX3210")
        #expect(Masking.account(try #require(BankAccountNumber.parse("123456781234").value)) == "XXXXXXXX1234")
        #expect(Masking.aadhaar(AadhaarReference(token: "aadhaar-ref:x", lastFour: "1234")) == "XXXX XXXX 1234")
        #expect(Masking.email(try #require(EmailAddress.parse("ravi.kumar@example.in").value)) == "r***@example.in")
        #expect(Masking.dateOfBirth(date("1988-07-14")) == "1988-XX-XX")
        // Interpolated into a message, identifiers are masked too.
        let pan = try #require(PAN.parse("ABCPE1234F").value)
        #expect("PAN \(pan)" == "PAN XXXXX1234F")
    }

    @Test func aViewIsMaskedUnlessTheViewerMaySeePersonalData() throws {
        let details = Parties.details(Parties.ravi)
        let party = Party(id: "P-1", kind: .individual, name: details.name, pan: details.pan,
                          aadhaar: details.aadhaar.map(BlindIndex(testKeyring).reference), dateOfBirth: details.dateOfBirth,
                          mobile: details.mobile, email: details.email, address: details.address,
                          bankAccount: details.bankAccount, createdOn: Parties.today)
        #expect(PIIAccess.of([.loansRead]) == .masked)
        #expect(PIIAccess.of([.loansRead, .partiesReadPII]) == .full)
        let masked = PartyView(party, for: .masked)
        #expect(masked.name == "Ravi Kumar")
        #expect(masked.pan == "XXXXX1234F")
        #expect(masked.mobile == "XXXXXX3210")
        #expect(masked.bankAccount == "XXXXXXXX1234")
        #expect(masked.aadhaar == "XXXX XXXX 2346")
        #expect(masked.dateOfBirth == "1988-XX-XX")
        #expect(masked.address == "XXXX, Maharashtra 411001")
        #expect(masked.email == "r***@example.in")
        #expect(masked.masked)
        let full = PartyView(party, for: .full)
        #expect(full.pan == "ABCPE1234F")
        #expect(full.mobile == "9876543210")
        #expect(full.bankAccount == "123456781234")
        #expect(full.aadhaar == "XXXX XXXX 2346")  // the full number is never kept, so never shown
        #expect(full.address == "12 MG Road, Pune, Maharashtra 411001")
        #expect(!full.masked)
        #expect("\(party)" == "party P-1 (individual)")
    }
}
