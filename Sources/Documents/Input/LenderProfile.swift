import Foundation
import Rules

/// The lender as it heads and signs its documents: name, address, contacts, registration and the
/// grievance redressal officer. Read from `templates/lender.json`.
public struct LenderProfile: Sendable, Hashable {
    /// The `lender` record every document model declares.
    public let value: Value

    static let fields = ["name", "address", "phone", "email", "website", "registration", "grievance_officer"]
    static let officerFields = ["name", "designation", "phone", "email", "address"]

    /// The profile in `data` (JSON), or every problem with it.
    public static func parse(_ data: Data, file: String) throws(DocumentInputError) -> LenderProfile {
        let reader = InputReader()
        guard let object = reader.object(data) else { throw DocumentInputError(file: file, problems: reader.problems) }
        reader.onlyKnown(object, fields, at: "")
        var lender: [(String, Value)] = []
        for key in fields.dropLast() {
            lender.append((key, .string(reader.string(object, key, at: "") ?? "")))
        }
        var officer: [(String, Value)] = []
        if let nested = reader.nested(object, "grievance_officer", at: "", required: true) {
            reader.onlyKnown(nested, officerFields, at: "grievance_officer")
            for key in officerFields {
                officer.append((key, .string(reader.string(nested, key, at: "grievance_officer") ?? "")))
            }
        }
        guard reader.problems.isEmpty else { throw DocumentInputError(file: file, problems: reader.problems) }
        lender.append(("grievance_officer", .record(RecordValue(officer))))
        return LenderProfile(value: .record(RecordValue(lender)))
    }

    /// The profile in the file at `path`.
    public static func load(path: String) throws(DocumentInputError) -> LenderProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DocumentInputError(file: path, problems: [.init(field: "", message: "cannot be read")])
        }
        return try parse(data, file: path)
    }

    /// Where a configuration folder keeps the profile.
    public static func path(inConfiguration folder: String) -> String { folder + "/templates/lender.json" }
}
