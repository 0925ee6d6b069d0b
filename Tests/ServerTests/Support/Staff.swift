import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
@testable import Server

/// Staff of a lender on a `StaffServer`, each with a token for their roles: the users the
/// maker-checker tests act as.
struct Staff: Sendable {
    let client: APIClient
    let tokens: [String: String]

    /// Adds each user with their roles and signs them in.
    static func sign(_ server: StaffServer, _ client: APIClient, _ users: [String: [String]]) throws -> Staff {
        var tokens: [String: String] = [:]
        let issued = StaffServer.now() / 1_000_000
        for (id, roles) in users {
            try server.store.insertUser(StaffUser(id: id, displayName: id, roles: roles,
                                                  passwordHash: try StaffServer.cheap.hash("unused")))
            tokens[id] = server.signer.sign(AccessToken(userID: id, roles: roles, issuedAt: issued,
                                                        expiresAt: issued + 900, tokenID: "t-\(id)"))
        }
        return Staff(client: client, tokens: tokens)
    }

    /// The usual cast: a loan officer, operations, collections, a credit analyst, two credit
    /// managers, finance, and one person holding both the collections and the credit-manager role.
    static let cast: [String: [String]] = [
        "lo": ["loan-officer"], "ops": ["operations"], "col": ["collections"], "ca": ["credit-analyst"],
        "cm1": ["credit-manager"], "cm2": ["credit-manager"], "fin": ["finance"], "both": ["collections", "credit-manager"],
    ]

    func post(_ user: String, _ uri: String, _ body: String, key: String? = nil) async throws -> Reply {
        try await client.send(.post, uri, token: tokens[user], key: key ?? UUID().uuidString, body: body)
    }

    func get(_ user: String, _ uri: String) async throws -> Reply { try await client.get(uri, token: tokens[user]) }

    /// RBI's illustration loan L-1 booked (₹1,00,000, 12%, 12 months from 31 Jan 2026).
    func bookIllustration() async throws {
        let booked = try await post("lo", "/api/v1/loans", """
            {"loan_id":"L-1","product":"personal-loan","principal":"100000","rate":"12%","tenure":12,
             "disbursement_date":"2026-01-31"}
            """)
        precondition(booked.status == .created, booked.text)
    }

    /// Day ends through `date` by operations, a year at most per call.
    func dayEnds(through date: String) async throws {
        let reply = try await post("ops", "/api/v1/eod", #"{"date":"\#(date)"}"#)
        precondition(reply.status == .ok, reply.text)
    }

    /// The illustration loan with instalment 1 paid on 28 Feb and instalment 2 (31 Mar) not, day
    /// ends through `through`.
    func overdueLoan(through: String) async throws {
        try await bookIllustration()
        try await dayEnds(through: "2026-02-27")
        let paid = try await post("ops", "/api/v1/loans/L-1/repayments",
                                  #"{"amount":"8884.88","date":"2026-02-28","reference":"UTR1"}"#)
        precondition(paid.status == .created, paid.text)
        try await dayEnds(through: through)
    }
}

extension Reply {
    /// The case state of a case reply.
    var state: String? { json["state"] as? String }
    var caseID: String { json["case_id"] as? String ?? "" }
    var pending: [[String: Any]] { json["pending_approvals"] as? [[String: Any]] ?? [] }
}
