import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The transport over Foundation's URLSession. Not exercised by the tests (they use a stub).
public struct URLSessionTransport: HTTPTransport {
    public init() {}

    public func send(_ request: HTTPRequest, timeoutSeconds: Int) async throws(HTTPTransportError) -> HTTPResponse {
        guard let url = URL(string: request.url) else { throw .unreachable("not a URL") }
        var urlRequest = URLRequest(url: url, timeoutInterval: TimeInterval(timeoutSeconds))
        urlRequest.httpMethod = "POST"
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        do {
            let (data, response) = try await URLSession.shared.data(for: urlRequest)
            return HTTPResponse(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
        } catch let error as URLError where error.code == .timedOut {
            throw .timedOut
        } catch {
            throw .unreachable(String(describing: type(of: error)))
        }
    }
}
