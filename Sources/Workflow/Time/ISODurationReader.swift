/// Reads `P[nW]` or `P[nD][T[nH][nM][nS]]` strictly, one designator at a time.
struct ISODurationReader {
    private let text: String
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
    }

    mutating func read() throws(ISODuration.ParseError) -> ISODuration {
        guard scalars.first == "P" else {
            throw problem(scalars.first == "p" ? "designators are upper-case, as in `PT48H`" : nil)
        }
        position = 1
        var total: Int64 = 0
        var seenAny = false
        var order = ["W", "D"]
        var inTime = false
        while position < scalars.count {
            if scalars[position] == "T" {
                guard !inTime else { throw problem(nil) }
                inTime = true
                order = ["H", "M", "S"]
                position += 1
                guard position < scalars.count else {
                    throw problem("`T` must be followed by hours, minutes or seconds")
                }
                continue
            }
            let (number, designator) = try component()
            guard let index = order.firstIndex(of: designator) else { throw misplaced(designator, inTime: inTime) }
            if designator == "W" && position < scalars.count {
                throw problem("weeks cannot be combined with other units")
            }
            order.removeFirst(index + 1)
            total += number * ISODurationReader.secondsPer[designator]!
            seenAny = true
            guard total <= ISODuration.maxSeconds else { throw tooLong() }
        }
        guard seenAny else { throw problem("it names no length of time") }
        guard total > 0 else {
            throw ISODuration.ParseError(message: "the duration `\(text)` must be longer than zero")
        }
        return ISODuration(seconds: total)
    }

    static let secondsPer: [String: Int64] = ["W": 604_800, "D": 86_400, "H": 3_600, "M": 60, "S": 1]

    /// A whole number and the upper-case designator after it.
    private mutating func component() throws(ISODuration.ParseError) -> (Int64, String) {
        var digits = ""
        while position < scalars.count, ("0"..."9").contains(scalars[position]) {
            digits.unicodeScalars.append(scalars[position])
            position += 1
        }
        guard !digits.isEmpty else { throw problem(nil) }
        guard position < scalars.count else { throw problem("the number `\(digits)` needs a unit such as `H` or `D`") }
        let designator = scalars[position]
        position += 1
        if designator == "." || designator == "," {
            throw problem("write whole numbers, e.g. `PT90M` for an hour and a half")
        }
        guard digits.count <= 10, let number = Int64(digits) else { throw tooLong() }
        return (number, String(designator))
    }

    private func misplaced(_ designator: String, inTime: Bool) -> ISODuration.ParseError {
        switch (designator, inTime) {
        case ("Y", _), ("M", false):
            return problem("years and months vary in length; write days, e.g. `P30D`")
        case ("H", false), ("S", false):
            return problem("hours, minutes and seconds follow `T`, as in `PT48H`")
        case ("D", true), ("W", true):
            return problem("days come before `T`, as in `P1DT12H`")
        case ("W", _), ("D", _), ("H", _), ("M", _), ("S", _):
            return problem("units come in the order W, D, T, H, M, S, each at most once")
        default:
            return problem(designator.uppercased() != designator ? "designators are upper-case, as in `PT48H`" : nil)
        }
    }

    private func tooLong() -> ISODuration.ParseError {
        let days = ISODuration.maxSeconds / 86_400
        return ISODuration.ParseError(message: "the duration `\(text)` is longer than the limit of \(days) days")
    }

    private func problem(_ detail: String?) -> ISODuration.ParseError {
        let base = "expected an ISO-8601 duration such as `PT48H`, `P3D` or `P1DT12H`, found `\(text)`"
        return ISODuration.ParseError(message: detail.map { base + "; " + $0 } ?? base)
    }
}
