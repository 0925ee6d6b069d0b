import LoanMath

/// A lender's IRACP settings, read from `policies/asset-classification.yaml`: the SMA bands and NPA
/// threshold by days past due, how an NPA ages into doubtful, and the provision held in each class,
/// with the standard-asset rate optionally set per product category (housing, agriculture, MSME).
public struct AssetClassificationPolicy: Sendable, Hashable {
    /// Where the settings live in a configuration tree.
    public static let path = "policies/asset-classification.yaml"
    /// Days past due an SMA band may end at.
    static let daysPastDueRange = 1...999
    /// Months an NPA may stay in one class before the next.
    static let ageingMonthsRange = 1...120

    /// SMA bands, NPA threshold and NPA ageing.
    public let classification: ClassificationRules
    /// Provisioning rates by class, secured and unsecured parts, before category overrides.
    public let provisioning: ProvisioningRates
    /// The standard-asset rate for loans of a category, where it differs from `standard`'s.
    public let standardRateByCategory: [ProductCategory: Rate]

    public init(classification: ClassificationRules, provisioning: ProvisioningRates,
                standardRateByCategory: [ProductCategory: Rate] = [:]) {
        self.classification = classification
        self.provisioning = provisioning
        self.standardRateByCategory = standardRateByCategory
    }

    /// The rates for a loan of `category`: the `standard` class at the category's rate (secured and
    /// unsecured parts alike) when the file sets one; SMA and NPA classes keep their own rates.
    public func provisioning(for category: ProductCategory) -> ProvisioningRates {
        guard let rate = standardRateByCategory[category] else { return provisioning }
        var rates = provisioning
        rates.rates[.standard] = (secured: rate, unsecured: rate)
        return rates
    }
}
