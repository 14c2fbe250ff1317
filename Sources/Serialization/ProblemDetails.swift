/// An RFC 9457 problem: the body of every error response, as `application/problem+json`.
///
/// ```swift
/// ProblemDetails(status: 404, title: "Not Found", detail: "No document with id 'x'.").json
/// ```
public struct ProblemDetails: Sendable, Hashable {
    /// A member RFC 9457 calls an extension: more about this problem, machine-readable.
    public struct Extension: Sendable, Hashable {
        /// The member's name.
        public let name: String
        /// Its value.
        public let value: JSONValue

        /// Makes an extension member.
        public init(_ name: String, _ value: JSONValue) {
            self.name = name
            self.value = value
        }
    }

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
    /// Further members, in order (e.g. where in a body an error is).
    public var extensions: [Extension]

    /// Makes a problem.
    public init(
        type: String = "about:blank", status: Int, title: String, detail: String, parameter: String? = nil, extensions: [Extension] = []
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.parameter = parameter
        self.extensions = extensions
    }

    /// The problem as a JSON object: `type`, `title`, `status`, `detail`, then `parameter` if
    /// set, then the extensions.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string(self.type)), ("title", .string(self.title)),
            ("status", .int(self.status)), ("detail", .string(self.detail)),
        ]
        if let parameter = self.parameter { members.append(("parameter", .string(parameter))) }
        members += self.extensions.map { ($0.name, $0.value) }
        return .object(members)
    }
}
