import Crypto

/// The audit log's hash chain: `hash = SHA-256(prev_hash ‖ canonical row bytes)`.
public enum AuditChain {
    /// The `prev_hash` of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// The row's bytes in a fixed order, each field length-prefixed (`5:hello;`), absent fields as
    /// `-;`, so no two different rows share bytes.
    public static func canonicalBytes(sequence: Int64, _ entry: AuditEntry) -> [UInt8] {
        let fields: [String?] = [
            "audit-v1", String(sequence), String(entry.recordedAt), entry.principal, entry.principalKind.rawValue,
            entry.roles.joined(separator: ","), entry.remoteAddress, entry.method, entry.route, entry.resourceID,
            entry.before, entry.after, String(entry.status),
        ]
        var bytes: [UInt8] = []
        for field in fields {
            guard let field else {
                bytes += Array("-;".utf8)
                continue
            }
            let utf8 = Array(field.utf8)
            bytes += Array("\(utf8.count):".utf8) + utf8 + [UInt8(ascii: ";")]
        }
        return bytes
    }

    /// The hex hash of the row `sequence` holding `entry` after a row hashed `prevHash`.
    public static func hash(prevHash: String, sequence: Int64, _ entry: AuditEntry) -> String {
        var hasher = SHA256()
        hasher.update(data: Hex.decode(prevHash) ?? Array(prevHash.utf8))
        hasher.update(data: canonicalBytes(sequence: sequence, entry))
        return Hex.encode(hasher.finalize())
    }

    /// The record to store for `entry` after `previous` (nil for the first row).
    public static func link(_ entry: AuditEntry, after previous: (sequence: Int64, hash: String)?) -> AuditRecord {
        let sequence = (previous?.sequence ?? 0) + 1
        let prevHash = previous?.hash ?? genesis
        return AuditRecord(sequence: sequence, entry: entry, prevHash: prevHash,
                           hash: hash(prevHash: prevHash, sequence: sequence, entry))
    }
}

/// What `verify` found.
public enum AuditVerification: Sendable, Hashable {
    case intact(rows: Int)
    case broken(AuditBreak)
}

/// The first row where the chain breaks, and how.
public struct AuditBreak: Sendable, Hashable, CustomStringConvertible {
    public let sequence: Int64
    public let problem: String

    public init(sequence: Int64, problem: String) {
        self.sequence = sequence
        self.problem = problem
    }

    public var description: String { "row \(sequence): \(problem)" }
}

/// Checks rows in order, one at a time (a value-type state machine, so a long log streams through).
public struct AuditChainVerifier: Sendable {
    public private(set) var rows = 0
    var previous: (sequence: Int64, hash: String) = (0, AuditChain.genesis)

    public init() {}

    /// The break `record` shows, or nil when it links to the rows before.
    public mutating func check(_ record: AuditRecord) -> AuditBreak? {
        let expected = previous.sequence + 1
        if record.sequence != expected {
            let problem = record.sequence > expected
                ? "missing (deleted?): the row after \(previous.sequence) is \(record.sequence)"
                : "out of order: row \(record.sequence) follows row \(previous.sequence)"
            return AuditBreak(sequence: expected, problem: problem)
        }
        if record.prevHash != previous.hash {
            return AuditBreak(sequence: record.sequence,
                              problem: "prev_hash does not match the hash of row \(previous.sequence)")
        }
        let recomputed = AuditChain.hash(prevHash: record.prevHash, sequence: record.sequence, record.entry)
        if recomputed != record.hash {
            return AuditBreak(sequence: record.sequence,
                              problem: "hash does not match the row's contents (altered after it was written)")
        }
        previous = (record.sequence, record.hash)
        rows += 1
        return nil
    }
}
