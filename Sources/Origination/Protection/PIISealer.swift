import Crypto
import Foundation

/// Seals and opens personal fields with AES-256-GCM. Each value is bound to its party and field
/// (authenticated data), so a sealed value copied to another row or column does not open. Sealed
/// text: `pii1.<key id>.<base64 of nonce ‖ ciphertext ‖ tag>`.
public struct PIISealer: Sendable {
    let keyring: PIIKeyring

    public init(_ keyring: PIIKeyring) { self.keyring = keyring }

    static let prefix = "pii1"

    /// `plain` sealed for `field` of `owner` (a party id or message id).
    public func seal(_ plain: String, owner: String, field: String) -> String {
        let box = try! AES.GCM.seal(Data(plain.utf8), using: keyring.sealingKey,
                                    authenticating: Self.context(owner: owner, field: field))
        // The default 12-byte nonce always gives a combined representation.
        return "\(Self.prefix).\(keyring.keyID).\(box.combined!.base64EncodedString())"
    }

    /// The plain text of `sealed`, or why it cannot be opened (without quoting it).
    public func open(_ sealed: String, owner: String, field: String) -> Result<String, PIIError> {
        let parts = sealed.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.prefix, let data = Data(base64Encoded: String(parts[2])) else {
            return .failure(.malformed(owner: owner, field: field))
        }
        guard parts[1] == keyring.keyID else {
            return .failure(.otherKey(owner: owner, field: field, keyID: String(parts[1])))
        }
        guard let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: keyring.sealingKey,
                                            authenticating: Self.context(owner: owner, field: field)),
              let text = String(data: plain, encoding: .utf8)
        else { return .failure(.tampered(owner: owner, field: field)) }
        return .success(text)
    }

    static func context(owner: String, field: String) -> Data { Data("lendline-pii|\(owner)|\(field)".utf8) }
}

/// Why a sealed field could not be opened.
public enum PIIError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformed(owner: String, field: String)
    case otherKey(owner: String, field: String, keyID: String)
    /// The ciphertext was altered, or belongs to another party or field.
    case tampered(owner: String, field: String)

    public var description: String {
        switch self {
        case .malformed(let owner, let field): "\(field) of \(owner) is not a sealed value"
        case .otherKey(let owner, let field, let keyID):
            "\(field) of \(owner) was sealed with key \(keyID), not the configured key"
        case .tampered(let owner, let field):
            "\(field) of \(owner) does not open: it was altered or belongs to another record"
        }
    }
}
