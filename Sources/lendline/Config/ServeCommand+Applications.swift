import ArgumentParser
import Catalog
import Foundation
import Logging
import Origination
import Rules
import Server

extension ServeCommand {
    /// Origination's services as the configuration says: the adapters of `policies/integrations.yaml`
    /// (credentials from the environment), the PII key from `LENDLINE_PII_KEY` or
    /// `LENDLINE_PII_KEY_FILE`, and documents under `--documents`. A development run (`--dev-token`
    /// or `--demo`) may fall back to the published development key; any other run refuses to start
    /// without a key of its own rather than seal borrowers' data with a public one.
    func applicationServices(_ catalog: Catalog, _ logger: Logger) throws -> ApplicationServices {
        let environment = ProcessInfo.processInfo.environment
        let (configuration, diagnostics) = IntegrationsLoader.load(catalog.tree)
        if !diagnostics.isEmpty { try refuse(DiagnosticsReport.render(DiagnosticsError(diagnostics))) }
        let integrations: IntegrationAdapters
        switch IntegrationAdapters.configured(configuration ?? .allSimulated, environment: environment) {
        case .success(let adapters): integrations = adapters
        case .failure(let failure): try refuse("error: \(IntegrationConfiguration.path): \(failure)")
        }
        let development = devToken != nil || demo
        let keyring: PIIKeyring
        switch PIIKeyring.load(environment: environment, mode: development ? .development : .production) {
        case .success(let loaded): keyring = loaded
        case .failure(let error): try refuse("error: \(error) (or run with --dev-token for development)")
        }
        if keyring.isDevelopmentKey {
            logger.warning("personal data sealed with the published development key; set \(PIIKeyring.keyVariable)")
        }
        let folder = documents ?? URL(fileURLWithPath: config).appendingPathComponent("lendline-documents").path
        logger.info("application documents under \(folder)")
        let storage = LocalDirectoryStorage(directory: URL(fileURLWithPath: folder))
        return ApplicationServices(integrations: integrations, storage: storage, keyring: keyring)
    }

    /// Says why the server cannot start and exits with status 2.
    private func refuse(_ message: String) throws -> Never {
        standardError(message)
        throw ExitCode(2)
    }
}
