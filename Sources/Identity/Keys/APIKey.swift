import Crypto

/// A partner system's API key as stored: a public prefix to find it by, the SHA-256 of the whole key
/// (the key itself is shown once, at creation), and the permissions it carries as scopes.
public struct APIKey: Sendable, Hashable {
    /// The key's id and lookup prefix, e.g. `3f9a1c2e`.
    public let id: String
    /// Who the key is for, e.g. `payment-gateway`.
    public let name: String
    public let scopes: Set<Permission>
    /// Hex SHA-256 of the whole key text.
    public let keyHash: String
    /// Unix seconds.
    public let createdAt: Int64
    public var revokedAt: Int64?

    public init(id: String, name: String, scopes: Set<Permission>, keyHash: String, createdAt: Int64,
                revokedAt: Int64? = nil) {
        self.id = id
        self.name = name
        self.scopes = scopes
        self.keyHash = keyHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Key texts start with this: `llk_<id>_<secret>`.
    public static let marker = "llk"

    /// A new key for `name` with `scopes`: the record to store and the text to show once.
    public static func issue(name: String, scopes: Set<Permission>, at now: Int64,
                             using generator: inout some RandomNumberGenerator) -> (key: APIKey, text: String) {
        let id = Hex.encode(SecureRandom.bytes(4, using: &generator))
        let text = "\(marker)_\(id)_" + Base64URL.encode(SecureRandom.bytes(32, using: &generator))
        return (APIKey(id: id, name: name, scopes: scopes, keyHash: digest(text), createdAt: now), text)
    }

    /// The id part of a key text, or nil when the text is not shaped like a key.
    public static func id(of text: String) -> String? {
        let parts = text.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard text.utf8.count <= 256, parts.count == 3, parts[0] == marker, parts[1].count == 8,
              Hex.decode(String(parts[1])) != nil, !parts[2].isEmpty
        else { return nil }
        return String(parts[1])
    }

    /// Whether `text` is this key (constant-time) and the key is not revoked.
    public func accepts(_ text: String) -> Bool {
        revokedAt == nil && ConstantTime.equal(Array(Self.digest(text).utf8), Array(keyHash.utf8))
    }

    /// Hex SHA-256 of a key text.
    public static func digest(_ text: String) -> String { Hex.encode(SHA256.hash(data: Array(text.utf8))) }
}
