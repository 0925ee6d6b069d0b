/// What a staff sign-in token says: who, with which roles, when it was issued and when it expires.
public struct AccessToken: Sendable, Hashable {
    public let userID: String
    public let roles: [String]
    /// Unix seconds.
    public let issuedAt: Int64
    /// Unix seconds; the token is refused from this instant on.
    public let expiresAt: Int64
    /// A random id, so a token can be named in the audit log and revoked later.
    public let tokenID: String

    public init(userID: String, roles: [String], issuedAt: Int64, expiresAt: Int64, tokenID: String) {
        self.userID = userID
        self.roles = roles
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.tokenID = tokenID
    }

    /// The compact payload: `v1|user|role,role|issued|expires|id`. Ids never hold `|` or `,`
    /// (`StaffUser.isValidID`, role ids are lower-case words).
    var payload: String {
        ["v1", userID, roles.joined(separator: ","), String(issuedAt), String(expiresAt), tokenID]
            .joined(separator: "|")
    }

    init?(payload: String) {
        let fields = payload.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6, fields[0] == "v1", !fields[1].isEmpty,
              let issued = Int64(fields[3]), let expires = Int64(fields[4]), !fields[5].isEmpty
        else { return nil }
        self.init(userID: fields[1], roles: fields[2].split(separator: ",").map(String.init), issuedAt: issued,
                  expiresAt: expires, tokenID: fields[5])
    }
}
