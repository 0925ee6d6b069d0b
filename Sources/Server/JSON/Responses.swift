import Hummingbird

/// Builds JSON and RFC 9457 problem responses.
public enum Responses {
    /// `value` as `application/json` with `status`.
    public static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        body(value.text, status: status, contentType: "application/json")
    }

    /// An RFC 9457 problem document: `type`, `title`, `status`, `detail`, and extra members such as the
    /// offending `field` or the configuration `errors`.
    public static func problem(_ status: HTTPResponse.Status, title: String, detail: String? = nil,
                               extra: [(String, JSONValue)] = []) -> Response {
        var members: [(String, JSONValue)] = [
            ("type", .string("about:blank")), ("title", .string(title)), ("status", .int(status.code)),
        ]
        if let detail { members.append(("detail", .string(detail))) }
        members += extra
        return body(JSONValue.object(members).text, status: status, contentType: "application/problem+json")
    }

    static func body(_ text: String, status: HTTPResponse.Status, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
