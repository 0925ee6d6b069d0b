import Identity
import Testing

@Suite struct TokenTests {
    let signer = TokenSigner(key: Array(repeating: 1, count: 32))
    let token = AccessToken(userID: "asha.rao", roles: ["credit-manager"], issuedAt: 1_000, expiresAt: 1_900,
                            tokenID: "t1")

    @Test func signedTokenVerifiesUntilItExpires() {
        let text = signer.sign(token)
        #expect(signer.verify(text, now: 1_000) == .success(token))
        #expect(signer.verify(text, now: 1_899) == .success(token))
        #expect(signer.verify(text, now: 1_900) == .failure(.expired(at: 1_900)))
    }

    @Test func tamperedTokenIsRefused() {
        let text = signer.sign(token)
        let forged = AccessToken(userID: "asha.rao", roles: ["admin"], issuedAt: 1_000, expiresAt: 1_900, tokenID: "t1")
        let forgedPayload = String(signer.sign(forged).split(separator: ".")[0])
        let signature = String(text.split(separator: ".")[1])
        #expect(signer.verify(forgedPayload + "." + signature, now: 1_000) == .failure(.badSignature))
        #expect(signer.verify(text + "x", now: 1_000) != .success(token))
        #expect(signer.verify("not-a-token", now: 1_000) == .failure(.malformed))
    }

    @Test func tokenFromAnotherKeyIsRefused() {
        let other = TokenSigner(key: Array(repeating: 2, count: 32))
        #expect(signer.verify(other.sign(token), now: 1_000) == .failure(.badSignature))
    }

    @Test func hmacSHA256RFC4231Case2() {
        // The HMAC the signer uses, checked against RFC 4231 test case 2 through a token's signature.
        let key = Array("Jefe".utf8) + Array(repeating: 0, count: 28)
        _ = TokenSigner(key: key)  // a 32-byte key is accepted
        #expect(Hex.encode(HMACCheck.sha256(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
