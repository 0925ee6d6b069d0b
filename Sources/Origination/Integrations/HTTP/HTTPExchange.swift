import Catalog
import Foundation

/// What every HTTP adapter shares: the credential its settings name, read from the environment; a
/// JSON POST to the endpoint with it as a bearer token; answers and failures read the same way
/// (408, 429 and 5xx are worth retrying, other 4xx are refusals).
struct HTTPExchange: Sendable {
    let settings: IntegrationSettings
    let credential: String
    let transport: any HTTPTransport

    /// The exchange `settings` describe; `notConfigured` when the credential cannot be found.
    static func make(_ settings: IntegrationSettings, environment: [String: String], transport: any HTTPTransport)
        -> Result<HTTPExchange, IntegrationFailure> {
        let kind = settings.kind
        guard let endpoint = settings.endpoint, !endpoint.isEmpty else {
            return .failure(.notConfigured(kind, reason: "no endpoint"))
        }
        switch settings.credential {
        case .environment(let name)?:
            guard let value = environment[name], !value.isEmpty else {
                return .failure(.notConfigured(kind, reason: "the environment variable \(name) is not set"))
            }
            return .success(HTTPExchange(settings: settings, credential: value, transport: transport))
        case .secret(let name)?:
            return .failure(.notConfigured(kind, reason: "secret `\(name)`: no secret store is configured; use env:VARIABLE"))
        case nil:
            return .failure(.notConfigured(kind, reason: "no credential"))
        }
    }

    /// POSTs `body` and returns the answer's body when the status is 2xx.
    func post<Body: Encodable>(_ body: Body) async throws(IntegrationFailure) -> Data {
        let kind = settings.kind
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(body) else { throw .rejected(kind, reason: "the request could not be written") }
        let request = HTTPRequest(url: settings.endpoint ?? "",
                                  headers: ["Authorization": "Bearer \(credential)", "Content-Type": "application/json",
                                            "Accept": "application/json"],
                                  body: data)
        let response: HTTPResponse
        do {
            response = try await transport.send(request, timeoutSeconds: settings.timeoutSeconds)
        } catch {
            switch error {
            case .timedOut: throw .timeout(kind, afterSeconds: settings.timeoutSeconds)
            case .unreachable: throw .unreachable(kind)
            }
        }
        switch response.status {
        case 200...299: return response.body
        case 408, 429, 500...599: throw .serverError(kind, status: response.status)
        default: throw .rejected(kind, reason: "HTTP \(response.status)")
        }
    }

    /// `data` read as `T`; a refusal naming the integration when it is not.
    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(IntegrationFailure) -> T {
        guard let value = try? JSONDecoder().decode(T.self, from: data) else {
            throw .rejected(settings.kind, reason: "the answer is not in the documented form")
        }
        return value
    }
}
