/// A statement's parameters as libpq takes them in text format: every value written once into one
/// buffer, NUL-terminated, with its length, so a multi-row statement of thousands of values costs
/// one allocation rather than one a value (and libpq need not measure each with `strlen`).
struct ParameterBuffer {
    private var bytes: [CChar] = []
    /// Where each value starts in `bytes`; nil for SQL NULL.
    private var starts: [Int?] = []
    private var lengths: [Int32] = []

    init(_ values: [SQLValue?]) {
        bytes.reserveCapacity(values.count * 12)
        starts.reserveCapacity(values.count)
        lengths.reserveCapacity(values.count)
        for value in values {
            let start = bytes.count
            switch value {
            case nil:
                starts.append(nil)
                lengths.append(0)
                continue
            case .integer(let n)?:
                appendDigits(n)
            case .text(let s)?:
                var s = s
                s.withUTF8 { utf8 in
                    for byte in utf8 { bytes.append(CChar(bitPattern: byte)) }
                }
            }
            starts.append(start)
            lengths.append(Int32(bytes.count - start))
            bytes.append(0)
        }
    }

    /// Writes the decimal digits of `n`.
    private mutating func appendDigits(_ n: Int64) {
        if n < 0 { bytes.append(CChar(UInt8(ascii: "-"))) }
        var magnitude = n.magnitude
        let first = bytes.count
        repeat {
            bytes.append(CChar(UInt8(ascii: "0") + UInt8(magnitude % 10)))
            magnitude /= 10
        } while magnitude > 0
        bytes[first...].reverse()
    }

    /// Calls `body` with a pointer per value (NULL for SQL NULL) and the values' lengths, valid
    /// only during the call.
    func withParameters<R>(_ body: ([UnsafePointer<CChar>?], [Int32]) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            let pointers = starts.map { start in start.map { buffer.baseAddress! + $0 } }
            return body(pointers, lengths)
        }
    }
}
