import ArgumentParser
import Catalog
import Identity
import IdentitySQL

/// `lendline users add|passwd|roles|lock|unlock|list`: staff accounts, for bootstrap and support.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage staff accounts (passwords are read from standard input).",
        subcommands: [Add.self, Password.self, Roles.self, Lock.self, Unlock.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is read from stdin.")
        @OptionGroup var options: IdentityOptions
        @Option(help: "Configuration folder whose policies/roles.yaml names the roles.") var config = "."
        @Argument(help: "The sign-in name, e.g. asha.rao.") var id: String
        @Option(help: "The name shown in the audit log.") var name: String
        @Option(name: .customLong("role"), help: "A role of policies/roles.yaml (repeatable).") var roles: [String]
        @Flag(help: "Give the user a TOTP second factor; its secret is printed once.") var totp = false

        func run() throws {
            guard StaffUser.isValidID(id) else { throw refusal(IdentityError.invalidUserID(id).description) }
            try checkRoles(roles, config: config)
            let password = try readPassword()
            let secret = totp ? Base32.encode(SecureRandom.bytes(20)) : nil
            let hash = try PasswordHasher().hash(password)
            let user = StaffUser(id: id, displayName: name, roles: roles, passwordHash: hash, totpSecret: secret)
            do { try SQLIdentityStore(options.open()).insertUser(user) } catch let error as IdentityError {
                throw refusal(error.description)
            }
            print("added \(id) (\(roles.joined(separator: ", ")))")
            if let secret {
                print("TOTP secret (shown once): \(secret)")
                print("otpauth://totp/Lendline:\(id)?secret=\(secret)&issuer=Lendline")
            }
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd", abstract: "Set a user's password from stdin.")
        @OptionGroup var options: IdentityOptions
        @Argument var id: String

        func run() throws {
            let hash = try PasswordHasher().hash(try readPassword())
            try modify(options, id) { $0.passwordHash = hash; $0.unlock() }
            print("password of \(id) changed")
        }
    }

    struct Roles: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a user's roles.")
        @OptionGroup var options: IdentityOptions
        @Option(help: "Configuration folder whose policies/roles.yaml names the roles.") var config = "."
        @Argument var id: String
        @Option(name: .customLong("role"), help: "A role of policies/roles.yaml (repeatable).") var roles: [String]

        func run() throws {
            try checkRoles(roles, config: config)
            try modify(options, id) { $0.roles = roles }
            print("\(id): \(roles.joined(separator: ", "))")
        }
    }

    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user: sign-in and their tokens stop working.")
        @OptionGroup var options: IdentityOptions
        @Argument var id: String

        func run() throws {
            try modify(options, id) { $0.disabled = true }
            print("\(id) locked")
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a user and clear a lock-out.")
        @OptionGroup var options: IdentityOptions
        @Argument var id: String

        func run() throws {
            try modify(options, id) { $0.disabled = false; $0.unlock() }
            print("\(id) unlocked")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users, their roles and state.")
        @OptionGroup var options: IdentityOptions

        func run() throws {
            let now = unixNow()
            for user in try SQLIdentityStore(options.open()).users() {
                let state = user.disabled ? "disabled" : user.isLocked(at: now) ? "locked out" : "active"
                let totp = user.totpSecret == nil ? "" : ", totp"
                print("\(user.id)\t\(user.displayName)\t\(user.roles.joined(separator: ","))\t\(state)\(totp)")
            }
        }
    }
}

/// Changes user `id`, or exits 2 when there is none.
func modify(_ options: IdentityOptions, _ id: String, _ change: (inout StaffUser) -> Void) throws {
    guard try SQLIdentityStore(options.open()).modifyUser(id, change) != nil else {
        throw refusal(IdentityError.noSuchUser(id).description)
    }
}

/// Exits 2 unless every role is one of the configuration's `policies/roles.yaml`.
func checkRoles(_ roles: [String], config: String) throws {
    guard !roles.isEmpty else { throw refusal("give at least one --role") }
    let catalog: Catalog
    switch CatalogCompiler.load(directory: config) {
    case .success(let compiled): catalog = compiled
    case .failure(let error): throw refusal("the configuration does not compile:\n" + DiagnosticsReport.render(error))
    }
    let known = catalog.roles?.roles.map(\.id) ?? []
    for role in roles where !known.contains(role) {
        throw refusal(IdentityError.unknownRole(role).description + "; roles: " + known.joined(separator: ", "))
    }
}
