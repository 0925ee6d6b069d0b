/// The kind of a general-ledger account, which decides the side its balance normally sits on.
public enum AccountType: String, Sendable, Hashable, CaseIterable {
    case asset, liability, income, expense
    /// An asset account with a credit balance that reduces another (provision against advances).
    case contraAsset = "contra-asset"

    /// Whether the balance normally sits on the debit side (assets and expenses).
    public var isDebitNormal: Bool { self == .asset || self == .expense }

    /// "an asset", "a contra-asset", for messages.
    var withArticle: String { (self == .asset || self == .income || self == .expense ? "an " : "a ") + rawValue }
}

/// One account of the lender's chart, e.g. 1100 Loans and advances — principal (asset).
public struct Account: Sendable, Hashable {
    /// The account's code in the general ledger, digits such as `1100`.
    public let code: String
    public let name: String
    public let type: AccountType

    public init(code: String, name: String, type: AccountType) {
        self.code = code
        self.name = name
        self.type = type
    }
}

/// The lender's chart of accounts and the account each posting role goes to, read from
/// `policies/accounting.yaml`. Every role is mapped, to an account of a type the role allows.
public struct ChartOfAccounts: Sendable, Hashable {
    /// Where the chart lives in a configuration tree.
    public static let path = "policies/accounting.yaml"

    /// The accounts in file order.
    public let accounts: [Account]
    /// The account each role posts to; every role is present.
    public let postingMap: [PostingRole: Account]

    /// The chart, or nil when codes repeat, or a role is unmapped or maps to a missing account or
    /// to an account of a type it does not allow (the loader reports each of these with its place).
    public init?(accounts: [Account], roles: [PostingRole: String]) {
        let byCode = Dictionary(accounts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        guard byCode.count == accounts.count else { return nil }
        var map: [PostingRole: Account] = [:]
        for role in PostingRole.allCases {
            guard let code = roles[role], let account = byCode[code], role.allowedTypes.contains(account.type) else {
                return nil
            }
            map[role] = account
        }
        self.accounts = accounts
        self.postingMap = map
    }

    /// The account `role` posts to.
    public func account(for role: PostingRole) -> Account {
        guard let account = postingMap[role] else { preconditionFailure("chart built without role \(role.rawValue)") }
        return account
    }

    /// The account with `code`, if the chart has one.
    public func account(code: String) -> Account? { accounts.first { $0.code == code } }
}
