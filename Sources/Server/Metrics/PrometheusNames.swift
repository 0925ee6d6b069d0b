/// Metric and label names as Prometheus allows them: libraries name metrics with dots
/// (`http.server.request.duration`); Prometheus takes letters, digits, `_` (and `:` in metric names).
enum PrometheusNames {
    @Sendable static func sanitize(_ name: String, _ labels: [(String, String)]) -> (String, [(String, String)]) {
        (clean(name, allowsColon: true), labels.map { (clean($0.0, allowsColon: false), $0.1) })
    }

    static func clean(_ name: String, allowsColon: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        for (i, c) in name.unicodeScalars.enumerated() {
            let letter = ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" || (allowsColon && c == ":")
            let digit = ("0"..."9").contains(c)
            scalars.append(letter || (digit && i > 0) ? c : "_")
        }
        return scalars.isEmpty ? "_" : String(scalars)
    }
}
