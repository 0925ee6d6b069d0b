import Hummingbird

/// 405 with `Allow` for a method a known path does not serve, instead of a bare 404.
enum MethodNotAllowed {
    static let methods: [HTTPRequest.Method] = [
        .get, .post, .put, .patch, .delete, .trace, HTTPRequest.Method("QUERY")!,
    ]

    static func register(_ table: [APIRoute], on router: Router<LendlineRequestContext>) {
        var allowed: [String: [HTTPRequest.Method]] = [:]
        var order: [String] = []
        for route in table {
            if allowed[route.routerPath] == nil { order.append(route.routerPath) }
            allowed[route.routerPath, default: []].append(route.method)
        }
        for path in order {
            let served = allowed[path] ?? []
            let allow = served.map(\.rawValue).joined(separator: ", ")
            for method in methods where !served.contains(method) {
                router.on(RouterPath(path), method: method) { _, _ in
                    Problem(
                        .methodNotAllowed, "method not allowed", detail: "this path serves \(allow)",
                        headers: [(.allow, allow)]
                    ).response
                }
            }
        }
    }
}
