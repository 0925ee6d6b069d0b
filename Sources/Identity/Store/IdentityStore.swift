/// Why a change to users or keys is refused.
public enum IdentityError: Error, Sendable, Hashable, CustomStringConvertible {
    case userExists(String)
    case noSuchUser(String)
    case invalidUserID(String)
    case unknownRole(String)
    case noSuchAPIKey(String)

    public var description: String {
        switch self {
        case .userExists(let id): "user `\(id)` already exists"
        case .noSuchUser(let id): "no user `\(id)`"
        case .invalidUserID(let id):
            "`\(id)` cannot be a user id: use 1 to 64 lower-case letters, digits, `.`, `_` or `-`"
        case .unknownRole(let role): "`\(role)` is not a role of policies/roles.yaml"
        case .noSuchAPIKey(let id): "no API key `\(id)`"
        }
    }
}

/// Where staff users, partner API keys and the token signing key are kept. Implementations are
/// thread-safe; `modifyUser` is atomic (two failed sign-ins at once both count).
public protocol IdentityStore: Sendable {
    func user(_ id: String) throws -> StaffUser?
    /// Every user, by id.
    func users() throws -> [StaffUser]
    /// Adds `user`; `IdentityError.userExists` when the id is taken.
    func insertUser(_ user: StaffUser) throws
    /// Changes the stored user `id` with `body` in one transaction; nil when there is no such user.
    @discardableResult
    func modifyUser<R>(_ id: String, _ body: (inout StaffUser) throws -> R) throws -> R?

    func apiKey(_ id: String) throws -> APIKey?
    /// Every key, revoked ones too, by creation.
    func apiKeys() throws -> [APIKey]
    func insertAPIKey(_ key: APIKey) throws
    /// Marks key `id` revoked at `now` (Unix seconds); false when there is no such key.
    func revokeAPIKey(_ id: String, at now: Int64) throws -> Bool

    /// The token signing key kept in the database, created with `make` the first time.
    func signingKey(creating make: () -> [UInt8]) throws -> [UInt8]
}

/// Where the token signing key comes from: `LENDLINE_TOKEN_KEY` (base64url or hex, ≥ 32 bytes) when
/// set, else the database (created on first use), so every server of one database agrees.
public enum TokenKey {
    /// The key bytes; throws `TokenKeyError` when the environment's value is unusable.
    public static func resolve(environment: [String: String], store: any IdentityStore) throws -> [UInt8] {
        if let text = environment["LENDLINE_TOKEN_KEY"] {
            guard let bytes = Hex.decode(text) ?? Base64URL.decode(text), bytes.count >= 32 else {
                throw TokenKeyError()
            }
            return bytes
        }
        return try store.signingKey { SecureRandom.bytes(32) }
    }
}

/// `LENDLINE_TOKEN_KEY` is set but is not 32 or more bytes of hex or base64url.
public struct TokenKeyError: Error, Sendable, CustomStringConvertible {
    public var description: String { "LENDLINE_TOKEN_KEY must be at least 32 bytes, written in hex or base64url" }
}
