import Crypto
import CryptoExtras

/// scrypt parameters (RFC 7914): cost N = 2^`logRounds`, block size r, parallelism p.
public struct ScryptParameters: Sendable, Hashable {
    public let logRounds: Int
    public let blockSize: Int
    public let parallelism: Int

    public init(logRounds: Int, blockSize: Int, parallelism: Int) {
        self.logRounds = logRounds
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// OWASP's scrypt recommendation: N = 2^17 (128 MiB), r = 8, p = 1.
    public static let owasp = ScryptParameters(logRounds: 17, blockSize: 8, parallelism: 1)

    /// Bounds accepted when reading a stored hash, so a corrupted row cannot ask for gigabytes.
    static let logRoundsRange = 1...20
    static let blockSizeRange = 1...32
    static let parallelismRange = 1...16
}

/// Hashes staff passwords with scrypt, encoded with their parameters and salt so either can change:
/// `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (salt and key base64url).
public struct PasswordHasher: Sendable {
    public let parameters: ScryptParameters
    static let saltBytes = 16
    public static let keyBytes = 32

    public init(parameters: ScryptParameters = .owasp) { self.parameters = parameters }

    /// The raw scrypt key of `password` and `salt` under `parameters`.
    public static func derive(_ password: [UInt8], salt: [UInt8], parameters: ScryptParameters,
                              byteCount: Int = keyBytes) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: password, salt: salt, outputByteCount: byteCount, rounds: 1 << parameters.logRounds,
            blockSize: parameters.blockSize, parallelism: parameters.parallelism)
        return key.withUnsafeBytes { Array($0) }
    }

    /// The encoded hash of `password` with a fresh random salt.
    public func hash(_ password: String) throws -> String {
        try hash(password, salt: SecureRandom.bytes(Self.saltBytes))
    }

    /// The encoded hash of `password` with `salt` (tests pass a fixed salt).
    public func hash(_ password: String, salt: [UInt8]) throws -> String {
        let key = try Self.derive(Array(password.utf8), salt: salt, parameters: parameters)
        let p = parameters
        return "$scrypt$ln=\(p.logRounds),r=\(p.blockSize),p=\(p.parallelism)$"
            + Base64URL.encode(salt) + "$" + Base64URL.encode(key)
    }

    /// Whether `password` matches `encoded`; false for a malformed hash. Keys compare in constant time.
    public static func verify(_ password: String, against encoded: String) -> Bool {
        guard let stored = StoredHash(encoded),
              let key = try? derive(Array(password.utf8), salt: stored.salt, parameters: stored.parameters,
                                    byteCount: stored.key.count)
        else { return false }
        return ConstantTime.equal(key, stored.key)
    }

    /// Whether `encoded` was made with other parameters than these (rehash at the next sign-in).
    public func needsRehash(_ encoded: String) -> Bool { StoredHash(encoded)?.parameters != parameters }
}

/// The parts of an encoded hash.
struct StoredHash {
    let parameters: ScryptParameters
    let salt: [UInt8]
    let key: [UInt8]

    init?(_ encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { return nil }
        var values: [String: Int] = [:]
        for pair in parts[2].split(separator: ",") {
            let kv = pair.split(separator: "=")
            guard kv.count == 2, let n = Int(kv[1]) else { return nil }
            values[String(kv[0])] = n
        }
        guard let ln = values["ln"], let r = values["r"], let p = values["p"],
              ScryptParameters.logRoundsRange.contains(ln), ScryptParameters.blockSizeRange.contains(r),
              ScryptParameters.parallelismRange.contains(p),
              let salt = Base64URL.decode(parts[3]), let key = Base64URL.decode(parts[4]), key.count >= 16
        else { return nil }
        parameters = ScryptParameters(logRounds: ln, blockSize: r, parallelism: p)
        self.salt = salt
        self.key = key
    }
}
