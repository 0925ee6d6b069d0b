import Rules

/// Reads `policies/accounting.yaml` strictly: accounts with unique codes, and every posting role
/// mapped to an account of the chart whose type the role allows.
struct AccountingDecoder {
    let log: DiagnosticLog

    static let schema = Schemas.accounting

    /// An account with where its code is written.
    typealias LocatedAccount = (account: Account, code: Located<String>)

    /// The chart in `root`; nil when a part could not be read (every problem is reported).
    func decode(_ root: ConfigNode) -> ChartOfAccounts? {
        guard let reader = MappingReader(root, owner: nil, keys: Self.schema.keys, log: log) else { return nil }
        _ = reader.optional("description", .text)
        if reader.entry("accounts") == nil { reader.reportMissing("accounts") }
        let chart = reader.list("accounts").map { self.chart($0.items, list: $0.entry) }
        let roles = reader.requiredEntry("roles").flatMap { postingMap($0, chart: chart) }
        guard let chart, let roles, !log.hasErrors else { return nil }
        return ChartOfAccounts(accounts: chart.accounts.map(\.account), roles: roles)
    }

    /// The accounts of the list, each code once, and every code written (also of accounts with
    /// errors, so that a role naming one is not reported twice).
    func chart(_ items: [ConfigNode], list: ConfigEntry) -> (accounts: [LocatedAccount], codes: Set<String>) {
        var accounts: [LocatedAccount] = []
        var codes: Set<String> = []
        for item in items {
            let keys = Schemas.account.keys
            guard let reader = MappingReader(item, owner: list, keys: keys, log: log, isListItem: true) else {
                continue
            }
            let code = reader.required("code", Self.accountCode)
            let name = reader.required("name", .text)
            let type: Located<AccountType>? = reader.required("type", .word("an account type"))
            if let code { codes.insert(code.value) }
            guard let code, let name, let type else { continue }
            if let earlier = accounts.first(where: { $0.code.value == code.value }) {
                log.error(
                    "account code `\(code.value)` is already used by \(earlier.account.name) "
                        + "(line \(earlier.code.location.line)); every account needs its own code", at: code)
                continue
            }
            accounts.append((Account(code: code.value, name: name.value, type: type.value), code))
        }
        return (accounts, codes)
    }

    /// `interest_income: 4000` for every role, to an account of the chart of a type the role allows
    /// (accounts are checked only when the chart could be read).
    func postingMap(_ entry: ConfigEntry, chart: (accounts: [LocatedAccount], codes: Set<String>)?)
        -> [PostingRole: String]?
    {
        let roles = PostingRole.allCases
        guard let reader = MappingReader(entry, keys: roles.map(\.rawValue), log: log) else { return nil }
        let missing = roles.filter { reader.entry($0.rawValue) == nil }
        if !missing.isEmpty {
            let listed = missing.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            let what = missing.count == 1 ? "the posting role" : "\(missing.count) posting roles:"
            log.error("`\(entry.key)` does not map \(what) \(listed); every role needs an account code", atKey: entry)
        }
        var map: [PostingRole: String] = [:]
        for role in roles {
            guard reader.entry(role.rawValue) != nil, let code = reader.required(role.rawValue, Self.accountCode) else {
                continue
            }
            guard let chart else { continue }
            guard let account = chart.accounts.first(where: { $0.account.code == code.value })?.account else {
                if chart.codes.contains(code.value) { continue }
                let hint = Suggestion.hint(for: code.value, in: chart.accounts.map(\.account.code))
                log.error(
                    "role `\(role.rawValue)` posts to `\(code.value)`, which is not an account in `accounts`\(hint)",
                    at: code)
                continue
            }
            guard role.allowedTypes.contains(account.type) else {
                let allowed = role.allowedTypes.map(\.withArticle).joined(separator: " or ")
                log.error(
                    "role `\(role.rawValue)` posts to \(code.value) \(account.name), \(account.type.withArticle) "
                        + "account; it needs \(allowed) account", at: code)
                continue
            }
            map[role] = code.value
        }
        return map
    }

    /// Digits such as `1100`, at most twelve.
    static var accountCode: ScalarParser<String> {
        let expected = "an account code of digits such as `1100`"
        return ScalarParser(expected: expected) { text, _ in
            let valid = (1...12).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
            return valid ? .value(text) : .problem(ScalarMessage.mismatch(expected, text))
        }
    }
}
