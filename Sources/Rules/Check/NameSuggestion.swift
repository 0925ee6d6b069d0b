/// "did you mean …?" for a misspelt name: the closest known name within a small edit distance.
enum NameSuggestion {
    /// `; did you mean 'bureau_score'?`, or empty when nothing is close.
    static func hint(for name: String, among candidates: [String]) -> String {
        guard let best = closest(to: name, among: candidates) else { return "" }
        return "; did you mean '\(best)'?"
    }

    static func closest(to name: String, among candidates: [String]) -> String? {
        guard name.count <= 64 else { return nil }
        let limit = max(1, min(3, name.count / 3))
        var best: (String, Int)?
        for candidate in candidates.sorted() where candidate != name && candidate.count <= 64 {
            let d = distance(Array(name.lowercased()), Array(candidate.lowercased()))
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        return best?.0
    }

    /// Edit distance (shared with the loaders).
    static func distance(_ a: [Character], _ b: [Character]) -> Int { Spelling.distance(String(a), String(b)) }
}
