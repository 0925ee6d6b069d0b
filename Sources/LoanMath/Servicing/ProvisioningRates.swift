/// Provisioning rates by asset class, separately for the part of the outstanding covered by
/// security and the part that is not. Configurable; RBI's figures for banks and NBFCs are presets.
public struct ProvisioningRates: Sendable, Hashable {
    /// (secured part, unsecured part) for each class.
    public var rates: [AssetClass: (secured: Rate, unsecured: Rate)]

    public init(_ rates: [AssetClass: (secured: Rate, unsecured: Rate)]) { self.rates = rates }

    public static func == (l: ProvisioningRates, r: ProvisioningRates) -> Bool {
        AssetClass.allCases.allSatisfy { l.rates[$0]?.secured == r.rates[$0]?.secured
            && l.rates[$0]?.unsecured == r.rates[$0]?.unsecured }
    }

    public func hash(into hasher: inout Hasher) {
        for c in AssetClass.allCases {
            hasher.combine(rates[c]?.secured)
            hasher.combine(rates[c]?.unsecured)
        }
    }

    private static func bp(_ n: Int64) -> Rate { Rate(basisPoints: n) }

    /// Banks, general standard assets: standard and SMA 0.40%; sub-standard 15% (unsecured 25%);
    /// doubtful secured part 25% / 40% / 100% (D1/D2/D3), unsecured part 100%; loss 100%.
    public static func banks(standard: Rate = Rate(basisPoints: 40)) -> ProvisioningRates {
        var r: [AssetClass: (secured: Rate, unsecured: Rate)] = [:]
        for c in [AssetClass.standard, .sma0, .sma1, .sma2] { r[c] = (standard, standard) }
        r[.substandard] = (bp(1_500), bp(2_500))
        r[.doubtfulD1] = (bp(2_500), bp(10_000))
        r[.doubtfulD2] = (bp(4_000), bp(10_000))
        r[.doubtfulD3] = (bp(10_000), bp(10_000))
        r[.loss] = (bp(10_000), bp(10_000))
        return ProvisioningRates(r)
    }

    /// NBFCs: standard 0.40%; sub-standard 10%; doubtful secured part 20% / 30% / 50%, unsecured
    /// part 100%; loss 100%.
    public static func nbfc(standard: Rate = Rate(basisPoints: 40)) -> ProvisioningRates {
        var r: [AssetClass: (secured: Rate, unsecured: Rate)] = [:]
        for c in [AssetClass.standard, .sma0, .sma1, .sma2] { r[c] = (standard, standard) }
        r[.substandard] = (bp(1_000), bp(1_000))
        r[.doubtfulD1] = (bp(2_000), bp(10_000))
        r[.doubtfulD2] = (bp(3_000), bp(10_000))
        r[.doubtfulD3] = (bp(5_000), bp(10_000))
        r[.loss] = (bp(10_000), bp(10_000))
        return ProvisioningRates(r)
    }

    /// The provision required on `outstanding` in `assetClass` when security worth `securityValue`
    /// covers part of it: the covered part at the secured rate, the rest at the unsecured rate, each
    /// rounded up to the paisa (a provision is never short).
    public func provision(for assetClass: AssetClass, outstanding: Money, securityValue: Money) -> Money {
        guard outstanding > .zero(outstanding.currency), let (secured, unsecured) = rates[assetClass] else {
            return .zero(outstanding.currency)
        }
        let covered = Money.min(outstanding, Money.max(securityValue, .zero(outstanding.currency)))
        return secured.of(covered, .up) + unsecured.of(outstanding - covered, .up)
    }
}
