import LoanMath

/// A KYC service (the income-tax PAN verification, CKYC, a KYC agency): does the PAN exist, and do
/// the name and date of birth match it.
public protocol KYCVerifier: Sendable {
    func verify(_ request: KYCRequest) async throws(IntegrationFailure) -> KYCResult
}

/// What is checked.
public struct KYCRequest: Sendable, Hashable {
    public var pan: PAN
    public var name: String
    public var dateOfBirth: LocalDate?

    public init(pan: PAN, name: String, dateOfBirth: LocalDate? = nil) {
        self.pan = pan
        self.name = name
        self.dateOfBirth = dateOfBirth
    }
}

/// What the service found.
public struct KYCResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case verified
        /// The PAN exists but the name given does not match it.
        case nameMismatch = "name-mismatch"
    }

    public var status: Status
    /// The service's reference for this check.
    public var reference: String

    public var passed: Bool { status == .verified }
}

/// Verifies every well-formed PAN, except `TestPANs.kycNameMismatch`.
public final class SimulatedKYCVerifier: KYCVerifier {
    let faults: FaultInjector

    public init(faults: FaultPlan = .none, timeoutSeconds: Int = 10) {
        self.faults = FaultInjector(faults, kind: .kyc, timeoutSeconds: timeoutSeconds)
    }

    public func verify(_ request: KYCRequest) async throws(IntegrationFailure) -> KYCResult {
        try faults.call()
        var values = SimulatedValues("kyc|\(request.pan.value)")
        let status: KYCResult.Status = request.pan.value == TestPANs.kycNameMismatch ? .nameMismatch : .verified
        return KYCResult(status: status, reference: "SIMKYC-" + values.digits(10))
    }
}
