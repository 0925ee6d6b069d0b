import Foundation

/// The body of `POST /api/v1/auth/token`: `{"user": "...", "password": "...", "totp": "123456"}`.
struct SignInBody: Sendable {
    let user: String
    let password: String
    let totp: String?

    /// What is wrong with a body, naming the JSON field.
    struct Problem: Error {
        let field: String?
        let detail: String
    }

    static let maxBytes = 4_096

    static func parse(_ bytes: [UInt8]) -> Result<SignInBody, Problem> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failure(Problem(field: nil, detail: "the body must be a JSON object"))
        }
        for key in object.keys where !["user", "password", "totp"].contains(key) {
            return .failure(Problem(field: key, detail: "unknown field `\(key)`; expected user, password, totp"))
        }
        guard let user = object["user"] as? String, !user.isEmpty else {
            return .failure(Problem(field: "user", detail: "`user` must be a non-empty string"))
        }
        guard let password = object["password"] as? String, !password.isEmpty else {
            return .failure(Problem(field: "password", detail: "`password` must be a non-empty string"))
        }
        let totp = object["totp"]
        if let totp, !(totp is String) && !(totp is NSNull) {
            return .failure(Problem(field: "totp", detail: "`totp` must be a string of digits such as \"123456\""))
        }
        return .success(SignInBody(user: user, password: password, totp: totp as? String))
    }
}
