import Catalog
import Foundation

/// Which calls of a simulator fail, and how: by call number (1 = the first call), so a test or a
/// demo replays the same failures every time.
public struct FaultPlan: Sendable, Hashable {
    /// A failure a simulator can be told to give.
    public enum Fault: Sendable, Hashable {
        case timeout
        case serverError(status: Int)
    }

    let byCall: [Int: Fault]
    /// The fault of every call not in `byCall` (nil: they succeed).
    let otherwise: Fault?

    public init(_ byCall: [Int: Fault] = [:], otherwise: Fault? = nil) {
        self.byCall = byCall
        self.otherwise = otherwise
    }

    /// No call fails.
    public static let none = FaultPlan()

    /// The calls numbered `calls` fail with `fault`; the others succeed.
    public static func failing(_ calls: ClosedRange<Int>, with fault: Fault) -> FaultPlan {
        FaultPlan(Dictionary(uniqueKeysWithValues: calls.map { ($0, fault) }))
    }

    /// Every call fails with `fault` (the service is down).
    public static func always(_ fault: Fault) -> FaultPlan { FaultPlan(otherwise: fault) }

    func fault(forCall number: Int) -> Fault? { byCall[number] ?? otherwise }
}

/// Counts a simulator's calls and applies its fault plan; safe to share between tasks.
final class FaultInjector: @unchecked Sendable {
    private let plan: FaultPlan
    private let kind: IntegrationKind
    private let timeoutSeconds: Int
    private let lock = NSLock()
    private var calls = 0

    init(_ plan: FaultPlan, kind: IntegrationKind, timeoutSeconds: Int) {
        self.plan = plan
        self.kind = kind
        self.timeoutSeconds = timeoutSeconds
    }

    /// Counts one call; throws the failure planned for it, if any, as a failure of `kind` (by
    /// default the simulator's own).
    func call(as kind: IntegrationKind? = nil) throws(IntegrationFailure) {
        let kind = kind ?? self.kind
        lock.lock()
        calls += 1
        let number = calls
        lock.unlock()
        switch plan.fault(forCall: number) {
        case .timeout?: throw .timeout(kind, afterSeconds: timeoutSeconds)
        case .serverError(let status)?: throw .serverError(kind, status: status)
        case nil: return
        }
    }

    /// Calls made so far.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }
}
