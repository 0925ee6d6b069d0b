import LoanMath

// Fast readers of the payloads every loan has from its booking (activation, disbursement,
// provision): a process reads them for every loan it first loads, and the general decoder spent
// most of a cold day end on the schedule rows. Each accepts only what `ServicingPayload.encode`
// writes and returns nil otherwise (the general decoder then decides).

extension ActivatePayload {
    private static let keys: Set<String> = [
        "product", "currency", "principal", "rate", "disbursement_date", "security_value", "schedule", "frequency",
        "day_count", "sanctioned",
    ]

    init?(json text: String) {
        guard let f = FlatJSON.fields(text), f.keys(within: Self.keys), let product = f.string("product"),
              let currency = f.string("currency"), let principal = f.integer("principal"), let rate = f.string("rate"),
              let disbursementDate = f.string("disbursement_date"), let securityValue = f.integer("security_value"),
              let schedule = f.schedule("schedule") else { return nil }
        self.init(product: product, currency: currency, principal: principal, rate: rate,
                  disbursementDate: disbursementDate, securityValue: securityValue, schedule: schedule)
        if f.has("frequency") {
            guard let value = f.string("frequency").flatMap(Frequency.init(rawValue:)) else { return nil }
            frequency = value
        }
        if f.has("day_count") {
            guard let value = f.string("day_count").flatMap(DayCount.init(rawValue:)) else { return nil }
            dayCount = value
        }
        if f.has("sanctioned") {
            guard let value = f.integer("sanctioned") else { return nil }
            sanctioned = value
        }
    }
}

extension DisbursePayload {
    private static let keys: Set<String> = ["amount", "tranche", "reference", "schedule", "accrued_before", "accrued_days"]

    init?(json text: String) {
        guard let f = FlatJSON.fields(text), f.keys(within: Self.keys), let amount = f.integer("amount") else { return nil }
        self.init(amount: amount)
        if f.has("tranche") {
            guard let value = f.integer("tranche").flatMap({ Int(exactly: $0) }) else { return nil }
            tranche = value
        }
        if f.has("reference") {
            guard let value = f.string("reference") else { return nil }
            reference = value
        }
        if f.has("schedule") {
            guard let value = f.schedule("schedule") else { return nil }
            schedule = value
        }
        if f.has("accrued_before") {
            guard let value = f.integer("accrued_before") else { return nil }
            accruedBefore = value
        }
        if f.has("accrued_days") {
            guard let value = f.integer("accrued_days").flatMap({ Int(exactly: $0) }) else { return nil }
            accruedDays = value
        }
    }
}

extension ProvisionPayload {
    init?(json text: String) {
        guard let f = FlatJSON.fields(text), f.count == 3,
              let assetClass = f.string("asset_class").flatMap(AssetClass.init(rawValue:)),
              let required = f.integer("required"), let previous = f.integer("previous") else { return nil }
        self.init(assetClass: assetClass, required: required, previous: previous)
    }
}
