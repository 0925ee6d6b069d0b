import Catalog
import Foundation
import Origination

/// What the application routes run over besides the loan book: the integration adapters (bureau,
/// KYC, e-sign, NACH, disbursement rail), where document bytes go, the key sealing parties'
/// personal data, the document checklist and the KFS validity.
public struct ApplicationServices: Sendable {
    public var integrations: IntegrationAdapters
    public var storage: any DocumentStorage
    public var keyring: PIIKeyring
    /// Checklist items an application needs before it is submitted.
    public var requiredDocuments: [String]
    /// Checklist items that may be attached besides the required ones.
    public var optionalDocuments: [String]
    /// Working days a KFS stays valid after its issue (RBI: at least 3 for a tenor of 7 days or more).
    public var kfsValidityWorkingDays: Int

    public init(integrations: IntegrationAdapters = .simulated(), storage: any DocumentStorage,
                keyring: PIIKeyring = .development, requiredDocuments: [String] = ["identity-proof", "income-proof"],
                optionalDocuments: [String] = ["address-proof", "bank-statement", "photograph"],
                kfsValidityWorkingDays: Int = 3) {
        self.integrations = integrations
        self.storage = storage
        self.keyring = keyring
        self.requiredDocuments = requiredDocuments
        self.optionalDocuments = optionalDocuments
        self.kfsValidityWorkingDays = kfsValidityWorkingDays
    }

    /// Simulated integrations, documents under `./lendline-documents`, the development PII key.
    public static var simulated: ApplicationServices {
        ApplicationServices(storage: LocalDirectoryStorage(directory: URL(fileURLWithPath: "lendline-documents")))
    }

    /// The checklist of `product` when its file names one, else the configured default.
    func checklist(for product: ProductDefinition?) -> DocumentChecklist {
        product?.references.checklist ?? DocumentChecklist(required: requiredDocuments, optional: optionalDocuments)
    }
}

/// Runs an integration adapter's async call to completion from a database session's thread (never
/// an event loop): the step's result is recorded in the same transaction as the step.
enum IntegrationWait {
    private final class Box<T>: @unchecked Sendable { var value: T? }

    static func result<T: Sendable>(_ call: @escaping @Sendable () async throws(IntegrationFailure) -> T)
        -> Result<T, IntegrationFailure> {
        let box = Box<Result<T, IntegrationFailure>>(), done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await capture(call)
            done.signal()
        }
        done.wait()
        return box.value!
    }

    private static func capture<T: Sendable>(_ call: @Sendable () async throws(IntegrationFailure) -> T) async
        -> Result<T, IntegrationFailure> {
        do { return .success(try await call()) } catch { return .failure(error) }
    }
}
