import Foundation

/// A penny-drop account check: ₹1 is credited to the account through IMPS and the bank returns the
/// holder's name, which is compared with the borrower's.
public protocol PennyDrop: Sendable {
    func verify(_ account: BankAccount, expectedName: String) async throws(IntegrationFailure) -> PennyDropResult
}

/// What the bank said.
public struct PennyDropResult: Sendable, Hashable {
    public var accountExists: Bool
    /// The holder's name as the bank has it (nil when the account does not exist).
    public var nameAtBank: String?
    /// How much of the expected name the bank's name holds: 0 to 100.
    public var nameMatchPercent: Int
    /// Whether the name matches well enough (at least `NameMatch.threshold`).
    public var matched: Bool { accountExists && nameMatchPercent >= NameMatch.thresholdPercent }
    public var reference: String
}

/// A plain name comparison: the share of the expected name's words (ignoring case, dots and titles)
/// found in the bank's name.
public enum NameMatch {
    public static let thresholdPercent = 80
    static let titles: Set<String> = ["MR", "MRS", "MS", "DR", "SHRI", "SMT", "KUMARI"]

    public static func percent(expected: String, actual: String) -> Int {
        let want = words(expected), have = Set(words(actual))
        guard !want.isEmpty else { return 0 }
        let found = want.filter(have.contains).count
        return found * 100 / want.count
    }

    static func words(_ name: String) -> [String] {
        name.uppercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { !titles.contains($0) }
    }
}

/// Accounts ending `0000` do not exist; accounts ending `9999` belong to someone else
/// ("SIMULATED OTHER HOLDER"); every other account is held in the expected name.
public final class SimulatedPennyDrop: PennyDrop {
    let faults: FaultInjector

    public init(faults: FaultPlan = .none, timeoutSeconds: Int = 10) {
        self.faults = FaultInjector(faults, kind: .pennyDrop, timeoutSeconds: timeoutSeconds)
    }

    public func verify(_ account: BankAccount, expectedName: String) async throws(IntegrationFailure) -> PennyDropResult {
        try faults.call()
        var values = SimulatedValues("penny-drop|\(account.ifsc.value)|\(account.number.digits)")
        let reference = "SIMIMPS" + values.digits(12)
        if account.number.digits.hasSuffix("0000") {
            return PennyDropResult(accountExists: false, nameAtBank: nil, nameMatchPercent: 0, reference: reference)
        }
        let name = account.number.digits.hasSuffix("9999") ? "SIMULATED OTHER HOLDER" : expectedName.uppercased()
        return PennyDropResult(accountExists: true, nameAtBank: name,
                               nameMatchPercent: NameMatch.percent(expected: expectedName, actual: name),
                               reference: reference)
    }
}
