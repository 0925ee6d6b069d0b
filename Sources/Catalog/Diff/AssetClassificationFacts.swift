import LoanMath

/// The IRACP settings as labelled facts for a credit-risk or finance team: "SMA-1 up to" → "60 DPD",
/// "sub-standard unsecured" → "10%", "standard rate for housing" → "0.25%".
enum AssetClassificationFacts {
    /// What `lendline diff` calls the settings in its lines.
    static let label = "asset classification"

    /// One fact per bound, ageing period, rate and category rate; none without settings.
    static func facts(_ policy: AssetClassificationPolicy?) -> [(label: String, value: String)] {
        guard let policy else { return [] }
        let rules = policy.classification
        var facts: [(label: String, value: String)] = [
            ("SMA-0 up to", "\(rules.sma0Through) DPD"), ("SMA-1 up to", "\(rules.sma1Through) DPD"),
            ("SMA-2 up to", "\(rules.sma2Through) DPD"), ("sub-standard for", "\(rules.substandardMonths) months"),
            ("doubtful D1 for", "\(rules.doubtfulD1Months) months"),
            ("doubtful D2 for", "\(rules.doubtfulD2Months) months"),
        ]
        for assetClass in AssetClass.allCases {
            guard let rates = policy.provisioning.rates[assetClass] else { continue }
            facts.append(("\(name(assetClass)) secured", rates.secured.percentString))
            facts.append(("\(name(assetClass)) unsecured", rates.unsecured.percentString))
        }
        for category in ProductCategory.allCases {
            guard let rate = policy.standardRateByCategory[category] else { continue }
            facts.append(("standard rate for \(category.rawValue)", rate.percentString))
        }
        return facts
    }

    /// The class as a lender says it: "SMA-1", "sub-standard", "doubtful D2".
    static func name(_ assetClass: AssetClass) -> String {
        switch assetClass {
        case .standard: "standard"
        case .sma0: "SMA-0"
        case .sma1: "SMA-1"
        case .sma2: "SMA-2"
        case .substandard: "sub-standard"
        case .doubtfulD1: "doubtful D1"
        case .doubtfulD2: "doubtful D2"
        case .doubtfulD3: "doubtful D3"
        case .loss: "loss"
        }
    }
}
