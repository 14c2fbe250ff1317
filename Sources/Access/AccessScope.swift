/// What an API key may do. A key carries one or more scopes; `admin` grants them all.
public enum AccessScope: String, CaseIterable, Sendable, Comparable {
    /// Read the collection: documents, lists, search, events (when reads need a key) and
    /// `/metrics` (when it needs a key).
    case read
    /// Create and delete documents.
    case write
    /// Stream the journal, as a read replica does.
    case replicate
    /// Everything the other scopes allow.
    case admin

    /// Scopes in the order `--help` and key files list them.
    public static func < (lhs: AccessScope, rhs: AccessScope) -> Bool {
        Self.allCases.firstIndex(of: lhs)! < Self.allCases.firstIndex(of: rhs)!
    }

    /// The scopes of a comma-separated list such as `write,read`.
    ///
    /// - Throws: `.unknownScope` naming the first word that is not a scope, `.noScopes` for
    ///   an empty list.
    public static func parseList(_ text: some StringProtocol) throws(AccessScopeError) -> Set<AccessScope> {
        var scopes: Set<AccessScope> = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let scope = AccessScope(rawValue: String(word)) else { throw .unknownScope(String(word)) }
            scopes.insert(scope)
        }
        guard !scopes.isEmpty else { throw .noScopes }
        return scopes
    }

    /// The list as `parseList` reads it, in a stable order.
    public static func format(_ scopes: Set<AccessScope>) -> String {
        scopes.sorted().map(\.rawValue).joined(separator: ",")
    }
}

/// Why a list of scopes could not be read.
public enum AccessScopeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A word that names no scope.
    case unknownScope(String)
    /// The list is empty.
    case noScopes

    /// The problem, for a usage message or a key file error.
    public var description: String {
        let known = AccessScope.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .unknownScope(let word): return "unknown scope '\(word)' (scopes: \(known))"
        case .noScopes: return "no scopes given (scopes: \(known))"
        }
    }
}
