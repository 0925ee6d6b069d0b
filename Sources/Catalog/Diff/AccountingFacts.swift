/// The chart of accounts as labelled facts for a finance team: "account 4000" →
/// "Interest income on loans (income)", "interest_income" → "4000".
enum AccountingFacts {
    /// What `lendline diff` calls the chart in its lines.
    static let label = "accounting"

    /// One fact per account, then one per posting role; none without a chart.
    static func facts(_ chart: ChartOfAccounts?) -> [(label: String, value: String)] {
        guard let chart else { return [] }
        let accounts = chart.accounts.map { ("account \($0.code)", "\($0.name) (\($0.type.rawValue))") }
        let roles = PostingRole.allCases.map { ($0.rawValue, chart.account(for: $0).code) }
        return accounts + roles
    }
}
