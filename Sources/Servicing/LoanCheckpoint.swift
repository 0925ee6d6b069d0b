import Ledger
import LoanMath

/// A loan's whole state as of one of its events, kept in `loan_checkpoint` so that a process
/// loads a loan from it and the few events after it, not from every event since booking (a year's
/// day ends are over 365 events a loan). It is a cache of the events, never a source: replaying
/// the events up to its sequence must give the same state, which `lendline ledger verify` checks.
///
/// The text is flat and compact: numbers in decimal, strings as `length:bytes`, each followed by a
/// comma; dates as day numbers (a schedule's as steps) and money in the loan's minor units. A reader refuses anything
/// else, and a loan whose checkpoint it refuses is replayed from its events.
enum LoanCheckpoint {
    /// The encoding written; bump it when `LoanState` or this encoding changes, so checkpoints of
    /// another version are passed over (and replaced as loans move on).
    static let format = 1

    /// A loan writes a checkpoint when it is booked, and then each time its sequence passes a
    /// multiple of `interval` (offset by a hash of its id, so a book whose loans move in step does
    /// not write them all on the same day): loading a loan replays fewer than `interval` events
    /// beyond the last batch.
    static let interval: Int64 = 8

    /// Whether the batch that took the loan from `before` to `after` writes a checkpoint.
    static func due(before: LoanState?, after: LoanState) -> Bool {
        guard let before else { return true }
        let offset = Int64(stableHash(after.loanID) % UInt64(interval))
        return (before.sequence + offset) / interval != (after.sequence + offset) / interval
    }

    /// FNV-1a of the id's bytes: the same in every process (Swift's `Hasher` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// The row storing `state`.
    static func row(_ state: LoanState) -> LoanCheckpointRow {
        LoanCheckpointRow(sequence: state.sequence, format: format, state: encode(state))
    }

    /// The state a row holds; nil when it is of another format, unreadable, or not at its sequence.
    static func state(_ row: LoanCheckpointRow, loanID: String) -> LoanState? {
        guard row.format == format, let state = decode(row.state), state.sequence == row.sequence,
              state.loanID == loanID else { return nil }
        return state
    }

    static func encode(_ s: LoanState) -> String {
        var w = CheckpointWriter()
        w.string(s.loanID)
        w.string(s.product)
        w.string(s.catalogVersion)
        w.string(s.currency.code)
        w.int(s.currency.minorUnitDigits)
        w.int(s.principal.minorUnits)
        w.int(s.sanctioned.minorUnits)
        w.int(s.tranches)
        w.int(s.disbursementDate.dayNumber)
        w.int(s.securityValue.minorUnits)
        w.int(s.annualRate.scaledFraction)
        w.string(s.frequency.rawValue)
        w.string(s.dayCount.rawValue)
        w.int(s.installments.count)
        // Numbers and dates as steps from the row before (mostly 1 and 0): a schedule is most of
        // the text, and shorter text is read faster.
        var number = 0, date = s.disbursementDate.dayNumber
        for row in s.installments {
            w.int(row.number - number)
            w.int(row.periodStart.dayNumber - date)
            w.int(row.dueDate.dayNumber - row.periodStart.dayNumber)
            (number, date) = (row.number, row.dueDate.dayNumber)
            w.int(row.principal.minorUnits)
            w.int(row.interest.minorUnits)
            w.int(row.principalPaid.minorUnits)
            w.int(row.interestPaid.minorUnits)
            w.int(row.accrualBaseDay)
            w.optional(row.accrualBase?.minorUnits)
        }
        w.int(s.charges.count)
        for charge in s.charges {
            w.string(charge.kind.rawValue)
            w.int(charge.installment)
            w.int(charge.dueDate.dayNumber)
            w.int(charge.amount.minorUnits)
            w.int(charge.paid.minorUnits)
            w.int(charge.gst.minorUnits)
            w.int(charge.waived.minorUnits)
        }
        w.int(s.principalRepaid.minorUnits)
        w.int(s.interestRecognised.minorUnits)
        w.int(s.interestSuspended.minorUnits)
        w.string(s.classification.assetClass.rawValue)
        w.optional(s.classification.npaSince?.dayNumber)
        w.int(s.classification.identifiedAsLoss ? 1 : 0)
        w.int(s.daysPastDue)
        w.int(s.provision.minorUnits)
        w.optional(s.lastDayEnd?.dayNumber)
        w.string(s.status.rawValue)
        w.int(s.principalWrittenOff.minorUnits)
        w.int(s.recovered.minorUnits)
        w.optional(s.observationUntil?.dayNumber)
        w.int(s.restructures)
        w.optional(s.nocNumber)
        w.optional(s.closureReason)
        w.int(s.bounces)
        w.int(s.advance.minorUnits)
        w.int(s.sequence)
        return w.text
    }

    static func decode(_ text: String) -> LoanState? {
        var text = text
        return text.withUTF8 { bytes in
            var r = CheckpointReader(bytes: bytes)
            let state = LoanState(reading: &r)
            return r.failed || r.at != bytes.count ? nil : state
        }
    }
}

extension LoanState {
    /// The state `r` holds; `r.failed` says whether it held one (the values are then meaningless).
    fileprivate init(reading r: inout CheckpointReader) {
        loanID = r.string()
        product = r.string()
        catalogVersion = r.string()
        let code = r.string(), digits = r.int()
        let currency = code.utf8.count == 3 && code.utf8.allSatisfy({ (65...90).contains($0) }) && (0...4).contains(digits)
            ? Currency(code: code, minorUnitDigits: Int(digits)) : r.fail(Currency.inr)
        func money(_ units: Int64) -> Money { Money(minorUnits: units, currency: currency) }
        func date(_ day: Int64) -> LocalDate { LocalDate(dayNumber: Int32(clamping: day)) }
        self.currency = currency
        principal = money(r.int())
        sanctioned = money(r.int())
        tranches = Int(r.int())
        disbursementDate = date(r.int())
        securityValue = money(r.int())
        annualRate = Rate(scaledFraction: r.int())
        frequency = Frequency(rawValue: r.string()) ?? r.fail(.monthly)
        dayCount = DayCount(rawValue: r.string()) ?? r.fail(.thirty360)
        var installments: [InstallmentState] = []
        let rows = r.count()
        installments.reserveCapacity(rows)
        var number = 0, day = Int64(disbursementDate.dayNumber)
        for _ in 0..<rows where !r.failed {
            number += Int(r.int())
            let start = day + r.int()
            day = start + r.int()
            var row = InstallmentState(number: number, periodStart: date(start), dueDate: date(day),
                                       principal: money(r.int()), interest: money(r.int()),
                                       principalPaid: money(r.int()), interestPaid: money(r.int()))
            row.accrualBaseDay = Int(r.int())
            row.accrualBase = r.optionalInt().map(money)
            installments.append(row)
        }
        self.installments = installments
        var charges: [ChargeState] = []
        for _ in 0..<r.count() where !r.failed {
            charges.append(ChargeState(kind: ChargeKind(rawValue: r.string()) ?? r.fail(.other), installment: Int(r.int()),
                                       dueDate: date(r.int()), amount: money(r.int()), paid: money(r.int()),
                                       gst: money(r.int()), waived: money(r.int())))
        }
        self.charges = charges
        principalRepaid = money(r.int())
        interestRecognised = money(r.int())
        interestSuspended = money(r.int())
        let assetClass = AssetClass(rawValue: r.string()) ?? r.fail(.standard)
        classification = Classification(assetClass, npaSince: r.optionalInt().map(date), identifiedAsLoss: r.int() == 1)
        daysPastDue = Int(r.int())
        provision = money(r.int())
        lastDayEnd = r.optionalInt().map(date)
        status = LoanStatus(rawValue: r.string()) ?? r.fail(.active)
        principalWrittenOff = money(r.int())
        recovered = money(r.int())
        observationUntil = r.optionalInt().map(date)
        restructures = Int(r.int())
        nocNumber = r.optionalString()
        closureReason = r.optionalString()
        bounces = Int(r.int())
        advance = money(r.int())
        sequence = r.int()
    }
}

/// Writes the checkpoint text: each value followed by a comma, an absent one as nothing.
struct CheckpointWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(2_048) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func int<T: BinaryInteger>(_ value: T) {
        var magnitude = UInt64(value.magnitude)
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
        bytes.append(UInt8(ascii: ","))
    }

    mutating func string(_ value: String) {
        var length = UInt64(value.utf8.count)
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(length % 10))
            length /= 10
        } while length > 0
        bytes += digits.reversed()
        bytes.append(UInt8(ascii: ":"))
        bytes += value.utf8
        bytes.append(UInt8(ascii: ","))
    }

    mutating func optional<T: BinaryInteger>(_ value: T?) {
        if let value { int(value) } else { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func optional(_ value: String?) {
        if let value { string(value) } else { bytes.append(UInt8(ascii: ",")) }
    }
}

/// Reads what `CheckpointWriter` wrote; the first thing out of place sets `failed`, after which
/// every value read is a placeholder. A process's first day end reads every loan's, so the
/// number reading is written for speed.
struct CheckpointReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0
    private(set) var failed = false

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Marks the text unreadable and gives `placeholder` to carry on with.
    mutating func fail<T>(_ placeholder: T) -> T {
        failed = true
        return placeholder
    }

    @inline(__always)
    mutating func int() -> Int64 {
        // The common case inline: up to 18 digits, unsigned, followed by a comma.
        guard let base = bytes.baseAddress, !failed else { return fail(0) }
        var index = at, value: Int64 = 0
        while index < bytes.count, index - at < 18 {
            let digit = base[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value &* 10 &+ Int64(digit)
            index &+= 1
        }
        if index > at, index < bytes.count, base[index] == UInt8(ascii: ",") {
            at = index &+ 1
            return value
        }
        return optionalInt() ?? fail(0)
    }

    /// A count of items that follow, each at least two bytes: more than the text could hold fails.
    mutating func count() -> Int {
        let value = int()
        guard value >= 0, value <= (bytes.count - at) / 2 else { return fail(0) }
        return Int(value)
    }

    mutating func optionalInt() -> Int64? {
        guard !failed, at < bytes.count else { return fail(nil) }
        if bytes[at] == UInt8(ascii: ",") {
            at += 1
            return nil
        }
        let negative = bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        var magnitude: UInt64 = 0
        var digits = 0
        while at < bytes.count, bytes[at] != UInt8(ascii: ",") {
            let digit = bytes[at] &- UInt8(ascii: "0")
            guard digit < 10, digits < 19 else { return fail(nil) }
            magnitude = magnitude * 10 + UInt64(digit)
            digits += 1
            at += 1
        }
        guard digits > 0, at < bytes.count, magnitude <= UInt64(Int64.max) else { return fail(nil) }
        at += 1
        return negative ? -Int64(magnitude) : Int64(magnitude)
    }

    mutating func string() -> String { optionalString() ?? fail("") }

    mutating func optionalString() -> String? {
        guard !failed, at < bytes.count else { return fail(nil) }
        if bytes[at] == UInt8(ascii: ",") {
            at += 1
            return nil
        }
        var length = 0
        var digits = 0
        while at < bytes.count, bytes[at] != UInt8(ascii: ":") {
            let digit = bytes[at] &- UInt8(ascii: "0")
            guard digit < 10, digits < 8 else { return fail(nil) }
            length = length * 10 + Int(digit)
            digits += 1
            at += 1
        }
        guard digits > 0, at < bytes.count, length <= bytes.count - at - 2, bytes[at + 1 + length] == UInt8(ascii: ",") else {
            return fail(nil)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<(at + 1 + length)]), as: UTF8.self)
        at += length + 2
        return text
    }
}
