/// Comparison whose time does not depend on where two secrets first differ.
public enum ConstantTime {
    /// Whether `a` and `b` are equal; examines every byte when the lengths match.
    public static func equal(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}

/// Random bytes from the system's cryptographically secure generator (or an injected one in tests).
public enum SecureRandom {
    public static func bytes(_ count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    public static func bytes(_ count: Int) -> [UInt8] {
        var system = SystemRandomNumberGenerator()
        return bytes(count, using: &system)
    }
}
