/// A reader and a writer of flat JSON objects — keys to integers, booleans and strings, and arrays
/// of schedule rows — for the payloads written for every loan every day (accrual,
/// penal charge) and read for every loan when a process first loads it (activation, disbursement,
/// provision). They produce and accept the exact text `ServicingPayload.encode` gives (sorted
/// keys, slashes unescaped), without Foundation's coders, which cost more than the rest of a day
/// end. Anything else (deeper nesting, fractions, escapes) reads as nil, and the caller falls back
/// to the general decoder.
enum FlatJSON {
    typealias Fields = [(key: String, value: Value)]

    enum Value {
        case integer(Int64)
        case bool(Bool)
        case string(String)
        case null
        /// An array of schedule rows (the only arrays the booking's payloads hold).
        case schedule([ScheduleRow])
    }

    /// A schedule row exactly as the encoder writes it: `due`, `interest`, `n`, `principal`,
    /// `start`, in that (sorted) order. A booking carries up to a few hundred of them and a
    /// process's first day end reads every loan's.
    struct ScheduleRow {
        var due: String
        var interest: Int64
        var n: Int64
        var principal: Int64
        var start: String
    }

    /// The fields of `text` in order; nil when it is not a flat object of those values.
    static func fields(_ text: String) -> Fields? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            guard let fields = reader.object(), reader.at == bytes.count else { return nil }
            return fields
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        /// An object whose values are plain or arrays of schedule rows.
        mutating func object() -> Fields? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var fields: Fields = []
            if take(UInt8(ascii: "}")) { return fields }
            while true {
                guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                if at < bytes.count, bytes[at] == UInt8(ascii: "[") {
                    guard let schedule = scheduleRows() else { return nil }
                    fields.append((key, .schedule(schedule)))
                } else {
                    guard let value = value() else { return nil }
                    fields.append((key, value))
                }
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "}")) ? fields : nil
            }
        }

        /// An array of schedule rows, each with its keys in the written order; nil for any other
        /// array (the general decoder takes rows written any other way).
        mutating func scheduleRows() -> [ScheduleRow]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var rows: [ScheduleRow] = []
            if take(UInt8(ascii: "]")) { return rows }
            while true {
                guard take(word: #"{"due":"#), let due = string(), take(word: #","interest":"#), let interest = integer(),
                      take(word: #","n":"#), let n = integer(), take(word: #","principal":"#), let principal = integer(),
                      take(word: #","start":"#), let start = string(), take(UInt8(ascii: "}")) else { return nil }
                rows.append(ScheduleRow(due: due, interest: interest, n: n, principal: principal, start: start))
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]")) ? rows : nil
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func take(word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard at + count <= bytes.count else { return false }
            for i in 0..<count where bytes[at + i] != word.utf8Start[i] { return false }
            at += count
            return true
        }

        mutating func value() -> Value? {
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "t"): return take(word: "true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return take(word: "false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return take(word: "null") ? .null : nil
            default: return integer().map(Value.integer)
            }
        }

        /// A JSON integer (no fraction, no exponent) that fits 64 bits.
        mutating func integer() -> Int64? {
            let negative = take(UInt8(ascii: "-"))
            let start = at
            var magnitude: UInt64 = 0
            while at < bytes.count, bytes[at] >= 48, bytes[at] <= 57 {
                let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(UInt64(bytes[at] - 48))
                guard !o1, !o2 else { return nil }
                magnitude = sum
                at += 1
            }
            let digits = at - start
            guard digits > 0, digits == 1 || bytes[start] != 48 else { return nil }
            if negative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
            return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
        }

        /// A string without escapes; one with a backslash or a control character reads as nil.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = at
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
                    at += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                at += 1
            }
            return nil
        }
    }

    /// Builds an object field by field; the caller gives the keys in sorted order, as the general
    /// encoder writes them.
    struct Writer {
        /// The UTF-8 of the object so far (bytes, not a `String`: appending to a `String` checks
        /// and grows it at every step, and the day end writes one object a loan a day).
        private var bytes: [UInt8] = [UInt8(ascii: "{")]

        init() { bytes.reserveCapacity(96) }

        mutating func field(_ key: StaticString, _ value: Int64) {
            open(key)
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            let first = bytes.count
            repeat {
                bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            bytes[first...].reverse()
        }

        mutating func field(_ key: StaticString, _ value: Int) { field(key, Int64(value)) }

        mutating func field(_ key: StaticString, _ value: Bool) {
            open(key)
            bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
        }

        mutating func field(_ key: StaticString, _ value: String) {
            open(key)
            var quoted = ""
            FlatJSON.appendQuoted(value, to: &quoted)
            bytes.append(contentsOf: quoted.utf8)
        }

        private mutating func open(_ key: StaticString) {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            key.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: "\":".utf8)
        }

        var json: String {
            var text = bytes
            text.append(UInt8(ascii: "}"))
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// `value` as a JSON string the way the general encoder writes it: quotes, backslashes and
    /// control characters escaped, slashes and non-ASCII text as they are.
    static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        var plain = true
        for byte in value.utf8 where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
            plain = false
            break
        }
        if plain {
            text += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case "\u{08}": text += "\\b"
                case "\u{0C}": text += "\\f"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}

extension [(key: String, value: FlatJSON.Value)] {
    /// Whether every key is one of `known` and none is repeated (the general decoder would take
    /// either; the fast readers refuse and leave it to it).
    func keys(within known: Set<String>) -> Bool {
        var seen = Set<String>()
        for field in self { guard known.contains(field.key), seen.insert(field.key).inserted else { return false } }
        return true
    }

    func integer(_ key: String) -> Int64? {
        for field in self where field.key == key { if case .integer(let n) = field.value { return n } else { return nil } }
        return nil
    }

    func bool(_ key: String) -> Bool? {
        for field in self where field.key == key { if case .bool(let b) = field.value { return b } else { return nil } }
        return nil
    }

    func string(_ key: String) -> String? {
        for field in self where field.key == key { if case .string(let s) = field.value { return s } else { return nil } }
        return nil
    }
}

extension [(key: String, value: FlatJSON.Value)] {
    /// The schedule rows under `key`.
    func schedule(_ key: String) -> [ActivatePayload.Row]? {
        for field in self where field.key == key {
            guard case .schedule(let rows) = field.value else { return nil }
            var schedule: [ActivatePayload.Row] = []
            schedule.reserveCapacity(rows.count)
            for row in rows {
                guard let n = Int(exactly: row.n) else { return nil }
                schedule.append(.init(n: n, start: row.start, due: row.due, principal: row.principal, interest: row.interest))
            }
            return schedule
        }
        return nil
    }

    func has(_ key: String) -> Bool { contains { $0.key == key } }
}

/// A payload with a reader of the exact text the general encoder writes (nil for anything else).
protocol FlatPayload: Decodable {
    init?(json text: String)
}

extension AccrualPayload: FlatPayload {}
extension ChargePayload: FlatPayload {}
extension ActivatePayload: FlatPayload {}
extension DisbursePayload: FlatPayload {}
extension ProvisionPayload: FlatPayload {}
