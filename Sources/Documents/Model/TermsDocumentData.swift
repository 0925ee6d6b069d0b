import Foundation
import LoanMath
import Rules

/// The data of a document issued on a loan's terms — Key Facts Statement, sanction letter, summary
/// box — from its schedule, its product, the particulars and the lender.
public enum TermsDocumentData {
    /// Every field of `model` for the loan of `schedule`; refuses co-lenders whose weighted rate is
    /// not the loan's rate.
    public static func fields(
        _ model: DocumentModel, schedule: Schedule, product: ProductFacts, particulars: DocumentParticulars,
        lender: LenderProfile
    ) throws(DocumentError) -> [String: Value] {
        let terms = schedule.terms
        if let first = schedule.rows.first?.dueDate, particulars.issueDate >= first {
            let issued = particulars.issueDate
            // A KFS or sanction precedes the loan: "commencement of repayment, post sanction" is a count of days.
            throw DocumentError(
                .invalidData,
                "issue_date: \(issued.iso) is not before the first instalment's due date \(first.iso); "
                    + "a document issued on the terms precedes repayment")
        }
        var data = KeyFactsFigures.fields(schedule)
        data.merge(particulars.fields(for: model)) { _, given in given }
        let feesTotal = terms.fees.reduce(Money.zero(terms.principal.currency)) { $0 + $1.total }
        data["fees_total"] = Value(feesTotal)
        data["lender"] = lender.value
        data["product_name"] = .string(product.name)
        data["loan_term"] = .string(loanTerm(terms))
        data["installment_type"] = .string(installmentType(terms))
        data["rate_type"] = .string(product.floating == nil ? "fixed" : "floating")
        data.merge(floatingFields(schedule, product.floating)) { _, new in new }
        data["blended_rate"] = Value(terms.annualRate)
        if let blended = particulars.blendedRate, blended.rounded(places: 4, .halfUp) != terms.annualRate.fraction
        {
            throw DocumentError(
                .invalidData,
                "co_lenders: the share-weighted rate \(DocumentFormat.percent(blended)) is not the loan's rate "
                    + terms.annualRate.percentString)
        }
        let declared = Set(model.fields.map(\.name))
        return data.filter { declared.contains($0.key) }
    }

    /// `12 months`, `52 weeks`.
    static func loanTerm(_ terms: LoanTerms) -> String {
        let n = terms.installmentCount
        switch terms.frequency {
        case .weekly: return "\(n) weeks"
        case .fortnightly: return "\(n) fortnights"
        case .monthly: return "\(n) months"
        case .quarterly: return "\(n * 3) months"
        case .halfYearly: return "\(n * 6) months"
        case .yearly: return "\(n) years"
        }
    }

    /// `Equated monthly instalments (EMI)`, `Monthly instalments of equal principal`.
    static func installmentType(_ terms: LoanTerms) -> String {
        let period = terms.frequency == .halfYearly ? "half-yearly" : terms.frequency.rawValue
        switch terms.amortization {
        case .equalInstallment:
            return terms.frequency == .monthly ? "Equated monthly instalments (EMI)" : "Equated \(period) instalments"
        case .equalPrincipal: return "\(period.capitalized) instalments of equal principal"
        case .interestOnly: return "\(period.capitalized) interest, principal with the last instalment"
        case .balloon: return "Equated \(period) instalments with a balloon payment"
        case .stepUp: return "Step-up \(period) instalments"
        }
    }

    /// The floating-rate fields: the benchmark (the rate less the spread), and the effect of a
    /// 25 bp rise on the instalment and on the number of instalments. Zeros for a fixed rate.
    static func floatingFields(_ schedule: Schedule, _ floating: ProductFacts.Floating?) -> [String: Value] {
        let terms = schedule.terms
        guard let floating else {
            return [
                "benchmark_name": .string(""), "benchmark_rate": .rate(.zero), "spread": .rate(.zero),
                "reset_months": .integer(0), "emi_change_for_25bp": .rupees(0),
                "installment_count_change_for_25bp": .integer(0),
            ]
        }
        var raised = terms
        raised.annualRate = terms.annualRate + Rate(basisPoints: 25)
        let raisedInstallment = (try? ScheduleEngine.schedule(for: raised))?.installmentAmount
        return [
            "benchmark_name": .string(floating.benchmark), "benchmark_rate": Value(terms.annualRate - floating.spread),
            "spread": Value(floating.spread), "reset_months": .integer(Int64(floating.resetMonths)),
            "emi_change_for_25bp": Value((raisedInstallment ?? schedule.installmentAmount) - schedule.installmentAmount),
            "installment_count_change_for_25bp": .integer(Int64(extraInstallments(schedule, raised.annualRate))),
        ]
    }

    /// How many more instalments the same instalment takes to repay the loan at `rate`:
    /// `n = −ln(1 − P·i/E) / ln(1 + i)`, rounded up (Double only inside this solver).
    static func extraInstallments(_ schedule: Schedule, _ rate: Rate) -> Int {
        let terms = schedule.terms
        let i = rate.approximateFraction / Double(terms.frequency.periodsPerYear)
        let p = Double(terms.principal.minorUnits), e = Double(schedule.installmentAmount.minorUnits)
        guard i > 0, e > p * i else { return 0 }
        let n = (-log(1 - p * i / e) / log(1 + i)).rounded(.up)
        return max(0, Int(n) - terms.installmentCount)
    }
}
