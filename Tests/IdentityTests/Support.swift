import Crypto
import Foundation
import Identity
import IdentitySQL
import Ledger
import LedgerTestSupport

/// HMAC-SHA256 straight from swift-crypto, for the RFC 4231 check.
enum HMACCheck {
    static func sha256(key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}

/// A scratch database with the identity store and audit log over one connection.
struct IdentityDatabase {
    let scratch: ScratchDatabase
    let connection: LockedConnection
    var store: SQLIdentityStore { SQLIdentityStore(connection) }
    var audit: SQLAuditLog { SQLAuditLog(connection) }

    init(_ backend: Backend) throws {
        scratch = try ScratchDatabase(backend)
        connection = try LockedConnection.open(scratch.location)
    }

    /// Runs raw SQL, as someone tampering with the database would.
    func tamper(_ sql: String) throws { try connection.withConnection { try $0.execute(sql) } }
}

/// Cheap scrypt parameters so tests run fast; production uses `ScryptParameters.owasp`.
let testHasher = PasswordHasher(parameters: ScryptParameters(logRounds: 4, blockSize: 8, parallelism: 1))

/// The shipped `policies/roles.yaml`.
func shippedRolesPath() -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("policies/roles.yaml").path
}

extension HMACCheck {
    static func sha256Digest(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
}
