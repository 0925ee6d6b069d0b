import Crypto
import Foundation

/// Stable pseudo-random numbers derived from a key (a PAN, an idempotency key): SHA-256 of the key
/// and a counter. The same key always gives the same numbers, on every machine.
struct SimulatedValues {
    private let seed: String
    private var counter: UInt32 = 0

    init(_ seed: String) { self.seed = seed }

    /// The next number in 0..<bound.
    mutating func next(_ bound: Int) -> Int {
        counter += 1
        let digest = SHA256.hash(data: Data("\(seed)#\(counter)".utf8))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(bound))
    }

    /// `count` decimal digits.
    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(next(10))) })
    }
}
