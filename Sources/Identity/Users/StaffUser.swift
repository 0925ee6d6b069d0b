/// A member of staff who signs in: roles from `policies/roles.yaml`, a scrypt password hash, an
/// optional TOTP second factor, and the lock-out state that repeated failures build up.
public struct StaffUser: Sendable, Hashable {
    /// The sign-in name, e.g. `asha.rao`: lower-case letters, digits, `.`, `_`, `-`.
    public let id: String
    public var displayName: String
    public var roles: [String]
    /// `PasswordHasher`'s encoded hash; never the password.
    public var passwordHash: String
    /// The TOTP secret (base32) when the user has a second factor.
    public var totpSecret: String?
    /// The last TOTP step accepted, so a code is not accepted twice.
    public var totpLastStep: Int64?
    /// Failed sign-ins since the last success or lock-out.
    public var failedAttempts: Int
    /// Unix seconds until which sign-in is refused.
    public var lockedUntil: Int64?
    public var disabled: Bool

    public init(id: String, displayName: String, roles: [String], passwordHash: String, totpSecret: String? = nil,
                totpLastStep: Int64? = nil, failedAttempts: Int = 0, lockedUntil: Int64? = nil,
                disabled: Bool = false) {
        self.id = id
        self.displayName = displayName
        self.roles = roles
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.totpLastStep = totpLastStep
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
        self.disabled = disabled
    }

    /// Longest user id accepted.
    public static let maxIDLength = 64

    /// Whether `id` can name a user (it travels inside tokens and audit rows).
    public static func isValidID(_ id: String) -> Bool {
        (1...maxIDLength).contains(id.count)
            && id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0)) }
    }

    /// Whether the account is locked at Unix time `now`.
    public func isLocked(at now: Int64) -> Bool { lockedUntil.map { now < $0 } ?? false }
}
