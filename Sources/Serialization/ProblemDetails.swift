/// An RFC 9457 problem: the body of every error response, as `application/problem+json`.
///
/// ```swift
/// ProblemDetails(status: 404, title: "Not Found", detail: "No document with id 'x'.").json
/// ```
public struct ProblemDetails: Sendable, Hashable {
    /// The media type of a serialised problem.
    public static let mediaType = "application/problem+json"

    /// A URI naming the problem type; `about:blank` when the status says it all.
    public var type: String
    /// The status's short title.
    public var title: String
    /// The HTTP status code.
    public var status: Int
    /// What was wrong with this request, in a sentence.
    public var detail: String
    /// The query parameter at fault, when one is.
    public var parameter: String?

    /// Makes a problem.
    public init(type: String = "about:blank", status: Int, title: String, detail: String, parameter: String? = nil) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.parameter = parameter
    }

    /// The problem as a JSON object: `type`, `title`, `status`, `detail`, then `parameter` if set.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string(self.type)), ("title", .string(self.title)),
            ("status", .int(self.status)), ("detail", .string(self.detail)),
        ]
        if let parameter = self.parameter { members.append(("parameter", .string(parameter))) }
        return .object(members)
    }
}
