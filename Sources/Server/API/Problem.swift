import HTTPTypes
import Hummingbird

/// One field's reason for refusing a request body or query.
public struct FieldError: Sendable, Hashable {
    public var field: String
    public var detail: String

    public init(_ field: String, _ detail: String) {
        self.field = field
        self.detail = detail
    }
}

/// An RFC 9457 problem a route answers with; thrown by handlers and turned into a response.
public struct Problem: Error, Sendable {
    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String?
    public var errors: [FieldError]
    public var headers: [(HTTPField.Name, String)]

    /// What went wrong inside, for the log only (a 5xx's cause); never sent to the caller.
    public var cause: String?

    public init(
        _ status: HTTPResponse.Status, _ title: String, detail: String? = nil, errors: [FieldError] = [],
        headers: [(HTTPField.Name, String)] = [], cause: String? = nil
    ) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
        self.cause = cause
    }

    /// The problem document as a response.
    public var response: Response {
        var extra: [(String, JSONValue)] = []
        if !errors.isEmpty {
            extra.append(
                (
                    "errors",
                    .array(
                        errors.map {
                            .object([("field", .string($0.field)), ("detail", .string($0.detail))])
                        })
                ))
        }
        var response = Responses.problem(status, title: title, detail: detail, extra: extra)
        for (name, value) in headers { response.headers[name] = value }
        return response
    }

    /// A request whose fields are wrong: each named.
    public static func invalid(_ errors: [FieldError]) -> Problem {
        Problem(
            .badRequest, "invalid request", detail: errors.map { "\($0.field): \($0.detail)" }.joined(separator: "; "),
            errors: errors)
    }

    public static func invalid(_ field: String, _ detail: String) -> Problem { invalid([FieldError(field, detail)]) }
}
