/// The form a rendered document is delivered in.
public enum DocumentOutput: String, Sendable, CaseIterable {
    case html, pdf

    /// The media type of the form.
    public var contentType: String { self == .html ? "text/html; charset=utf-8" : "application/pdf" }
}
