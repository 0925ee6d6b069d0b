import Catalog
import Ledger
import LoanMath

/// One notification to send.
public struct NotificationRequest: Sendable, Hashable {
    /// Unique per message: sending the same id again queues nothing new.
    public var messageID: String
    public var channel: NotificationChannel
    public var template: String
    public var values: [String: String]
    public var businessDate: LocalDate

    public init(messageID: String, channel: NotificationChannel, template: String, values: [String: String],
                businessDate: LocalDate) {
        self.messageID = messageID
        self.channel = channel
        self.template = template
        self.values = values
        self.businessDate = businessDate
    }
}

/// A queued message, opened (for the sender and tests).
public struct OutboxMessage: Sendable, Hashable {
    public let messageID: String
    public let partyID: String
    public let channel: NotificationChannel
    public let template: String
    public let businessDate: LocalDate
    /// Nil once the party was anonymised.
    public let recipient: String?
    public let body: String?
    public let status: String
}

/// The simulator of the SMS and e-mail gateways: renders the template and writes the message to the
/// `notification_outbox` table (recipient and text sealed) and one line to `log` with ids only — no
/// name, number or address. A sender process would pick queued messages from the outbox. One fault
/// plan counts the calls of both channels.
public final class OutboxNotifier: Sendable {
    let database: PartyDatabase
    let sealer: PIISealer
    let templates: [String: NotificationTemplate]
    let log: @Sendable (String) -> Void
    let faults: FaultInjector

    public init(database: PartyDatabase, keyring: PIIKeyring,
                templates: [String: NotificationTemplate] = NotificationTemplates.shipped,
                faults: FaultPlan = .none, log: @escaping @Sendable (String) -> Void) {
        self.database = database
        self.sealer = PIISealer(keyring)
        self.templates = templates
        self.log = log
        self.faults = FaultInjector(faults, kind: .sms, timeoutSeconds: 5)
    }

    /// Queues `request` to `party` on its channel; a message id already queued is not queued again.
    public func send(_ request: NotificationRequest, to party: Party) async throws(IntegrationFailure) {
        let kind: IntegrationKind = request.channel == .sms ? .sms : .email
        let body: String
        switch prepare(request, party) {
        case .success(let text): body = text
        case .failure(let error): throw .rejected(kind, reason: error.description)
        }
        try faults.call(as: kind)
        let recipient = request.channel == .sms ? party.mobile!.digits : party.email!.value
        let id = request.messageID
        do {
            let queued = try database.transaction { connection -> Bool in
                if try !connection.query("SELECT message_id FROM notification_outbox WHERE message_id = ?", [.text(id)]).isEmpty {
                    return false
                }
                try connection.query("""
                    INSERT INTO notification_outbox (message_id, party_id, channel, template, business_date,
                        recipient_sealed, body_sealed, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued')
                    """, [.text(id), .text(party.id), .text(request.channel.rawValue), .text(request.template),
                          .text(request.businessDate.iso), .text(sealer.seal(recipient, owner: id, field: "recipient")),
                          .text(sealer.seal(body, owner: id, field: "body"))])
                return true
            }
            log("notification \(id) \(queued ? "queued" : "already queued"): \(request.channel.rawValue) "
                + "\(request.template) to party \(party.id) on \(request.businessDate.iso)")
        } catch {
            throw .storage(kind, reason: error.description)
        }
    }

    func prepare(_ request: NotificationRequest, _ party: Party) -> Result<String, NotificationError> {
        guard let template = templates[request.template] else { return .failure(.unknownTemplate(request.template)) }
        let hasRecipient = request.channel == .sms ? party.mobile != nil : party.email != nil
        guard hasRecipient, !party.isAnonymised else {
            return .failure(.noRecipient(partyID: party.id, channel: request.channel))
        }
        return template.render(request.values)
    }

    /// The messages queued for party `partyID`, opened, in message-id order.
    public func messages(partyID: String) throws(PartyStoreError) -> [OutboxMessage] {
        let rows = try database.transaction { connection in
            try connection.query("""
                SELECT message_id, party_id, channel, template, business_date, recipient_sealed, body_sealed, status
                FROM notification_outbox WHERE party_id = ? ORDER BY message_id
                """, [.text(partyID)])
        }
        var messages: [OutboxMessage] = []
        for row in rows {
            let id = row.text(0)
            func open(_ index: Int, _ field: String) throws(PartyStoreError) -> String? {
                guard !row.isNull(index) else { return nil }
                switch sealer.open(row.text(index), owner: id, field: field) {
                case .success(let text): return text
                case .failure(let error): throw .unreadable(error)
                }
            }
            messages.append(OutboxMessage(
                messageID: id, partyID: row.text(1), channel: NotificationChannel(rawValue: row.text(2)) ?? .sms,
                template: row.text(3), businessDate: LocalDate(iso: row.text(4)) ?? LocalDate(dayNumber: 0),
                recipient: try open(5, "recipient"), body: try open(6, "body"), status: row.text(7)))
        }
        return messages
    }
}
