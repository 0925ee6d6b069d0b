import Foundation
import LoanMath

/// The JSON payloads of servicing events. Amounts are integer paise (minor units) and dates ISO
/// text, so a payload reads the same in SQLite, PostgreSQL and an auditor's export.
enum ServicingPayload {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding these plain structs cannot fail.
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// A currency from its code, INR when the code is not a valid ISO 4217 shape.
    static func currency(_ code: String) -> Currency {
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return .inr }
        return code == "INR" ? .inr : Currency(code: code, minorUnitDigits: 2)
    }
}

/// `activate`: the booked loan, its schedule stored as generated.
struct ActivatePayload: Codable, Hashable {
    struct Row: Codable, Hashable {
        var n: Int
        var start: String
        var due: String
        var principal: Int64
        var interest: Int64
    }

    var product: String
    var currency: String
    var principal: Int64
    var rate: String
    var disbursementDate: String
    var securityValue: Int64
    var schedule: [Row]
    var frequency: Frequency? = nil
    var dayCount: DayCount? = nil
    /// The amount sanctioned, when the loan is disbursed in tranches (nil: the principal, all at once).
    var sanctioned: Int64? = nil
}

/// `disburse`: money paid out. The booking's disbursement carries only the amount; a later tranche
/// also carries its number and the instalments re-amortised on the larger balance.
struct DisbursePayload: Codable, Hashable {
    var amount: Int64
    var tranche: Int? = nil
    var reference: String? = nil
    /// The instalments from the current period on, replacing those the loan had.
    var schedule: [ActivatePayload.Row]? = nil
    /// Interest of the current period accrued before the tranche, and through which day.
    var accruedBefore: Int64? = nil
    var accruedDays: Int? = nil
}

/// `accrual`: one day's interest, recognised or (on an NPA) suspended. Every loan-day has one, so
/// it also marks that the loan's day end ran.
struct AccrualPayload: Codable, Hashable {
    var amount: Int64
    var installment: Int
    var suspended: Bool
    /// Days past due at this day end.
    var dpd: Int
}

extension AccrualPayload {
    /// The payload as `ServicingPayload.encode` writes it, built directly: one is written for every
    /// loan every day.
    var json: String {
        var writer = FlatJSON.Writer()
        writer.field("amount", amount)
        writer.field("dpd", dpd)
        writer.field("installment", installment)
        writer.field("suspended", suspended)
        return writer.json
    }

    /// Reads the shape `json` writes; nil for any other text (the general decoder takes it then).
    init?(json text: String) {
        guard let fields = FlatJSON.fields(text), fields.count == 4, let amount = fields.integer("amount"),
              let dpd = fields.integer("dpd"), let installment = fields.integer("installment"),
              let suspended = fields.bool("suspended"),
              let dpdValue = Int(exactly: dpd), let number = Int(exactly: installment) else { return nil }
        self.init(amount: amount, installment: number, suspended: suspended, dpd: dpdValue)
    }
}

/// `repayment`: money received and how the waterfall applied it.
struct RepaymentPayload: Codable, Hashable {
    struct Part: Codable, Hashable {
        var installment: Int
        var due: String
        var component: DueComponent
        var amount: Int64
    }

    var amount: Int64
    var reference: String
    var allocations: [Part]
    /// What was left after every due was met, kept as an advance.
    var advance: Int64
    /// Posted after later day ends had run: the `restatement` that follows carries its effect.
    var backDated: Bool? = nil
}

/// `reversal`: a payment that did not stand (a cheque returned, a debit recalled); the
/// `restatement` that follows carries the loan without it.
struct ReversalPayload: Codable, Hashable {
    var reference: String
    var amount: Int64
    var reason: String
}

/// `restatement`: the loan as the corrected history gives it, and the GL lines that take the
/// books there from what was posted.
struct RestatementPayload: Codable, Hashable {
    struct Line: Codable, Hashable {
        var account: GLAccount
        var debit: Int64
        var credit: Int64
    }

    var reason: String
    /// The earliest value date the correction reaches back to.
    var from: String
    var snapshot: LoanSnapshot
    var gl: [Line]
}

/// `allocation`: an advance held on the loan applied to dues that fell due, by the waterfall.
struct AllocationPayload: Codable, Hashable {
    var amount: Int64
    var allocations: [RepaymentPayload.Part]
}

/// `charge`: a penal, bounce or other charge levied.
struct ChargePayload: Codable, Hashable {
    var kind: ChargeKind
    var installment: Int
    var amount: Int64
    var reason: String
    /// GST on the charge, owed with it (none on penal charges here).
    var gst: Int64? = nil
}

extension ChargePayload {
    /// The payload as `ServicingPayload.encode` writes it, built directly: an overdue loan has a
    /// penal charge every day.
    var json: String {
        var writer = FlatJSON.Writer()
        writer.field("amount", amount)
        if let gst { writer.field("gst", gst) }
        writer.field("installment", installment)
        writer.field("kind", kind.rawValue)
        writer.field("reason", reason)
        return writer.json
    }

    /// Reads the shape `json` writes; nil for any other text (the general decoder takes it then).
    init?(json text: String) {
        guard let fields = FlatJSON.fields(text), let amount = fields.integer("amount"),
              let installment = fields.integer("installment").flatMap({ Int(exactly: $0) }),
              let kind = fields.string("kind").flatMap(ChargeKind.init(rawValue:)),
              let reason = fields.string("reason") else { return nil }
        let gst = fields.integer("gst")
        guard fields.count == (gst == nil ? 4 : 5) else { return nil }
        self.init(kind: kind, installment: installment, amount: amount, reason: reason, gst: gst)
    }
}

/// `bounce`: a NACH debit or cheque presented for an instalment was dishonoured.
struct BouncePayload: Codable, Hashable {
    var reference: String
    var installment: Int
    var amount: Int64
    var reason: String
}

/// `re_present`: a dishonoured debit presented again.
struct RePresentPayload: Codable, Hashable {
    var reference: String
    var installment: Int
    var amount: Int64
    var attempt: Int
}

/// `classification_change`: the IRACP class moved at a day end.
struct ClassificationPayload: Codable, Hashable {
    var from: AssetClass
    var to: AssetClass
    var dpd: Int
    var npaSince: String?
}

/// `provision`: the provision required changed.
struct ProvisionPayload: Codable, Hashable {
    var assetClass: AssetClass
    var required: Int64
    var previous: Int64
}

/// `foreclosure_completed`: the loan paid off before its term, at the quote of its date.
struct ForeclosurePayload: Codable, Hashable {
    var amount: Int64
    var reference: String
    var principal: Int64
    var interestDue: Int64
    var interestAccrued: Int64
    /// The part of `interestAccrued` not yet accrued by a day end (the foreclosure date's own day).
    var interestToday: Int64
    var charges: Int64
    var foreclosureCharge: Int64
    var advanceUsed: Int64
    /// Received beyond the quote: owed back to the borrower.
    var excess: Int64
    /// Interest held in suspense (NPA) now realised.
    var suspenseRealised: Int64
}

/// `prepayment`: money beyond the dues applied to principal, and the schedule re-amortised from the
/// current period: fewer instalments of about the same amount, or as many of a smaller amount.
struct PrepaymentPayload: Codable, Hashable {
    var amount: Int64
    var reference: String
    var allocations: [RepaymentPayload.Part]
    var principalPrepaid: Int64
    var effect: PrepaymentEffect
    /// The instalments from the current period on, replacing those the loan had.
    var schedule: [ActivatePayload.Row]
    /// Interest of the current period accrued before the prepayment, and through which day.
    var accruedBefore: Int64
    var accruedDays: Int
}

/// `writeoff` and `settlement`: what the books carried and what, if anything, was paid.
struct WriteOffPayload: Codable, Hashable {
    struct Exposure: Codable, Hashable {
        var principal: Int64
        var interest: Int64
        var charges: Int64
        var suspense: Int64
        var provision: Int64
    }

    var reason: String
    var paid: Int64
    var exposure: Exposure
}

/// `restructure`: new terms from a date, the capitalised interest and the observation period.
struct RestructurePayload: Codable, Hashable {
    var reason: String
    var rate: String
    var installments: Int
    var capitalisedInterest: Int64
    var principal: Int64
    var schedule: [ActivatePayload.Row]
    var observationUntil: String
    var assetClass: AssetClass
    var npaSince: String
}

/// `recovery_post_writeoff`: money collected after the loan left the books.
struct RecoveryPayload: Codable, Hashable {
    var amount: Int64
    var reference: String
}

/// `noc_issued`: the No Objection Certificate for a closed or settled loan, with the date by
/// which the original documents and any security are returned (30 days, RBI).
struct NOCPayload: Codable, Hashable {
    var number: String
    var closureReason: String
    var documentsReturnBy: String
}

/// `closure`: every due and the principal are paid.
struct ClosurePayload: Codable, Hashable {
    var reason: String
}
