import Crypto
import Foundation

/// Keyed digests that stand in for identifiers: the PAN blind index (find a party by PAN without
/// opening every row) and the Aadhaar vault token (a reference in place of the number). Both are
/// HMAC-SHA256 under keys derived from the PII key, so they cannot be computed without it.
public struct BlindIndex: Sendable {
    let keyring: PIIKeyring

    public init(_ keyring: PIIKeyring) { self.keyring = keyring }

    /// The index of `pan`: 64 hex characters.
    public func index(of pan: PAN) -> String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Data("pan|\(pan.value)".utf8), using: keyring.indexKey))
    }

    /// The vault reference of an Aadhaar number: the same number always gives the same reference.
    public func reference(of aadhaar: AadhaarNumber) -> AadhaarReference {
        let code = HMAC<SHA256>.authenticationCode(for: Data("aadhaar|\(aadhaar.digits)".utf8), using: keyring.tokenKey)
        return AadhaarReference(token: "aadhaar-ref:" + String(Self.hex(code).prefix(32)), lastFour: aadhaar.lastFour)
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
