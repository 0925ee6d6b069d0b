import Foundation

/// One HTTP request an adapter sends: always a POST of JSON.
public struct HTTPRequest: Sendable, Hashable {
    public var url: String
    public var headers: [String: String]
    public var body: Data
}

/// The service's answer.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// Why no answer came back.
public enum HTTPTransportError: Error, Sendable, Hashable {
    case timedOut
    /// The service could not be reached (name, connection, TLS); the text is the system's.
    case unreachable(String)
}

/// Sends requests over the network. HTTP adapters take one, so their logic (the request they
/// build, how answers and failures are read) is tested with a stub, without sockets.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeoutSeconds: Int) async throws(HTTPTransportError) -> HTTPResponse
}
