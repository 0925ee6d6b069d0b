import Foundation

/// Closed-form annuity figures. Double is used only inside these solvers; callers round the result
/// to the product's unit before it becomes money.
enum AnnuitySolver {
    /// The level instalment that repays `principal` (less the present value of `balloon`) over
    /// `periods` at periodic rate `rate`: `(P − B/(1+i)^n)·i / (1 − (1+i)^−n)`.
    static func installment(principal: Double, rate: Double, periods: Int, balloon: Double = 0) -> Double {
        if rate == 0 { return (principal - balloon) / Double(periods) }
        let discount = pow(1 + rate, -Double(periods))
        return (principal - balloon * discount) * rate / (1 - discount)
    }

    /// The first instalment of a stepped annuity whose instalments are multiplied by `growth` every
    /// `every` instalments: `P / Σ growth^⌊(k−1)/every⌋ · (1+i)^−k`.
    static func steppedInstallment(principal: Double, rate: Double, periods: Int, every: Int, growth: Double) -> Double {
        var factor = 0.0
        var discount = 1.0
        for k in 1...periods {
            discount /= (1 + rate)
            factor += pow(growth, Double((k - 1) / every)) * discount
        }
        return principal / factor
    }

    /// `value` (in minor units) as money rounded to `unit` by `mode`.
    static func money(_ value: Double, _ currency: Currency, _ unit: RoundingUnit, _ mode: RoundingMode) -> Money {
        // Round to a tenth of a paisa first so that binary noise (x.4999999) cannot flip a tie.
        let thousandths = Int128((value * 1000).rounded())
        let step = Int128(unit.minorUnits(in: currency))
        let units = mode.divide(thousandths, by: step * 1000)
        return Money(minorUnits: Int64(units * step), currency: currency)
    }
}
