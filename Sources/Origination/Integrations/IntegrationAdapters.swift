import Catalog

/// The adapter of every integration, chosen by `policies/integrations.yaml`.
public struct IntegrationAdapters: Sendable {
    public var bureau: any CreditBureau
    public var kyc: any KYCVerifier
    public var pennyDrop: any PennyDrop
    public var eSign: any ESignService
    public var disbursement: any DisbursementRail
    public var mandates: any NACHMandateService
    /// The retry policy of each integration, for callers recording pending steps.
    public var retries: [IntegrationKind: RetryPolicy]

    /// Simulators for every integration, with `faults` planned per integration (tests, demo).
    public static func simulated(_ configuration: IntegrationConfiguration = .allSimulated,
                                 faults: [IntegrationKind: FaultPlan] = [:]) -> IntegrationAdapters {
        func plan(_ kind: IntegrationKind) -> FaultPlan { faults[kind] ?? .none }
        func timeout(_ kind: IntegrationKind) -> Int { configuration[kind].timeoutSeconds }
        return IntegrationAdapters(
            bureau: SimulatedCreditBureau(faults: plan(.creditBureau), timeoutSeconds: timeout(.creditBureau)),
            kyc: SimulatedKYCVerifier(faults: plan(.kyc), timeoutSeconds: timeout(.kyc)),
            pennyDrop: SimulatedPennyDrop(faults: plan(.pennyDrop), timeoutSeconds: timeout(.pennyDrop)),
            eSign: SimulatedESign(faults: plan(.eSign), timeoutSeconds: timeout(.eSign)),
            disbursement: SimulatedDisbursementRail(faults: plan(.disbursement), timeoutSeconds: timeout(.disbursement)),
            mandates: SimulatedNACHMandates(faults: plan(.nachMandate), timeoutSeconds: timeout(.nachMandate)),
            retries: configuration.settings.mapValues(\.retry))
    }

    /// The adapters `configuration` names, credentials read from `environment`. Of the HTTP adapters
    /// only the bureau's exists so far: another integration set to `http` is refused here, at
    /// startup, naming it — never silently simulated.
    public static func configured(_ configuration: IntegrationConfiguration, environment: [String: String] = [:],
                                  transport: any HTTPTransport = URLSessionTransport())
        -> Result<IntegrationAdapters, IntegrationFailure> {
        var adapters = simulated(configuration)
        for kind in IntegrationKind.allCases where configuration[kind].adapter == .http {
            guard kind == .creditBureau else {
                let reason = "the http adapter is not available in this version; use `adapter: simulator`"
                return .failure(.notConfigured(kind, reason: reason))
            }
            switch HTTPCreditBureau.make(configuration[kind], environment: environment, transport: transport) {
            case .success(let bureau): adapters.bureau = bureau
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(adapters)
    }
}
