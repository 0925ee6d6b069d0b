import LoanMath
import Origination
import Rules

extension ApplicationDriver {
    /// Runs the product's underwriting policy on what the application, the applicant and the bureau
    /// report hold; stores the decision, its reasons, outputs and trace.
    func evaluate(_ a: inout ApplicationRecord, policy name: String?, on date: LocalDate) throws {
        let product = try product(a.product)
        let policyName = name ?? product.references.policy?.value ?? ""
        guard let policy = catalog.policy(policyName) else {
            throw Problem(.conflict, "policy not configured", detail: "the catalog has no policy `\(policyName)`")
        }
        guard let bureau = a.bureau else {
            throw Problem(.conflict, "bureau report missing", detail: "application \(a.id) has no bureau report")
        }
        let party = try applicant(a)
        let proposed = try ApplicationTerms.schedule(product, amount: a.requestedAmount, tenure: a.tenure, on: a.created)
        var inputs: [String: Value] = [
            "application_date": .date(a.created), "employment_type": .string(a.facts.employmentType),
            "months_in_job": .integer(Int64(a.facts.monthsInJob)),
            "monthly_income": Value(Money(parsing: a.facts.monthlyIncome) ?? .zero()),
            "existing_emi": Value(Money(parsing: bureau.existingEMI) ?? .zero()),
            "proposed_emi": Value(ApplicationTerms.installment(proposed)), "requested_amount": Value(a.requestedAmount),
            "tenure_months": .integer(Int64(a.tenure)), "bureau_score": .integer(Int64(bureau.score)),
            "max_dpd_12m": .integer(Int64(bureau.maxDaysPastDue12Months)),
            "enquiries_6m": .integer(Int64(bureau.enquiries6Months)),
            "written_off_or_settled_36m": .bool(bureau.writtenOffOrSettled),
        ]
        if let born = party.dateOfBirth { inputs["date_of_birth"] = .date(born) }
        let decision: Decision
        do { decision = try policy.evaluate(inputs: inputs, trace: true) } catch {
            throw Problem(.unprocessableContent, "policy could not decide",
                          detail: "application \(a.id): policy \(policyName): \(error.message)")
        }
        let outputs = zip(decision.outputs.names, decision.outputs.values).map { ($0, CaseContext.json($1)) }
        a.underwriting = UnderwritingRecord(
            policy: policyName, outcome: decision.outcome.rawValue,
            reasons: decision.reasons.map {
                ReasonRecord(rule: $0.ruleID, outcome: $0.outcome.rawValue, code: $0.code, message: $0.message)
            },
            outputs: JSONValue.object(outputs).text, trace: decision.trace.map(Self.trace)?.text ?? "{}",
            interestRate: decision.outputs["interest_rate"]?.rateValue?.percentString)
    }

    /// `{"inputs": {…}, "derived": {…}, "tables": {"pricing": [9]}, "rules": {"R01": false, …}}`.
    static func trace(_ trace: Trace) -> JSONValue {
        .object([
            ("inputs", .object(trace.inputs.map { ($0.name, CaseContext.json($0.value)) })),
            ("derived", .object(trace.derived.map { ($0.name, CaseContext.json($0.value)) })),
            ("tables", .object(trace.tables.map { ($0.id, .array($0.rows.map { .int($0) })) })),
            ("rules", .object(trace.rules.map { ($0.id, .bool($0.fired)) })),
        ])
    }
}
