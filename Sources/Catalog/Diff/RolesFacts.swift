import Identity

/// Changes to `policies/roles.yaml` in a compliance officer's words:
/// `role credit-manager: + restructures.approve`, `roles: new role treasury (…)`,
/// `roles: waivers maker-checker waivers.request / waivers.approve → …`, `roles: token minutes 15 → 10`.
enum RolesFacts {
    static let label = "roles"

    static func changes(_ old: AccessPolicy?, _ new: AccessPolicy?) -> [String] {
        switch (old, new) {
        case (nil, nil): return []
        case (nil, _?): return ["new \(label) (\(AccessPolicy.path))"]
        case (_?, nil): return ["removed \(label) (\(AccessPolicy.path))"]
        case (let old?, let new?): return roleChanges(old, new) + CatalogDiff.factChanges(label, facts(old), facts(new))
        }
    }

    /// Added and removed roles, and each kept role's permissions gained (+) and lost (−).
    static func roleChanges(_ old: AccessPolicy, _ new: AccessPolicy) -> [String] {
        let ids = old.roles.map(\.id) + new.roles.map(\.id).filter { old.role($0) == nil }
        return ids.compactMap { id in
            switch (old.role(id), new.role(id)) {
            case (nil, let added?): return "\(label): new role \(id) (\(names(added.permissions)))"
            case (_?, nil): return "\(label): removed role \(id)"
            case (let before?, let after?):
                let gained = after.permissions.subtracting(before.permissions)
                let lost = before.permissions.subtracting(after.permissions)
                let parts = sorted(gained).map { "+ \($0)" } + sorted(lost).map { "− \($0)" }
                return parts.isEmpty ? nil : "role \(id): " + parts.joined(separator: ", ")
            default: return nil
            }
        }
    }

    /// Maker-checker pairs and sign-in settings as labelled facts.
    static func facts(_ policy: AccessPolicy) -> [(label: String, value: String)] {
        let pairs = policy.makerChecker.map {
            ("\($0.name) maker-checker", "\($0.request.rawValue) / \($0.approve.rawValue)")
        }
        let s = policy.signIn
        return pairs + [("token minutes", "\(s.tokenLifetimeSeconds / 60)"),
                        ("failed attempts before lock-out", "\(s.failedAttemptsBeforeLockout)"),
                        ("lock-out minutes", "\(s.lockoutSeconds / 60)")]
    }

    static func sorted(_ permissions: Set<Permission>) -> [String] { permissions.map(\.rawValue).sorted() }
    static func names(_ permissions: Set<Permission>) -> String { sorted(permissions).joined(separator: ", ") }
}
