import Catalog
import LoanMath
import Testing
@testable import Origination

/// The simulators: stable answers per input, reserved test cases, and planned failures.
@Suite struct IntegrationSimulatorTests {
    static func pan(_ text: String) -> PAN { PAN.parse(text).value! }
    static func request(_ text: String) -> BureauRequest {
        BureauRequest(pan: pan(text), name: "Ravi Kumar", enquiryDate: date("2026-03-02"))
    }

    static let account = BankAccount(number: BankAccountNumber.parse("123456781234").value!, ifsc: IFSC.parse("SBIN0001234").value!)

    @Test func theBureauAnswersTheSamePANTheSameWay() async throws {
        let bureau = SimulatedCreditBureau()
        let first = try await bureau.report(for: Self.request("ABCPE1234F"))
        let second = try await SimulatedCreditBureau().report(for: Self.request("ABCPE1234F"))
        #expect(first == second)
        #expect((550...900).contains(first.score))
        #expect(first.accounts.count <= 4 && first.enquiriesLast6Months <= 5)
        #expect(first.accounts.allSatisfy { $0.daysPastDueByMonth.count == 12 })
        // Another PAN gives another report (they differ somewhere).
        let other = try await bureau.report(for: Self.request("ACUPA7085R"))
        #expect(other != first)
    }

    @Test func scoresSpreadOverTheRange() async throws {
        var scores: Set<Int> = []
        for serial in 1...40 {
            let text = "ABCPE" + String(serial).leftPadded(4) + "F"
            scores.insert(try await SimulatedCreditBureau().report(for: Self.request(text)).score)
        }
        #expect(scores.count > 30)
        #expect(scores.allSatisfy { (550...900).contains($0) })
    }

    @Test func reservedPANsGiveAThinFileADefaulterAndFailures() async throws {
        let bureau = SimulatedCreditBureau()
        let thin = try await bureau.report(for: Self.request(TestPANs.thinFile))
        #expect(thin.score == -1 && thin.accounts.isEmpty && thin.existingEMI == .zero())
        let defaulter = try await bureau.report(for: Self.request(TestPANs.defaulter))
        #expect(defaulter.score == 480)
        #expect(defaulter.maxDaysPastDue12Months == 180)
        #expect(defaulter.writtenOffOrSettled)
        #expect(defaulter.existingEMI == Money(major: 10_400))
        #expect(defaulter.openAccounts == 1)
        let down = await Result { () async throws(IntegrationFailure) in try await bureau.report(for: Self.request(TestPANs.bureauDown)) }
        #expect(down.failure == .serverError(.creditBureau, status: 503))
        let slow = await Result { () async throws(IntegrationFailure) in try await bureau.report(for: Self.request(TestPANs.bureauTimeout)) }
        #expect(slow.failure == .timeout(.creditBureau, afterSeconds: 10))
    }

    /// The bureau's retry policy in the shipped file: 3 retries after 5 s, doubling (5, 10, 20).
    @Test func aFailingCallIsPendingUntilItSucceedsOrRunsOutOfAttempts() async throws {
        let policy = RetryPolicy(attempts: 3, backoffSeconds: 5, maxBackoffSeconds: 60)
        let bureau = SimulatedCreditBureau(faults: .failing(1...2, with: .timeout), timeoutSeconds: 15)
        let call = { () async throws(IntegrationFailure) -> BureauReport in try await bureau.report(for: Self.request("ABCPE1234F")) }
        let first = await IntegrationCall.attempt(1, policy: policy, call)
        guard case .pending(.timeout(.creditBureau, 15), 1, 5) = first else {
            Issue.record("attempt 1 is not pending for 5 s: \(first)")
            return
        }
        guard case .pending(_, 2, 10) = await IntegrationCall.attempt(2, policy: policy, call) else {
            Issue.record("attempt 2 is not pending for 10 s")
            return
        }
        guard case .completed(let report) = await IntegrationCall.attempt(3, policy: policy, call) else {
            Issue.record("attempt 3 did not complete")
            return
        }
        #expect(report.reference.hasPrefix("SIMBUR-"))
        #expect(bureau.calls == 3)

        let down = SimulatedCreditBureau(faults: .always(.serverError(status: 502)))
        let downCall = { () async throws(IntegrationFailure) -> BureauReport in try await down.report(for: Self.request("ABCPE1234F")) }
        guard case .failed(.serverError(.creditBureau, 502), 4) = await IntegrationCall.attempt(4, policy: policy, downCall) else {
            Issue.record("the fourth attempt (no retry left) did not fail for good")
            return
        }
    }

    @Test func retryDelaysDoubleUpToTheCap() {
        let policy = RetryPolicy(attempts: 5, backoffSeconds: 30, maxBackoffSeconds: 100)
        #expect((1...6).map { policy.delaySeconds(afterAttempt: $0) } == [30, 60, 100, 100, 100, nil])
    }

    @Test func kycAndPennyDrop() async throws {
        let kyc = SimulatedKYCVerifier()
        #expect(try await kyc.verify(KYCRequest(pan: Self.pan("ABCPE1234F"), name: "Ravi Kumar")).passed)
        #expect(try await kyc.verify(KYCRequest(pan: Self.pan(TestPANs.kycNameMismatch), name: "Ravi Kumar")).status == .nameMismatch)

        let drop = SimulatedPennyDrop()
        let ok = try await drop.verify(Self.account, expectedName: "Mr. Ravi Kumar")
        #expect(ok.accountExists && ok.matched && ok.nameMatchPercent == 100)
        var missing = Self.account
        missing.number = BankAccountNumber.parse("123456780000").value!
        #expect(try await drop.verify(missing, expectedName: "Ravi Kumar").accountExists == false)
        var someoneElse = Self.account
        someoneElse.number = BankAccountNumber.parse("123456789999").value!
        let other = try await drop.verify(someoneElse, expectedName: "Ravi Kumar")
        #expect(other.accountExists && !other.matched && other.nameMatchPercent == 0)
        // Two of three words: 66% is below the 80% threshold.
        #expect(NameMatch.percent(expected: "Ravi Shankar Kumar", actual: "RAVI KUMAR") == 66)
    }

    @Test func disbursementGivesANEFTShapedUTRStablePerInstruction() async throws {
        let rail = SimulatedDisbursementRail()
        let instruction = DisbursementInstruction(loanID: "L-1", amount: Money(major: 97_000), account: Self.account,
                                                  valueDate: date("2026-02-03"), idempotencyKey: "disburse-L-1")
        let receipt = try await rail.pay(instruction)
        // LNDL + N + year 26 + day 034 (3 February) + 6 digits = 16 characters.
        #expect(receipt.utr.count == 16)
        #expect(receipt.utr.hasPrefix("LNDLN26034"))
        #expect(receipt.utr.suffix(6).allSatisfy { $0.isNumber })
        #expect(try await rail.pay(instruction).utr == receipt.utr)
        var zero = instruction
        zero.amount = .zero()
        let refused = await Result { () async throws(IntegrationFailure) in try await rail.pay(zero) }
        #expect(refused.failure == .rejected(.disbursement, reason: "the amount must be more than zero"))
        #expect(refused.failure?.isRetryable == false)
    }

    @Test func mandatesAndESign() async throws {
        let nach = SimulatedNACHMandates()
        let request = MandateRequest(loanID: "L-1", account: Self.account, maximumAmount: Money(major: 10_000),
                                     firstCollection: date("2026-03-05"), lastCollection: date("2027-02-05"),
                                     idempotencyKey: "mandate-L-1")
        let registration = try await nach.register(request)
        #expect(registration.status == .active)
        #expect(registration.umrn?.count == 20 && registration.umrn?.hasPrefix("SBIN") == true)
        #expect(try await nach.register(request).umrn == registration.umrn)

        let esign = SimulatedESign()
        let digest = String(repeating: "ab", count: 32)
        let signed = try await esign.requestSignature(documentDigest: digest, signerPartyID: "P-1", idempotencyKey: "kfs-A-1")
        #expect(signed.status == .signed)
        #expect(try await esign.status(of: signed.reference) == .signed)
        let declined = try await esign.requestSignature(documentDigest: "dec1" + String(digest.dropFirst(4)),
                                                        signerPartyID: "P-1", idempotencyKey: "kfs-A-2")
        #expect(declined.status == .declined)
    }

    @Test func adaptersFollowTheConfiguration() {
        #expect(IntegrationAdapters.configured(.allSimulated).value?.retries[.creditBureau] == .standard)
        var settings = IntegrationConfiguration.allSimulated.settings
        settings[.kyc] = IntegrationSettings(kind: .kyc, adapter: .http, endpoint: "https://kyc.example.in",
                                             credential: .environment("KYC_KEY"))
        let refused = IntegrationAdapters.configured(IntegrationConfiguration(settings: settings))
        #expect(refused.failure == .notConfigured(.kyc, reason: "the http adapter is not available in this version; use `adapter: simulator`"))
    }
}

extension Result where Failure == IntegrationFailure {
    /// The outcome of an async throwing call.
    init(_ body: () async throws(IntegrationFailure) -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
