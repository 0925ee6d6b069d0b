import ArgumentParser
import Identity
import IdentitySQL

/// `lendline api-keys create|revoke|list`: partner systems' keys, scoped to permissions.
struct APIKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-keys", abstract: "Manage partner API keys (a key is shown once, at creation).",
        subcommands: [Create.self, Revoke.self, List.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key; prints it once.")
        @OptionGroup var options: IdentityOptions
        @Option(help: "Who the key is for, e.g. payment-gateway.") var name: String
        @Option(name: .customLong("scope"), help: "A permission the key carries, e.g. repayments.post (repeatable).")
        var scopes: [String]

        func run() throws {
            var permissions: Set<Permission> = []
            for scope in scopes {
                guard let permission = Permission(rawValue: scope) else {
                    throw refusal("`\(scope)` is not a permission; permissions: "
                        + Permission.allCases.map(\.rawValue).joined(separator: ", "))
                }
                permissions.insert(permission)
            }
            guard !permissions.isEmpty else { throw refusal("give at least one --scope") }
            var random = SystemRandomNumberGenerator()
            let (key, text) = APIKey.issue(name: name, scopes: permissions, at: unixNow(), using: &random)
            try SQLIdentityStore(options.open()).insertAPIKey(key)
            print("key \(key.id) for \(name) (shown once; store it now):\n\(text)")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key by its id.")
        @OptionGroup var options: IdentityOptions
        @Argument var id: String

        func run() throws {
            guard try SQLIdentityStore(options.open()).revokeAPIKey(id, at: unixNow()) else {
                throw refusal(IdentityError.noSuchAPIKey(id).description)
            }
            print("key \(id) revoked")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys: id, name, scopes, state.")
        @OptionGroup var options: IdentityOptions

        func run() throws {
            for key in try SQLIdentityStore(options.open()).apiKeys() {
                let scopes = key.scopes.map(\.rawValue).sorted().joined(separator: ",")
                print("\(key.id)\t\(key.name)\t\(scopes)\t\(key.revokedAt == nil ? "active" : "revoked")")
            }
        }
    }
}
