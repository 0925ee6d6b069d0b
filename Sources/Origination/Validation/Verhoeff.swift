/// The Verhoeff check digit (Verhoeff, 1969): the dihedral group D5's multiplication table `d`,
/// the position permutation `p` and the inverse `inv`. Aadhaar's 12th digit is a Verhoeff check digit.
public enum Verhoeff {
    /// d(j, k): multiplication in D5.
    static let d: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]

    /// p(pos mod 8, digit): the permutation applied at each position, counted from the right.
    static let p: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]

    /// inv(j): the inverse of j in D5.
    static let inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

    /// Whether `digits` (decimal digits only, its check digit last) passes the check; false for
    /// empty text or any non-digit.
    public static func isValid(_ digits: String) -> Bool {
        guard let values = values(digits), !values.isEmpty else { return false }
        var c = 0
        for (position, digit) in values.reversed().enumerated() { c = d[c][p[position % 8][digit]] }
        return c == 0
    }

    /// The check digit to append to `digits`; nil for empty text or any non-digit.
    public static func checkDigit(for digits: String) -> Int? {
        guard let values = values(digits), !values.isEmpty else { return nil }
        var c = 0
        for (position, digit) in values.reversed().enumerated() { c = d[c][p[(position + 1) % 8][digit]] }
        return inv[c]
    }

    static func values(_ digits: String) -> [Int]? {
        var values: [Int] = []
        for c in digits {
            guard FieldText.isDigit(c), let v = c.wholeNumberValue else { return nil }
            values.append(v)
        }
        return values
    }
}
