import Foundation

/// A short text sent by SMS or e-mail, with `{placeholder}`s filled from values at send time.
public struct NotificationTemplate: Sendable, Hashable {
    public let id: String
    public let text: String
    /// The placeholders, in order of first use.
    public let placeholders: [String]

    /// The template `text`; nil when a brace is unbalanced or a placeholder is not a lower-case word.
    public init?(id: String, text: String) {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else { return nil }
            let name = String(rest[rest.index(after: open)..<close])
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
                return nil
            }
            if !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        self.id = id
        self.text = text
        self.placeholders = names
    }

    /// The text with every placeholder replaced, or the first placeholder `values` lacks.
    public func render(_ values: [String: String]) -> Result<String, NotificationError> {
        if let missing = placeholders.first(where: { values[$0] == nil }) {
            return .failure(.missingValue(template: id, placeholder: missing))
        }
        var out = text
        for name in placeholders { out = out.replacingOccurrences(of: "{\(name)}", with: values[name]!) }
        return .success(out)
    }
}

/// Why a notification could not be prepared.
public enum NotificationError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownTemplate(String)
    case missingValue(template: String, placeholder: String)
    /// The party has no mobile number (SMS) or e-mail address, or was anonymised.
    case noRecipient(partyID: String, channel: NotificationChannel)

    public var description: String {
        switch self {
        case .unknownTemplate(let id): "there is no notification template `\(id)`"
        case .missingValue(let template, let name): "template `\(template)` needs a value for `{\(name)}`"
        case .noRecipient(let party, let channel): "party \(party) has no \(channel == .sms ? "mobile number" : "e-mail address")"
        }
    }
}

/// How a notification reaches a party.
public enum NotificationChannel: String, Sendable, Hashable, CaseIterable {
    case sms, email
}

/// The templates origination sends (SMS-length; e-mails reuse them as their body).
public enum NotificationTemplates {
    public static let shipped: [String: NotificationTemplate] = Dictionary(uniqueKeysWithValues: [
        ("application-received", "Dear {name}, we have received your loan application {application}. We will update you shortly."),
        ("kyc-pending", "Dear {name}, please complete KYC for application {application} to continue."),
        ("sanctioned", "Dear {name}, your loan of Rs {amount} is sanctioned. Review and accept the Key Facts Statement by {valid_until}."),
        ("disbursed", "Dear {name}, Rs {amount} of loan {loan} was paid to your account on {date}, reference {utr}."),
        ("emi-reminder", "Dear {name}, your instalment of Rs {amount} for loan {loan} is due on {date}."),
    ].map { ($0.0, NotificationTemplate(id: $0.0, text: $0.1)!) })
}
