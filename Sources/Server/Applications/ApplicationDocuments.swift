import Crypto
import Foundation
import Ledger

/// Where the bytes of application documents live, behind one interface: a local directory by
/// default, an object store later. Keys are chosen by the caller and never carry borrower data.
public protocol DocumentStorage: Sendable {
    /// Stores `bytes` under `key`, their SHA-256 in hex (storing them again changes nothing).
    func put(_ bytes: [UInt8], key: String) throws
    /// The bytes under `key`, nil when there are none.
    func get(key: String) throws -> [UInt8]?
}

/// Documents as files under one directory, one file per key.
public struct LocalDirectoryStorage: DocumentStorage {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// Keys are content digests: bytes already stored under `key` are not written again.
    public func put(_ bytes: [UInt8], key: String) throws {
        let file = directory.appendingPathComponent(key)
        if let size = try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int, size == bytes.count {
            return
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: file, options: .atomic)
    }

    public func get(key: String) throws -> [UInt8]? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(key).path).map { Array($0) }
    }
}

/// A document attached to an application against a checklist item: type, size, SHA-256 and the
/// storage key of its bytes.
struct ApplicationDocument: Sendable {
    var documentID: String
    var checklistItem: String
    var mediaType: String
    var sizeBytes: Int64
    var sha256: String
    var storageKey: String
    var uploadedBy: String
    var uploadedOn: String

    static func digest(_ bytes: [UInt8]) -> String { Hex.string(SHA256.hash(data: bytes)) }
}

extension ApplicationStore {
    func insert(document d: ApplicationDocument, applicationID: String) throws {
        try connection.query("""
            INSERT INTO loan_application_document (application_id, document_id, checklist_item, media_type, size_bytes,
                sha256, storage_key, uploaded_by, uploaded_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(applicationID), .text(d.documentID), .text(d.checklistItem), .text(d.mediaType),
                  .integer(d.sizeBytes), .text(d.sha256), .text(d.storageKey), .text(d.uploadedBy), .text(d.uploadedOn)])
    }

    func documents(_ applicationID: String) throws -> [ApplicationDocument] {
        try connection.query("""
            SELECT document_id, checklist_item, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_on
            FROM loan_application_document WHERE application_id = ? ORDER BY document_id
            """, [.text(applicationID)]).map { row in
            ApplicationDocument(documentID: row.text(0), checklistItem: row.text(1), mediaType: row.text(2),
                                sizeBytes: row.int64(3), sha256: row.text(4), storageKey: row.text(5),
                                uploadedBy: row.text(6), uploadedOn: row.text(7))
        }
    }
}
