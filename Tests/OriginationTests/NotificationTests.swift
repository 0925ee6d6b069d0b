import Foundation
import LedgerTestSupport
import Testing
@testable import Origination

/// Lines a notifier logged, for checking.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

/// Templates, the outbox and the log.
@Suite struct NotificationTests {
    @Test func templatesFillTheirPlaceholders() throws {
        let template = try #require(NotificationTemplate(id: "t", text: "Dear {name}, Rs {amount} on {date}; {name}."))
        #expect(template.placeholders == ["name", "amount", "date"])
        #expect(template.render(["name": "Ravi", "amount": "8,884.88", "date": "28 Feb", "extra": "x"]).value
            == "Dear Ravi, Rs 8,884.88 on 28 Feb; Ravi.")
        #expect(template.render(["name": "Ravi"]).failure == .missingValue(template: "t", placeholder: "amount"))
        #expect(NotificationTemplate(id: "t", text: "Dear {name") == nil)
        #expect(NotificationTemplate(id: "t", text: "Dear name}") == nil)
        #expect(NotificationTemplate(id: "t", text: "Dear {Name}") == nil)
        #expect(NotificationTemplates.shipped.count == 5)
    }

    @Test(arguments: Backend.available)
    func messagesGoToTheOutboxSealedAndTheLogWithoutPersonalData(_ backend: Backend) async throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        let ravi = try f.store.create(Parties.details(Parties.ravi), id: "P-1", on: Parties.today)
        let log = LogLines()
        let notifier = OutboxNotifier(database: f.database, keyring: testKeyring) { log.append($0) }
        let request = NotificationRequest(messageID: "M-1", channel: .sms, template: "application-received",
                                          values: ["name": "Ravi Kumar", "application": "A-1"], businessDate: Parties.today)
        try await notifier.send(request, to: ravi)
        try await notifier.send(request, to: ravi)  // the same message id: queued once
        var email = request
        email.messageID = "M-2"
        email.channel = .email
        try await notifier.send(email, to: ravi)

        let messages = try notifier.messages(partyID: "P-1")
        #expect(messages.map(\.messageID) == ["M-1", "M-2"])
        #expect(messages[0].recipient == "9876543210")
        #expect(messages[1].recipient == "ravi.kumar@example.in")
        #expect(messages[0].body == "Dear Ravi Kumar, we have received your loan application A-1. We will update you shortly.")
        #expect(messages.allSatisfy { $0.status == "queued" })
        #expect(log.all == [
            "notification M-1 queued: sms application-received to party P-1 on 2026-03-02",
            "notification M-1 already queued: sms application-received to party P-1 on 2026-03-02",
            "notification M-2 queued: email application-received to party P-1 on 2026-03-02",
        ])
        let raw = try f.raw("notification_outbox")
        for clear in ["Ravi", "9876543210", "ravi.kumar"] { #expect(!raw.contains(clear)) }

        try f.store.anonymise("P-1", on: date("2031-04-01"), reason: .erasureRequest, requestedBy: "meera")
        let erased = try notifier.messages(partyID: "P-1")
        #expect(erased.count == 2 && erased.allSatisfy { $0.recipient == nil && $0.body == nil })
    }

    @Test(arguments: Backend.available)
    func aMessageThatCannotBeSentIsRefusedAndNotQueued(_ backend: Backend) async throws {
        let f = try PartyFixture(backend)
        defer { f.scratch.remove() }
        let firm = try f.store.create(Parties.details(Parties.firm), id: "B-1", on: Parties.today)
        let notifier = OutboxNotifier(database: f.database, keyring: testKeyring, faults: .failing(1...1, with: .timeout)) { _ in }
        func send(_ template: String, _ channel: NotificationChannel, _ values: [String: String]) async -> IntegrationFailure? {
            let request = NotificationRequest(messageID: "M-\(template)", channel: channel, template: template, values: values,
                                              businessDate: Parties.today)
            return await Result { () async throws(IntegrationFailure) in try await notifier.send(request, to: firm) }.failure
        }
        #expect(await send("welcome", .sms, [:]) == .rejected(.sms, reason: "there is no notification template `welcome`"))
        #expect(await send("application-received", .email, ["name": "x", "application": "A-1"])
            == .rejected(.email, reason: "party B-1 has no e-mail address"))
        #expect(await send("application-received", .sms, ["name": "Umang Traders"])
            == .rejected(.sms, reason: "template `application-received` needs a value for `{application}`"))
        // The gateway times out once: pending, then it goes through.
        #expect(await send("kyc-pending", .sms, ["name": "Umang Traders", "application": "A-1"]) == .timeout(.sms, afterSeconds: 5))
        #expect(await send("kyc-pending", .sms, ["name": "Umang Traders", "application": "A-1"]) == nil)
        #expect(try notifier.messages(partyID: "B-1").map(\.messageID) == ["M-kyc-pending"])
    }
}
