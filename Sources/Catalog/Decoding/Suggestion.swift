import Rules

/// "Did you mean …?" suggestions by edit distance.
enum Suggestion {
    /// The candidate closest to `word` when it is close enough to be a likely typo: at most one
    /// edit per three letters of the candidate (at least one edit, at most two): `tenor` → `tenure`.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = distance(lowered, candidate.lowercased())
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let best else { return nil }
        return best.distance <= max(1, min(2, (best.candidate.count + 1) / 3)) ? best.candidate : nil
    }

    /// Edit distance (shared with the other loaders).
    static func distance(_ a: String, _ b: String) -> Int { Spelling.distance(a, b) }

    /// `; did you mean `x`?` or nothing.
    static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean `\($0)`?" } ?? ""
    }
}
