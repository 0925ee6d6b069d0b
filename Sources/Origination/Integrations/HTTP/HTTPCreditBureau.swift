import Catalog
import Foundation
import LoanMath

/// A bureau over HTTP, speaking the JSON contract in docs/origination.md: a POST of
/// `{pan, name, date_of_birth, enquiry_date}`, answered with the report, amounts in paise.
public struct HTTPCreditBureau: CreditBureau {
    let exchange: HTTPExchange

    /// The bureau `settings` describe, its credential read from `environment`.
    public static func make(_ settings: IntegrationSettings, environment: [String: String], transport: any HTTPTransport)
        -> Result<HTTPCreditBureau, IntegrationFailure> {
        HTTPExchange.make(settings, environment: environment, transport: transport).map { HTTPCreditBureau(exchange: $0) }
    }

    /// Written in snake case (`date_of_birth`), as are the answer's keys (its `CodingKeys`).
    struct Request: Encodable {
        let pan: String
        let name: String
        let dateOfBirth: String?
        let enquiryDate: String
    }

    struct Answer: Decodable {
        struct Account: Decodable {
            let lender: String
            let kind: String
            let sanctionedPaise: Int64
            let outstandingPaise: Int64
            let monthlyInstalmentPaise: Int64
            let dpd12m: [Int]
            let writtenOffOrSettled: Bool

            enum CodingKeys: String, CodingKey {
                case lender, kind
                case sanctionedPaise = "sanctioned_paise", outstandingPaise = "outstanding_paise"
                case monthlyInstalmentPaise = "monthly_instalment_paise", dpd12m = "dpd_12m"
                case writtenOffOrSettled = "written_off_or_settled"
            }
        }

        let reference: String
        let score: Int
        let enquiries6m: Int
        let accounts: [Account]

        enum CodingKeys: String, CodingKey {
            case reference, score, accounts
            case enquiries6m = "enquiries_6m"
        }
    }

    public func report(for request: BureauRequest) async throws(IntegrationFailure) -> BureauReport {
        let body = Request(pan: request.pan.value, name: request.name, dateOfBirth: request.dateOfBirth?.iso,
                           enquiryDate: request.enquiryDate.iso)
        let answer = try exchange.decode(Answer.self, from: try await exchange.post(body))
        guard answer.score == -1 || (300...900).contains(answer.score) else {
            throw .rejected(.creditBureau, reason: "the score is outside 300 to 900")
        }
        var accounts: [BureauAccount] = []
        for account in answer.accounts {
            guard let kind = BureauAccount.Kind(rawValue: account.kind) else {
                throw .rejected(.creditBureau, reason: "an account has an unknown kind")
            }
            accounts.append(BureauAccount(
                lender: account.lender, kind: kind, sanctioned: Money(minorUnits: account.sanctionedPaise),
                outstanding: Money(minorUnits: account.outstandingPaise),
                monthlyInstalment: Money(minorUnits: account.monthlyInstalmentPaise),
                daysPastDueByMonth: account.dpd12m, writtenOffOrSettled: account.writtenOffOrSettled))
        }
        return BureauReport(reference: answer.reference, score: answer.score, accounts: accounts,
                            enquiriesLast6Months: answer.enquiries6m)
    }
}
