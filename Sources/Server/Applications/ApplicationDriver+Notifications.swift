import LoanMath
import Origination

extension ApplicationDriver {
    /// Queues an SMS to the applicant in the notification outbox, in this transaction (so it is
    /// sent only if the step commits). Best effort: an applicant without a mobile number gets none.
    func notify(_ a: ApplicationRecord, template: String, messageID: String, values: [String: String],
                on date: LocalDate) throws {
        guard let party = try opened.party(a.applicantPartyID, parties), party.mobile != nil else { return }
        var all = values
        all["name"] = party.name
        all["application"] = a.id
        let request = NotificationRequest(messageID: messageID, channel: .sms, template: template, values: all,
                                          businessDate: date)
        let notifier = notifier
        _ = IntegrationWait.result { () async throws(IntegrationFailure) in try await notifier.send(request, to: party) }
    }
}

/// The parties one command opened, by id: each is read and decrypted once per command.
final class OpenedParties {
    private var byID: [String: Party] = [:]

    func party(_ id: String, _ store: SQLPartyStore) throws -> Party? {
        if let party = byID[id] { return party }
        let party = try store.party(id)
        byID[id] = party
        return party
    }
}
