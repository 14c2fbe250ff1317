/// What a route is, as access control sees it.
public enum RouteAccess: Sendable, Equatable {
    /// Liveness and readiness probes: always open, so an orchestrator never needs a key.
    case probe
    /// A read of the collection (documents, lists, search, the index, event streams).
    case read
    /// `/metrics`.
    case metrics
    /// A change to the collection.
    case write
    /// The replication journal, which carries the full text of every write.
    case replicate

    /// The scope a key needs for the route (`nil` for probes).
    public var scope: AccessScope? {
        switch self {
        case .probe: return nil
        case .read, .metrics: return .read
        case .write: return .write
        case .replicate: return .replicate
        }
    }
}

/// Routes that need no key unless the operator asks for one (`--require-key-for`).
public enum OptionalGuard: String, CaseIterable, Sendable {
    /// Every read route.
    case reads
    /// `/metrics`.
    case metrics
}
