/// What a request may do. Every HTTP route names exactly one permission; `policies/roles.yaml` grants
/// permissions to roles, and API keys carry them as scopes.
public enum Permission: String, CaseIterable, Sendable, Codable, Hashable {
    // Configuration
    case productsRead = "products.read"
    case configReload = "config.reload"
    // Servicing: reading
    case loansRead = "loans.read"
    case statementsRead = "statements.read"
    case foreclosuresQuote = "foreclosures.quote"
    // Servicing: money-moving and lifecycle commands
    case loansBook = "loans.book"
    case repaymentsPost = "repayments.post"
    case prepaymentsPost = "prepayments.post"
    case foreclosuresPost = "foreclosures.post"
    case chargesPost = "charges.post"
    // Maker-checker pairs: the maker requests, a different person approves.
    case waiversRequest = "waivers.request"
    case waiversApprove = "waivers.approve"
    case restructuresRequest = "restructures.request"
    case restructuresApprove = "restructures.approve"
    case writeOffsRequest = "writeoffs.request"
    case writeOffsApprove = "writeoffs.approve"
    // Operations and finance
    case eodRun = "eod.run"
    case eodRead = "eod.read"
    case trialBalanceRead = "trialbalance.read"
    // Oversight and administration
    case auditRead = "audit.read"
    case usersManage = "users.manage"
    // Origination: personal data of parties in full (others see it masked)
    case partiesReadPII = "parties.read.pii"
}
