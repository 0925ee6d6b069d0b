import LoanMath

extension Schemas {
    /// The provisioning rates of one asset class.
    static let provisioningRate = ObjectSchema([
        SchemaProperty(
            "secured", .scalar(.rate), required: true, "rate on the part of the outstanding covered by security"),
        SchemaProperty("unsecured", .scalar(.rate), required: true, "rate on the part security does not cover"),
    ])

    /// The upper bound of each SMA band in days past due.
    static let daysPastDue = ObjectSchema([
        SchemaProperty("sma-0", dpd, required: true, "last DPD of SMA-0 (from 1), e.g. 30"),
        SchemaProperty("sma-1", dpd, required: true, "last DPD of SMA-1, e.g. 60"),
        SchemaProperty("sma-2", dpd, required: true, "last DPD of SMA-2, e.g. 90; a loan more days past due is NPA"),
    ])

    /// How long an NPA stays in each class before the next.
    static let npaAgeing = ObjectSchema([
        SchemaProperty("substandard", months, required: true, "months an NPA is sub-standard, e.g. 12"),
        SchemaProperty("doubtful-d1", months, required: true, "months it is then doubtful D1, e.g. 12"),
        SchemaProperty("doubtful-d2", months, required: true, "months it is then doubtful D2, e.g. 24; D3 after"),
    ])

    static var dpd: SchemaNode {
        let range = AssetClassificationPolicy.daysPastDueRange
        return .scalar(.integer(min: range.lowerBound, max: range.upperBound))
    }

    static var months: SchemaNode {
        let range = AssetClassificationPolicy.ageingMonthsRange
        return .scalar(.integer(min: range.lowerBound, max: range.upperBound))
    }

    /// A lender's IRACP settings: `policies/asset-classification.yaml`.
    public static let assetClassification = ObjectSchema([
        SchemaProperty("description", .scalar(.text), "whose figures these are (bank or NBFC) and from when"),
        SchemaProperty(
            "days_past_due", .object(daysPastDue), required: true,
            "term loans: where each SMA band ends in days past due; NPA beyond SMA-2"),
        SchemaProperty(
            "npa_ageing_months", .object(npaAgeing), required: true,
            "how an NPA ages: sub-standard, then doubtful D1, D2, D3"),
        SchemaProperty(
            "provisioning",
            .object(
                ObjectSchema(
                    AssetClass.allCases.map {
                        SchemaProperty(
                            $0.rawValue, .object(provisioningRate), required: true, "provision in \($0.rawValue)")
                    })), required: true,
            "provision by asset class: `{ secured, unsecured }` percentages of the outstanding"),
        SchemaProperty(
            "standard_by_category",
            .object(
                ObjectSchema(
                    ProductCategory.allCases.map {
                        SchemaProperty($0.rawValue, .scalar(.rate), "standard-asset rate for \($0.rawValue) loans")
                    })),
            "the standard-asset rate for products of a category, where it differs (e.g. housing: 0.25%)"),
    ])
}
