import Hummingbird

/// `GET /metrics`: every metric of the server in the Prometheus text format.
struct MetricsRoutes: Sendable {
    let metrics: ServerMetrics

    var routes: [APIRoute] {
        let metrics = metrics
        return [
            APIRoute(
                method: .get, path: "/metrics", permission: nil, summary: "Prometheus metrics", tag: "system",
                responseSchema: Schemas.string, contentType: "text/plain",
                handler: .plain { _ in
                    var headers = HTTPFields()
                    headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
                    return Response(
                        status: .ok, headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
                })
        ]
    }
}
