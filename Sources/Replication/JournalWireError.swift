/// Why a line of the replication feed cannot be used.
public enum JournalWireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not JSON, not an object, or an unknown type.
    case malformed(String)
    /// A member is missing or has the wrong type.
    case invalidMember(String)

    /// What is wrong.
    public var description: String {
        switch self {
        case .malformed(let detail): return "malformed replication line: \(detail)"
        case .invalidMember(let name): return "replication line: '\(name)' is missing or has the wrong type"
        }
    }
}
