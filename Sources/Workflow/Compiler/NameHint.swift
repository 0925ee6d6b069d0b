import Rules

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

    /// Edit distance (shared with the other loaders).
    static func distance(_ a: String, _ b: String) -> Int { Spelling.distance(a, b) }
}
