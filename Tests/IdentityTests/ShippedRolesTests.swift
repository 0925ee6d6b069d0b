import Catalog
import Foundation
import Identity
import Testing

/// The shipped `policies/roles.yaml` against a table written here: every permission × every role.
@Suite struct ShippedRolesTests {
    static let reading: Set<Permission> = [.productsRead, .loansRead, .statementsRead]

    /// What each role should be granted, as a bank's segregation of duties has it.
    static let expected: [String: Set<Permission>] = [
        "loan-officer": reading.union([.foreclosuresQuote, .loansBook, .repaymentsPost, .prepaymentsPost]),
        "credit-analyst": reading.union([.foreclosuresQuote, .restructuresRequest, .partiesReadPII]),
        "credit-manager": reading.union([.foreclosuresQuote, .waiversApprove, .restructuresApprove, .writeOffsApprove,
                                          .partiesReadPII]),
        "operations": reading.union([.foreclosuresQuote, .repaymentsPost, .prepaymentsPost, .foreclosuresPost,
                                     .chargesPost, .eodRun, .eodRead]),
        "collections": reading.union([.foreclosuresQuote, .repaymentsPost, .waiversRequest, .writeOffsRequest]),
        "finance": reading.union([.eodRead, .trialBalanceRead, .writeOffsApprove]),
        "auditor": reading.union([.foreclosuresQuote, .eodRead, .trialBalanceRead, .auditRead]),
        "admin": [.productsRead, .usersManage, .configReload, .partiesReadPII],
    ]

    func shipped() throws -> AccessPolicy {
        let text = try String(contentsOfFile: shippedRolesPath(), encoding: .utf8)
        return try RolesLoader.load(ConfigSource(text: text, displayPath: AccessPolicy.path)).get()
    }

    @Test func everyPermissionOfEveryRole() throws {
        let policy = try shipped()
        #expect(Set(policy.roles.map(\.id)) == Set(Self.expected.keys))
        for role in policy.roles {
            for permission in Permission.allCases {
                let granted = role.permissions.contains(permission)
                #expect(granted == Self.expected[role.id]?.contains(permission),
                        "\(role.id) \(granted ? "grants" : "lacks") \(permission.rawValue)")
            }
        }
    }

    @Test func makersAndCheckersAreDifferentRoles() throws {
        let policy = try shipped()
        #expect(policy.makerChecker.map(\.name) == ["waivers", "restructures", "writeoffs"])
        for pair in policy.makerChecker {
            #expect(!policy.roles.contains { $0.permissions.isSuperset(of: [pair.request, pair.approve]) })
            #expect(policy.roles.contains { $0.permissions.contains(pair.request) })
            #expect(policy.roles.contains { $0.permissions.contains(pair.approve) })
        }
        let auditor = try #require(policy.role("auditor"))
        #expect(auditor.permissions.allSatisfy { $0.rawValue.hasSuffix(".read") || $0 == .foreclosuresQuote })
        #expect(policy.signIn == SignInSettings(tokenLifetimeSeconds: 900, failedAttemptsBeforeLockout: 5,
                                                lockoutSeconds: 1_800))
    }

    @Test func theMakerMayNotApproveTheirOwnRequest() throws {
        let pair = try #require(try shipped().pair(of: .waiversApprove))
        let manager = Principal(id: "meera", kind: .staff, roles: ["credit-manager"], permissions: [.waiversApprove])
        let both = Principal(id: "ravi", kind: .staff, roles: ["collections", "credit-manager"],
                             permissions: [.waiversRequest, .waiversApprove])
        #expect(throws: Never.self) { try pair.checkApproval(maker: "ravi", approver: manager).get() }
        #expect(pair.checkApproval(maker: "ravi", approver: both).failure == .sameMaker(pair: "waivers", user: "ravi"))
        let clerk = Principal(id: "anil", kind: .staff, roles: [], permissions: [.waiversRequest])
        #expect(pair.checkApproval(maker: "ravi", approver: clerk).failure
            == .notAChecker(pair: "waivers", user: "anil"))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
