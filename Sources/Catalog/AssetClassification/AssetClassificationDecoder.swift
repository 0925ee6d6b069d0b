import LoanMath
import Rules

/// Reads `policies/asset-classification.yaml` strictly: SMA bounds that increase, ageing months,
/// a secured and an unsecured rate for every asset class, standard-asset rates by category.
struct AssetClassificationDecoder {
    let log: DiagnosticLog

    static let schema = Schemas.assetClassification

    /// The settings in `root`; nil when a part could not be read (every problem is reported).
    func decode(_ root: ConfigNode) -> AssetClassificationPolicy? {
        guard let reader = MappingReader(root, owner: nil, keys: Self.schema.keys, log: log) else { return nil }
        _ = reader.optional("description", .text)
        let bounds = reader.requiredEntry("days_past_due").flatMap(smaBounds)
        let ageing = reader.requiredEntry("npa_ageing_months").flatMap(ageingMonths)
        let provisioning = reader.requiredEntry("provisioning").flatMap(provisioningRates)
        let byCategory = reader.entry("standard_by_category").flatMap(standardRates)
        guard let bounds, let ageing, let provisioning else { return nil }
        let rules = ClassificationRules(
            sma0Through: bounds[0], sma1Through: bounds[1], sma2Through: bounds[2], substandardMonths: ageing[0],
            doubtfulD1Months: ageing[1], doubtfulD2Months: ageing[2])
        return AssetClassificationPolicy(
            classification: rules, provisioning: provisioning, standardRateByCategory: byCategory ?? [:])
    }

    /// `sma-0`, `sma-1`, `sma-2` in days past due, each after the one before.
    func smaBounds(_ entry: ConfigEntry) -> [Int]? {
        let keys = Schemas.daysPastDue.keys
        let values = integers(entry, keys: keys, range: AssetClassificationPolicy.daysPastDueRange)
        var increasing = true
        for (index, pair) in zip(values, values.dropFirst()).enumerated() {
            guard let earlier = pair.0, let later = pair.1, later.value <= earlier.value else { continue }
            increasing = false
            log.error(
                "`\(entry.key).\(keys[index + 1])` must be more than `\(keys[index])` (\(earlier.value)), found "
                    + "`\(later.value)`: each SMA band ends later than the one before", at: later)
        }
        let read = values.compactMap { $0?.value }
        return increasing && read.count == keys.count ? read : nil
    }

    /// `substandard`, `doubtful-d1`, `doubtful-d2` in months.
    func ageingMonths(_ entry: ConfigEntry) -> [Int]? {
        let keys = Schemas.npaAgeing.keys
        let months = integers(entry, keys: keys, range: AssetClassificationPolicy.ageingMonthsRange)
        let read = months.compactMap { $0?.value }
        return read.count == keys.count ? read : nil
    }

    /// The whole numbers under `keys` of `entry`'s mapping, in order; nil where one is missing or bad.
    func integers(_ entry: ConfigEntry, keys: [String], range: ClosedRange<Int>) -> [Located<Int>?] {
        guard let reader = MappingReader(entry, keys: keys, log: log) else { return [] }
        return keys.map { reader.required($0, .integer(range)) }
    }

    /// `{ secured, unsecured }` for every asset class.
    func provisioningRates(_ entry: ConfigEntry) -> ProvisioningRates? {
        let classes = AssetClass.allCases
        guard let reader = MappingReader(entry, keys: classes.map(\.rawValue), log: log) else { return nil }
        var rates: [AssetClass: (secured: Rate, unsecured: Rate)] = [:]
        for assetClass in classes {
            guard let classEntry = reader.requiredEntry(assetClass.rawValue) else { continue }
            guard let pair = MappingReader(classEntry, keys: Schemas.provisioningRate.keys, log: log) else { continue }
            let path = "\(entry.key).\(classEntry.key)"
            let secured = pair.requiredEntry("secured").flatMap { rate($0, path: path) }
            let unsecured = pair.requiredEntry("unsecured").flatMap { rate($0, path: path) }
            if let secured, let unsecured { rates[assetClass] = (secured, unsecured) }
        }
        return rates.count == classes.count ? ProvisioningRates(rates) : nil
    }

    /// A percentage from 0% to 100% named in messages by its full path (`provisioning.loss.secured`).
    func rate(_ entry: ConfigEntry, path: String) -> Rate? {
        MappingReader.read(entry.value, key: "\(path).\(entry.key)", .rate(), log: log)?.value
    }

    /// `housing: 0.25%`, keys product categories.
    func standardRates(_ entry: ConfigEntry) -> [ProductCategory: Rate]? {
        let categories = ProductCategory.allCases
        guard let reader = MappingReader(entry, keys: categories.map(\.rawValue), log: log) else { return nil }
        var rates: [ProductCategory: Rate] = [:]
        for category in categories {
            if let rate = reader.optional(category.rawValue, .rate()) { rates[category] = rate.value }
        }
        return rates
    }
}
