import Crypto

/// Why a bearer token is refused.
public enum TokenError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformed
    case badSignature
    case expired(at: Int64)
    case notYetValid

    public var description: String {
        switch self {
        case .malformed: "the token is malformed"
        case .badSignature: "the token's signature does not match"
        case .expired: "the token has expired; sign in again"
        case .notYetValid: "the token was issued in the future"
        }
    }
}

/// Signs and checks bearer tokens: `base64url(payload).base64url(HMAC-SHA256(key, payload))`.
public struct TokenSigner: Sendable {
    let key: SymmetricKey
    /// Clock difference between servers tolerated for `issuedAt`.
    static let skewSeconds: Int64 = 60

    /// A signer with `key` (at least 32 bytes: from `LENDLINE_TOKEN_KEY` or the database).
    public init(key: [UInt8]) {
        precondition(key.count >= 32, "a token signing key needs at least 32 bytes")
        self.key = SymmetricKey(data: key)
    }

    /// The bearer token for `token`.
    public func sign(_ token: AccessToken) -> String {
        let payload = Array(token.payload.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: payload, using: key)
        return Base64URL.encode(payload) + "." + Base64URL.encode(mac)
    }

    /// The token `text` carries when its signature matches and it is valid at Unix time `now`.
    public func verify(_ text: String, now: Int64) -> Result<AccessToken, TokenError> {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.utf8.count <= 2_048, parts.count == 2, let payload = Base64URL.decode(parts[0]),
              let mac = Base64URL.decode(parts[1])
        else { return .failure(.malformed) }
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: key) else {
            return .failure(.badSignature)
        }
        guard let token = AccessToken(payload: String(decoding: payload, as: UTF8.self)) else {
            return .failure(.malformed)
        }
        guard now < token.expiresAt else { return .failure(.expired(at: token.expiresAt)) }
        guard token.issuedAt <= now + Self.skewSeconds else { return .failure(.notYetValid) }
        return .success(token)
    }
}
