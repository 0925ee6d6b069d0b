import Hummingbird

/// The OpenAPI 3.1 document of the route table: every route, its permission, parameters, body and
/// responses, the problem responses it can give, and the security schemes.
enum OpenAPIDocument {
    static func build(_ routes: [APIRoute]) -> JSONValue {
        var paths: [(String, [(String, JSONValue)])] = []
        for route in routes {
            let operation = (route.method.rawValue.lowercased(), self.operation(route))
            if let index = paths.firstIndex(where: { $0.0 == route.path }) {
                paths[index].1.append(operation)
            } else {
                paths.append((route.path, [operation]))
            }
        }
        return .object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("Lendline API")), ("version", .string("1.0.0")),
                    (
                        "description",
                        .string(
                            "Loan servicing for Indian lenders. Amounts are exact decimal "
                                + "strings in rupees; dates are YYYY-MM-DD business dates.")
                    ),
                ])
            ),
            ("paths", .object(paths.map { ($0.0, .object($0.1)) })),
            ("components", components),
            ("security", .array([.object([("bearer", .array([]))]), .object([("apiKey", .array([]))])])),
        ])
    }

    static func operation(_ route: APIRoute) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("operationId", .string(operationID(route))), ("summary", .string(route.summary)),
            ("tags", .array([.string(route.tag)])),
        ]
        if let permission = route.permission {
            let more = route.note.map { " " + $0 } ?? ""
            members.append(("description", .string("Needs the permission `\(permission.rawValue)`.\(more)")))
            members.append(("x-permission", .string(permission.rawValue)))
        } else {
            members.append(("security", .array([])))
        }
        var parameters = route.parameters.map(parameter)
        if route.needsIdempotencyKey {
            parameters.append(
                .object([
                    ("name", .string("Idempotency-Key")), ("in", .string("header")), ("required", .bool(true)),
                    ("description", .string("Repeating a key with the same body replays the first response")),
                    (
                        "schema",
                        .object([
                            ("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(255)),
                            ("pattern", .string("^[!-~]+$")),
                        ])
                    ),
                ]))
        }
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let schema = route.requestSchema {
            members.append(
                (
                    "requestBody",
                    .object([
                        ("required", .bool(true)),
                        (
                            "content",
                            .object([
                                ("application/json", .object([("schema", schema)]))
                            ])
                        ),
                    ])
                ))
        }
        members.append(("responses", .object(responses(route))))
        return .object(members)
    }

    static func parameter(_ p: APIParameter) -> JSONValue {
        .object([
            ("name", .string(p.name)), ("in", .string(p.place.rawValue)), ("required", .bool(p.required)),
            ("description", .string(p.description)), ("schema", p.schema),
        ])
    }

    static func responses(_ route: APIRoute) -> [(String, JSONValue)] {
        var list: [(String, JSONValue)] = [
            (
                String(route.successStatus.code),
                .object([
                    ("description", .string("success")),
                    ("content", .object(([route.contentType] + route.alternateContentTypes).map {
                        ($0, .object([("schema", route.responseSchema)]))
                    })),
                ])
            )
        ]
        var problems: [Int] = []
        if !route.parameters.filter({ $0.place == .query }).isEmpty || route.requestSchema != nil
            || route.needsIdempotencyKey
        {
            problems.append(400)
        }
        if route.permission != nil {
            problems += [401, 403, 429]
        }
        if route.path.contains("{id}") || route.path.hasPrefix("/api/v1/products") { problems.append(404) }
        if route.needsIdempotencyKey {
            problems += [409, 503]
        }
        if route.requestSchema != nil { problems.append(413) }
        if route.requestSchema != nil || route.path.contains("{id}") || route.method == .post {
            problems.append(422)
        }
        problems += route.extraProblems
        for code in Set(problems).sorted() {
            list.append((String(code), .object([("$ref", .string("#/components/responses/Problem\(code)"))])))
        }
        return list
    }

    static func operationID(_ route: APIRoute) -> String {
        let words = route.path.split(separator: "/").filter { $0 != "api" && $0 != "v1" }.map { part in
            part.hasPrefix("{") ? "By" + part.dropFirst().dropLast().capitalized : part.capitalized
        }
        return route.method.rawValue.lowercased() + words.joined().replacingOccurrences(of: "-", with: "")
    }
}
