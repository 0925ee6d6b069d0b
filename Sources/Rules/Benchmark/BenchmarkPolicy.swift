/// A realistic personal-loan underwriting policy built in code: date-of-birth age, income, bureau
/// score, DPD history, FOIR; twelve rules; a 20-row risk-based pricing table.
enum BenchmarkPolicy {
    static let file = "policies/bench-personal-loan.yaml"

    /// The policy and the text it is laid out as.
    static func source() -> (PolicySource, String) {
        var b = PolicyTextBuilder(file: file)
        let top = b.line("policy: personal-loan-underwriting")
        b.line("inputs:")
        let inputs: [(String, String)] = [
            ("date_of_birth", "date"), ("application_date", "date"), ("monthly_income", "money"), ("existing_emi", "money"),
            ("requested_amount", "money"), ("tenure_months", "integer"), ("bureau_score", "integer"),
            ("max_dpd_12m", "integer"), ("enquiries_6m", "integer"), ("employment_type", "enum(salaried, self_employed)"),
            ("months_in_job", "integer"),
        ]
        let inputSources = inputs.map { name, type in
            let e = b.expression("  \(name): ", type)
            return InputSource(name: name, at: e.location.advanced(byColumns: -(name.count + 2)), type: e)
        }
        b.line("derived:")
        let derived: [(String, String, Bool)] = [
            ("age", "years_between(date_of_birth, application_date)", false),
            ("existing_foir", "if(monthly_income > ₹0, existing_emi / monthly_income, 1)", false),
            ("proposed_emi", "round(requested_amount / tenure_months + requested_amount * interest_rate / 12, rupee, up)", true),
            ("foir", "if(monthly_income > ₹0, (existing_emi + proposed_emi) / monthly_income, 1)", false),
            ("max_amount", "min(round(monthly_income * income_multiple, ₹1000, down), ₹25_00_000)", true),
            ("processing_fee", "clamp(round(requested_amount * processing_fee_rate, rupee, half_up), ₹999, ₹25_000)", true),
        ]
        let derivedSources = derived.map { name, text, output in
            let e = b.expression("  \(name): ", text)
            return DerivedSource(name: name, at: e.location.advanced(byColumns: -(name.count + 2)), expression: e, isOutput: output)
        }
        let table = pricingTable(&b)
        b.line("rules:")
        let rules: [(String, String, Outcome, String)] = [
            ("R01", "age < 21 or age > 60", .reject, "AGE_OUT_OF_RANGE"),
            ("R02", "monthly_income < ₹25_000", .reject, "INCOME_BELOW_MINIMUM"),
            ("R03", "bureau_score < 650", .reject, "BUREAU_SCORE_LOW"),
            ("R04", "max_dpd_12m > 90", .reject, "SEVERE_DELINQUENCY"),
            ("R05", "max_dpd_12m between 31 and 90", .refer, "RECENT_DELINQUENCY"),
            ("R06", "tenure_months not in 12..60", .reject, "TENURE_OUT_OF_RANGE"),
            ("R07", "foir > 65%", .reject, "FOIR_ABOVE_LIMIT"),
            ("R08", "foir > 55% and foir <= 65%", .refer, "FOIR_HIGH"),
            ("R09", "employment_type == \"self_employed\" and months_in_job < 36", .refer, "BUSINESS_VINTAGE_SHORT"),
            ("R10", "requested_amount > max_amount", .reject, "EXCEEDS_ELIGIBILITY"),
            ("R11", "enquiries_6m >= 6", .refer, "CREDIT_HUNGRY"),
            ("R12", "bureau_score >= 800 and foir <= 40% and max_dpd_12m == 0", .approve, "FAST_TRACK"),
        ]
        let ruleSources = rules.map { id, when, outcome, code in
            let at = b.line("  - id: \(id)")
            let e = b.expression("    when: ", when)
            b.line("    outcome: \(outcome.rawValue)")
            b.line("    reason: \(code)")
            return RuleSource(id: id, at: at.advanced(byColumns: 2), when: e, outcome: outcome, reasonCode: code, message: code)
        }
        let policy = PolicySource(name: "personal-loan-underwriting", at: top, inputs: inputSources, derived: derivedSources,
                                  tables: [table], rules: ruleSources)
        return (policy, b.text)
    }

    /// 5 score bands × 2 employment types × 2 existing-obligation bands = 20 rows.
    private static func pricingTable(_ b: inout PolicyTextBuilder) -> DecisionTableSource {
        b.line("tables:")
        let at = b.line("  - id: pricing")
        b.line("    hit: unique")
        let columns = b.cells("    inputs: ", ["bureau_score", "employment_type", "existing_foir"])
        b.line("    outputs:")
        let outputs: [(String, String, String)] = [
            ("interest_rate", "rate", "24%"), ("processing_fee_rate", "rate", "3%"), ("income_multiple", "integer", "0"),
        ]
        let outputSources = outputs.map { name, type, fallback in
            let t = b.expression("      - {name: \(name), type: ", type)
            let d = b.expression("        default: ", fallback)
            return TableOutputSource(name: name, at: t.location, type: t, defaultValue: d)
        }
        b.line("    rows:")
        let bands = ["650..699", "700..749", "750..799", "800..849", "850..900"]
        var rows: [TableRowSource] = []
        for (s, band) in bands.enumerated() {
            for (e, employment) in ["\"salaried\"", "\"self_employed\""].enumerated() {
                for (f, foir) in ["< 30%", ">= 30%"].enumerated() {
                    let rate = 2200 - s * 250 + e * 100 + f * 75  // basis points
                    let fee = e == 0 ? "1.5%" : "2%"
                    let multiple = 10 + s * 4 - e * 2 - f * 3
                    let cells = b.cells("      - ", [band, employment, foir, "\(rate / 100).\(rate % 100 < 10 ? "0" : "")\(rate % 100)%", fee, "\(multiple)"])
                    rows.append(TableRowSource(at: cells[0].location.advanced(byColumns: -1), inputs: Array(cells[0..<3]),
                                               outputs: Array(cells[3...])))
                }
            }
        }
        return DecisionTableSource(id: "pricing", at: at.advanced(byColumns: 2), hitPolicy: .unique, inputs: columns,
                                   outputs: outputSources, rows: rows)
    }
}
