import Hummingbird
import Metrics

/// Counts requests and records their durations by method, route pattern (`/api/v1/products/{id}`,
/// never the path itself) and status, into an injected swift-metrics backend:
/// `lendline_http_requests_total` and `lendline_http_request_duration_seconds` (a histogram).
/// Hummingbird's own `MetricsMiddleware` writes to the process-wide backend only, which a test
/// process cannot set per server.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let factory: any MetricsFactory

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        do {
            // Bodies here are built in memory: the time to the response is the time of the request.
            let response = try await next(request, context)
            record(request.method, route: context.endpointPath, status: response.status, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            record(request.method, route: context.endpointPath, status: status, since: start)
            throw error
        }
    }

    func record(
        _ method: HTTPRequest.Method, route: String?, status: HTTPResponse.Status, since start: ContinuousClock.Instant
    ) {
        let elapsed = ContinuousClock.now - start
        let routeLabel = route.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        let dimensions = [("method", method.rawValue), ("route", routeLabel), ("status", String(status.code))]
        Counter(label: "lendline_http_requests_total", dimensions: dimensions, factory: factory).increment()
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        Timer(label: "lendline_http_request_duration_seconds", dimensions: dimensions, factory: factory)
            .recordNanoseconds(nanoseconds)
    }
}
