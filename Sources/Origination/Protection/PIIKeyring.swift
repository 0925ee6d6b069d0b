import Crypto
import Foundation

/// The key that protects personal data at rest, and the keys derived from it (HKDF-SHA256): one
/// seals fields (AES-256-GCM), one computes the PAN blind index (HMAC-SHA256), one derives Aadhaar
/// vault tokens. Configured as 32 random bytes, base64, in `LENDLINE_PII_KEY` or in the file
/// `LENDLINE_PII_KEY_FILE` names (`openssl rand -base64 32`).
public struct PIIKeyring: Sendable {
    let sealingKey: SymmetricKey
    let indexKey: SymmetricKey
    let tokenKey: SymmetricKey
    /// A short, non-secret name of the key (hex), written with every sealed value so that a value
    /// sealed under another key is named as such rather than failing obscurely.
    public let keyID: String
    /// Whether this is the published development key (never accepted in production).
    public let isDevelopmentKey: Bool

    /// Bytes a key holds.
    public static let keyBytes = 32

    /// The keyring of a 32-byte master key.
    public init(masterKey: [UInt8]) throws(PIIKeyError) {
        guard masterKey.count == Self.keyBytes else { throw .wrongLength(source: "the key", bytes: masterKey.count) }
        let master = SymmetricKey(data: masterKey)
        func derive(_ purpose: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: master, salt: Data("lendline-pii".utf8),
                                   info: Data(purpose.utf8), outputByteCount: 32)
        }
        sealingKey = derive("seal-v1")
        indexKey = derive("pan-index-v1")
        tokenKey = derive("aadhaar-token-v1")
        let id = HMAC<SHA256>.authenticationCode(for: Data("key-id".utf8), using: derive("key-id-v1"))
        keyID = id.prefix(4).map { String(format: "%02x", $0) }.joined()
        isDevelopmentKey = masterKey == Self.developmentKeyBytes
    }

    /// Whether the process runs for real (a missing key is an error) or for development.
    public enum Mode: String, Sendable {
        case production, development
    }

    /// The environment variable holding the key in base64.
    public static let keyVariable = "LENDLINE_PII_KEY"
    /// The environment variable naming a file that holds the key in base64.
    public static let keyFileVariable = "LENDLINE_PII_KEY_FILE"

    /// The keyring configured in `environment`. In production a key is required and the development key
    /// is refused; in development a missing key falls back to the published development key.
    /// `readFile` reads a key file (injected so tests need no files).
    public static func load(environment: [String: String], mode: Mode,
                            readFile: (String) -> Data? = { FileManager.default.contents(atPath: $0) })
        -> Result<PIIKeyring, PIIKeyError> {
        let text: String
        let source: String
        if let value = environment[keyVariable], !value.isEmpty {
            (text, source) = (value, keyVariable)
        } else if let path = environment[keyFileVariable], !path.isEmpty {
            guard let data = readFile(path), let contents = String(data: data, encoding: .utf8) else {
                return .failure(.unreadableFile(variable: keyFileVariable))
            }
            (text, source) = (contents, "the file \(keyFileVariable) names")
        } else {
            return mode == .production ? .failure(.missing) : .success(development)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Data(base64Encoded: trimmed) else { return .failure(.notBase64(source: source)) }
        guard bytes.count == keyBytes else { return .failure(.wrongLength(source: source, bytes: bytes.count)) }
        let keyring: PIIKeyring
        do { keyring = try PIIKeyring(masterKey: Array(bytes)) } catch { return .failure(error) }
        if mode == .production, keyring.isDevelopmentKey { return .failure(.developmentKeyInProduction) }
        return .success(keyring)
    }

    /// The published development key (bytes 0x4c, 0x4c, …): anyone can read data sealed with it.
    static let developmentKeyBytes: [UInt8] = Array(repeating: 0x4c, count: keyBytes)
    /// The development keyring: demo and local runs without a configured key.
    public static let development = try! PIIKeyring(masterKey: developmentKeyBytes)
}

/// Why no PII key could be configured. Descriptions name the variable, never the key.
public enum PIIKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    case missing
    case unreadableFile(variable: String)
    case notBase64(source: String)
    case wrongLength(source: String, bytes: Int)
    case developmentKeyInProduction

    public var description: String {
        switch self {
        case .missing:
            "no key for personal data: set \(PIIKeyring.keyVariable) to 32 random bytes in base64 "
                + "(openssl rand -base64 32), or \(PIIKeyring.keyFileVariable) to a file holding them"
        case .unreadableFile(let variable): "the key file that \(variable) names cannot be read"
        case .notBase64(let source): "the key in \(source) is not base64"
        case .wrongLength(let source, let bytes): "the key in \(source) has \(bytes) bytes; it needs \(PIIKeyring.keyBytes)"
        case .developmentKeyInProduction:
            "the key configured is the published development key; production needs a key of its own"
        }
    }
}
