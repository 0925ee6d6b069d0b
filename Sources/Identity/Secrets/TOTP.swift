import Crypto

/// Time-based one-time passwords (RFC 6238): HMAC-SHA-1, 30-second steps, 6 digits by default.
public struct TOTP: Sendable {
    public let secret: [UInt8]
    public let digits: Int
    public let stepSeconds: Int64

    public init(secret: [UInt8], digits: Int = 6, stepSeconds: Int64 = 30) {
        self.secret = secret
        self.digits = digits
        self.stepSeconds = stepSeconds
    }

    /// The time step of Unix time `seconds`.
    public func step(at seconds: Int64) -> Int64 { seconds / stepSeconds }

    /// The code for time step `step` (RFC 4226 dynamic truncation), zero-padded to `digits`.
    public func code(step: Int64) -> String {
        let counter = withUnsafeBytes(of: UInt64(step).bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset]) & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16
            | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The code at Unix time `seconds`.
    public func code(at seconds: Int64) -> String { code(step: step(at: seconds)) }

    /// The step `code` is valid for at `seconds`, allowing one step of clock drift either way and
    /// refusing steps at or before `lastUsedStep` (a code is used once); nil when it matches none.
    public func matchingStep(_ code: String, at seconds: Int64, after lastUsedStep: Int64? = nil) -> Int64? {
        let now = step(at: seconds)
        for candidate in [now, now - 1, now + 1] where candidate >= 0 && candidate > (lastUsedStep ?? Int64.min) {
            if ConstantTime.equal(Array(self.code(step: candidate).utf8), Array(code.utf8)) { return candidate }
        }
        return nil
    }
}
