/// "Did you mean …?" for names in workflow files, by edit distance.
enum NameHint {
    /// `; did you mean `x`?` when a candidate is a likely typo of `word` (at most one edit per
    /// three letters, one to two edits), else nothing.
    static func suggestion(for word: String, among candidates: [String]) -> String {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let best, best.distance <= max(1, min(2, (best.name.count + 1) / 3)) else { return "" }
        return "; did you mean `\(best.name)`?"
    }

    /// `; did you mean `x`?` when there is a likely typo, else `; known <noun>: a, b, c`.
    static func orList(for word: String, among candidates: [String], noun: String) -> String {
        let hint = suggestion(for: word, among: candidates)
        return hint.isEmpty ? "; known \(noun): " + candidates.joined(separator: ", ") : hint
    }

    /// Insertions, deletions, substitutions and swaps of neighbours each count one.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard !x.isEmpty, !y.isEmpty else { return max(x.count, y.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { table[i][0] = i }
        for j in 0...y.count { table[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[x.count][y.count]
    }
}
