import Catalog
import Testing

@Suite("policies/accounting.yaml: chart of accounts and posting map")
struct AccountingTests {
    /// Each posting role and the account the shipped chart maps it to.
    static let shippedMap: [(PostingRole, String, AccountType)] = [
        (.bank, "1000", .asset), (.loanPrincipal, "1100", .asset), (.interestReceivable, "1200", .asset),
        (.chargesReceivable, "1210", .asset), (.provisionForLosses, "1900", .contraAsset),
        (.interestSuspense, "2500", .liability), (.borrowerAdvance, "2600", .liability), (.gstPayable, "2100", .liability),
        (.interestIncome, "4000", .income), (.penalIncome, "4100", .income), (.feeIncome, "4200", .income),
        (.provisionExpense, "5100", .expense), (.writeOffExpense, "5200", .expense),
        (.recoveryIncome, "4300", .income),
    ]

    @Test("the shipped chart maps every role to the expected account")
    func shipped() throws {
        let catalog = try CatalogCompiler.load(directory: Golden.repositoryRoot().path).get()
        let chart = try #require(catalog.accounting)
        #expect(Self.shippedMap.count == PostingRole.allCases.count)
        for (role, code, type) in Self.shippedMap {
            #expect(chart.account(for: role).code == code, "\(role.rawValue)")
            #expect(chart.account(for: role).type == type, "\(role.rawValue)")
        }
        let interest = Account(code: "4000", name: "Interest income on loans", type: .income)
        #expect(chart.account(for: .interestIncome) == interest)
        #expect(chart.account(code: "2100")?.name == "GST payable on fees and charges")
        #expect(chart.account(code: "9999") == nil)
        #expect(chart.accounts.count == 14)
        #expect(chart.postingMap.count == 14)
    }

    @Test("the roles are the servicing engine's contract, spelled as in the file")
    func roles() {
        #expect(PostingRole.allCases.map(\.rawValue) == [
            "bank", "loan_principal", "interest_receivable", "charges_receivable", "provision_for_losses",
            "interest_suspense", "borrower_advance", "gst_payable", "interest_income", "penal_income", "fee_income",
            "provision_expense", "write_off_expense", "recovery_income",
        ])
    }

    @Test("a chart built in code must map every role to an existing account of an allowed type")
    func builtInCode() {
        let accounts = Self.shippedMap.map { Account(code: $0.1, name: $0.0.rawValue, type: $0.2) }
        let roles = Dictionary(uniqueKeysWithValues: Self.shippedMap.map { ($0.0, $0.1) })
        #expect(ChartOfAccounts(accounts: accounts, roles: roles) != nil)
        var missing = roles
        missing[.recoveryIncome] = nil
        #expect(ChartOfAccounts(accounts: accounts, roles: missing) == nil)
        var wrongType = roles
        wrongType[.interestIncome] = "2500"
        #expect(ChartOfAccounts(accounts: accounts, roles: wrongType) == nil)
        #expect(ChartOfAccounts(accounts: accounts + [accounts[0]], roles: roles) == nil, "codes repeat")
    }
}
