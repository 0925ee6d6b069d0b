import Rules

/// What origination knows about an application when it asks an underwriting policy for a decision:
/// named fields with types of the rule language, each with where it comes from. Read from
/// `policies/application-model.yaml`; every input of a policy that a product names must be one of
/// these fields, with a type that fits.
public struct ApplicationModel: Sendable {
    /// Where the model lives in a configuration tree.
    public static let path = "policies/application-model.yaml"

    /// The fields in file order.
    public let fields: [ApplicationField]

    public init(fields: [ApplicationField]) { self.fields = fields }

    /// The field called `name`.
    public func field(named name: String) -> ApplicationField? { fields.first { $0.name == name } }
}

/// One fact about an application, such as the applicant's date of birth or the bureau score.
public struct ApplicationField: Sendable {
    public let name: String
    /// The type in the rule language, named types resolved.
    public let type: RuleType
    public let source: ApplicationSource
    /// What the field holds, in the lender's words.
    public let summary: String
    /// Where the field is declared (its key).
    public let location: SourceLocation

    public init(name: String, type: RuleType, source: ApplicationSource, summary: String, location: SourceLocation) {
        self.name = name
        self.type = type
        self.source = source
        self.summary = summary
        self.location = location
    }
}

/// Where origination takes a field from.
public enum ApplicationSource: String, Sendable, CaseIterable {
    /// The applicant party: identity and KYC (date of birth, PAN-verified details).
    case applicant
    /// The applicant's job or business: type and vintage.
    case employment
    /// Assessed and verified income, of the applicant or the household.
    case income
    /// The credit bureau report pulled for the application.
    case bureau
    /// The application itself: requested amount and tenure, business date.
    case application
    /// The schedule engine: the instalment of the requested loan at the product's default rate.
    case schedule
    /// The joint liability group (MFI JLG): size, group recognition test.
    case group
    /// The lender's own books: earlier loans of the same borrower (loan cycle).
    case lender
}
