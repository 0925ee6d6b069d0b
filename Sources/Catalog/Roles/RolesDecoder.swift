import Identity
import Rules

/// Reads `policies/roles.yaml` strictly: known permissions only (with a suggestion), each role's
/// permissions once, maker-checker pairs of two different permissions that no single role holds both
/// of, and sign-in settings within bounds.
struct RolesDecoder {
    let log: DiagnosticLog

    /// A role with where each of its permissions is written.
    typealias LocatedRole = (role: RoleDefinition, permissions: [Located<Permission>])

    /// The policy in `root`; nil when a part could not be read (every problem is reported).
    func decode(_ root: ConfigNode) -> AccessPolicy? {
        let schema = Schemas.roles
        guard let reader = MappingReader(root, owner: nil, keys: schema.keys, log: log) else { return nil }
        _ = reader.optional("description", .text)
        let roles = reader.requiredEntry("roles").flatMap(roles)
        let pairs = reader.requiredEntry("maker_checker").flatMap(pairs)
        let signIn = reader.requiredEntry("sign_in").flatMap(signIn)
        if let roles, let pairs { checkSegregation(roles, pairs) }
        guard let roles, let pairs, let signIn, !log.hasErrors else { return nil }
        return AccessPolicy(roles: roles.map(\.role), makerChecker: pairs, signIn: signIn)
    }

    /// The entries of a mapping whose keys the author chooses; reported when it is not a mapping.
    func entries(_ entry: ConfigEntry, noun: String) -> [ConfigEntry]? {
        guard let entries = entry.value.entries else {
            log.error("expected `\(entry.key)` to be a mapping of \(noun), found \(entry.value.kindDescription)",
                      at: entry.value)
            return nil
        }
        let id = ScalarParser.identifier(example: "credit-manager")
        for item in entries {
            guard case .problem = id.read(item.key, item.key) else { continue }
            log.error("`\(item.key)` cannot be an id here: use lower-case words joined by hyphens, "
                + "such as `credit-manager`", atKey: item)
        }
        return entries
    }

    func roles(_ entry: ConfigEntry) -> [LocatedRole]? {
        guard let entries = entries(entry, noun: "roles by id") else { return nil }
        if entries.isEmpty { log.error("`roles` needs at least one role", atKey: entry) }
        return entries.compactMap(role)
    }

    func role(_ entry: ConfigEntry) -> LocatedRole? {
        guard let reader = MappingReader(entry, keys: Schemas.role.keys, log: log) else { return nil }
        let description = reader.required("description", .text)
        guard let list = reader.list("permissions") else {
            if reader.entry("permissions") == nil { reader.reportMissing("permissions") }
            return nil
        }
        var permissions: [Located<Permission>] = []
        for item in list.items {
            let key = "roles.\(entry.key).permissions"
            let parser: ScalarParser<Permission> = .word("a permission")
            guard let permission = MappingReader.read(item, key: key, parser, log: log) else { continue }
            if let earlier = permissions.first(where: { $0.value == permission.value }) {
                log.error("role `\(entry.key)` grants `\(permission.value.rawValue)` twice "
                    + "(first on line \(earlier.location.line))", at: permission)
                continue
            }
            permissions.append(permission)
        }
        guard let description else { return nil }
        let role = RoleDefinition(id: entry.key, description: description.value,
                                  permissions: Set(permissions.map(\.value)))
        return (role, permissions)
    }

    func pairs(_ entry: ConfigEntry) -> [MakerCheckerPair]? {
        guard let entries = entries(entry, noun: "maker-checker pairs") else { return nil }
        return entries.compactMap { item -> MakerCheckerPair? in
            guard let reader = MappingReader(item, keys: Schemas.makerCheckerPair.keys, log: log) else { return nil }
            let request: Located<Permission>? = reader.required("request", .word("a permission"))
            let approve: Located<Permission>? = reader.required("approve", .word("a permission"))
            guard let request, let approve else { return nil }
            guard request.value != approve.value else {
                log.error("`\(item.key)` needs two different permissions: one to request, one to approve", at: approve)
                return nil
            }
            return MakerCheckerPair(name: item.key, request: request.value, approve: approve.value)
        }
    }

    func signIn(_ entry: ConfigEntry) -> SignInSettings? {
        guard let reader = MappingReader(entry, keys: Schemas.signIn.keys, log: log) else { return nil }
        let token = reader.required("token_minutes", .integer(1...1_440))
        let attempts = reader.required("failed_attempts", .integer(1...100))
        let lockout = reader.required("lockout_minutes", .integer(1...10_080))
        guard let token, let attempts, let lockout else { return nil }
        return SignInSettings(tokenLifetimeSeconds: Int64(token.value) * 60,
                              failedAttemptsBeforeLockout: attempts.value, lockoutSeconds: Int64(lockout.value) * 60)
    }

    /// A role may not hold both halves of a maker-checker pair.
    func checkSegregation(_ roles: [LocatedRole], _ pairs: [MakerCheckerPair]) {
        for (role, permissions) in roles {
            for pair in pairs where role.permissions.contains(pair.request) && role.permissions.contains(pair.approve) {
                guard let approve = permissions.first(where: { $0.value == pair.approve }) else { continue }
                log.error("role `\(role.id)` grants both `\(pair.request.rawValue)` and `\(pair.approve.rawValue)`; "
                    + "\(pair.name) need a maker and a different checker, so give them to different roles", at: approve)
            }
        }
    }
}
