/// A path pattern such as `/v1/documents/{id}/text`: literal segments and `{name}` captures.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    /// One segment of a pattern.
    public enum Segment: Sendable, Hashable {
        /// Matches exactly this text.
        case literal(String)
        /// Matches any one non-empty segment and captures it under this name.
        case parameter(String)
    }

    /// The segments, without the slashes.
    public let segments: [Segment]

    /// Parses a pattern.
    ///
    /// - Parameter pattern: begins with `/`; `{name}` segments capture.
    /// - Precondition: the pattern is well formed (a programmer error otherwise).
    public init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "route pattern must start with '/': \(pattern)")
        self.segments = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") && part.count > 2 {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            precondition(!part.contains("{") && !part.contains("}"), "malformed route segment '\(part)' in \(pattern)")
            return .literal(String(part))
        }
    }

    /// The pattern as written, e.g. `/v1/documents/{id}`.
    public var description: String {
        "/" + self.segments.map { segment in
            switch segment {
            case .literal(let text): return text
            case .parameter(let name): return "{\(name)}"
            }
        }.joined(separator: "/")
    }
}
