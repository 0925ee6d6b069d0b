/// Summary of repeated timings.
struct BenchStatistics {
    let samples: [Duration]

    init(_ samples: [Duration]) { self.samples = samples.sorted() }

    func percentile(_ p: Double) -> Duration {
        guard !samples.isEmpty else { return .zero }
        let index = min(samples.count - 1, Int((Double(samples.count - 1) * p).rounded()))
        return samples[index]
    }

    var median: Duration { percentile(0.5) }
    var minimum: Duration { samples.first ?? .zero }
}

extension Duration {
    /// Microseconds as a Double, for reports only.
    var microseconds: Double {
        let (s, attos) = components
        return Double(s) * 1e6 + Double(attos) / 1e12
    }

    var milliseconds: Double { microseconds / 1000 }
}

/// Fixed-point text with `places` decimals for reports.
func format(_ value: Double, places: Int = 1) -> String {
    var factor = 1.0
    for _ in 0..<places { factor *= 10 }
    let scaled = (value * factor).rounded()
    let whole = Int(scaled / factor)
    let fraction = Int(abs(scaled).truncatingRemainder(dividingBy: factor))
    if places == 0 { return String(whole) }
    let digits = String(fraction)
    return (scaled < 0 && whole == 0 ? "-" : "") + String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
}
