import Foundation

/// Internal rate of return of periodic cash flows. Double is used only inside this solver.
public enum IRRSolver {
    /// The periodic rate `r` at which `Σ flows[t] / (1+r)^t = 0`, flows at whole periods 0, 1, 2…;
    /// `nil` when the flows do not change sign or no root is found in (-99%, 1000%).
    public static func periodicRate(_ flows: [Int64]) -> Double? {
        periodicRate(flows, at: flows.indices.map(Double.init))
    }

    /// The periodic rate `r` at which `Σ flows[k] / (1+r)^times[k] = 0`, with times in periods
    /// (1.5 for a cash flow a period and a half after the start).
    public static func periodicRate(_ flows: [Int64], at times: [Double]) -> Double? {
        guard flows.count == times.count, flows.contains(where: { $0 < 0 }), flows.contains(where: { $0 > 0 }) else {
            return nil
        }
        let values = flows.map(Double.init)
        func npv(_ r: Double) -> Double {
            var total = 0.0
            let base = log1p(r)
            for (v, t) in zip(values, times) { total += v * exp(-t * base) }
            return total
        }
        var low = -0.99, high = 10.0
        var fLow = npv(low), fHigh = npv(high)
        guard fLow.sign != fHigh.sign else { return nil }
        // Bisection: 200 halvings of an 11-wide bracket reach the limit of Double precision.
        for _ in 0..<200 {
            let mid = (low + high) / 2
            let fMid = npv(mid)
            if fMid == 0 { return mid }
            if fMid.sign == fLow.sign { low = mid; fLow = fMid } else { high = mid; fHigh = fMid }
            if high - low < 1e-15 { break }
        }
        _ = fHigh
        return (low + high) / 2
    }
}
