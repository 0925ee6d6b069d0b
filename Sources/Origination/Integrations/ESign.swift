/// An Aadhaar e-sign service provider: a signer signs a document, identified by its SHA-256 digest.
public protocol ESignService: Sendable {
    /// Asks `signerPartyID` to sign the document whose SHA-256 is `documentDigest` (hex).
    func requestSignature(documentDigest: String, signerPartyID: String, idempotencyKey: String)
        async throws(IntegrationFailure) -> ESignRequest
    /// Where the request stands.
    func status(of reference: String) async throws(IntegrationFailure) -> ESignRequest.Status
}

/// A signature request.
public struct ESignRequest: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case pending, signed, declined
    }

    public var reference: String
    public var status: Status
}

/// Signs at once; a document digest starting `dec1` is declined (to show that path). The same
/// idempotency key gives the same reference.
public final class SimulatedESign: ESignService {
    let faults: FaultInjector

    public init(faults: FaultPlan = .none, timeoutSeconds: Int = 10) {
        self.faults = FaultInjector(faults, kind: .eSign, timeoutSeconds: timeoutSeconds)
    }

    public func requestSignature(documentDigest: String, signerPartyID: String, idempotencyKey: String)
        async throws(IntegrationFailure) -> ESignRequest {
        try faults.call()
        guard documentDigest.count == 64, documentDigest.allSatisfy(\.isHexDigit) else {
            throw .rejected(.eSign, reason: "the document digest must be 64 hex characters (SHA-256)")
        }
        var values = SimulatedValues("esign|\(idempotencyKey)")
        let declined = documentDigest.lowercased().hasPrefix("dec1")
        return ESignRequest(reference: "SIMESIGN-" + values.digits(10) + (declined ? "-D" : "-S"),
                            status: declined ? .declined : .signed)
    }

    public func status(of reference: String) async throws(IntegrationFailure) -> ESignRequest.Status {
        try faults.call()
        guard reference.hasPrefix("SIMESIGN-") else { throw .rejected(.eSign, reason: "unknown reference") }
        return reference.hasSuffix("-D") ? .declined : .signed
    }
}
