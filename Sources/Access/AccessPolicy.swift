/// Who may call which route: the keys, what needs one, and how exposed the server is.
///
/// - With a key file, writes and the journal always need a key with the right scope; reads
///   and `/metrics` need one when the operator says so; probes never do. A key that is sent
///   must be valid on any route but probes, even where none is needed: a client with a
///   wrong key should hear so, not be served as anonymous.
/// - With no key file, a server that listens on loopback only is open, as for local
///   development; one that listens beyond it refuses writes and the journal to everyone.
///
/// A value: tests drive it with header strings, the API consults it once per request.
public struct AccessPolicy: Sendable {
    /// The accepted keys, or `nil` when no key file was given.
    public let keyRing: KeyRing?
    /// Routes that need a key beyond writes and the journal.
    public let guarded: Set<OptionalGuard>
    /// Whether the server listens on loopback addresses only.
    public let isLoopbackOnly: Bool

    /// A policy; `guarded` needs a key ring to mean anything (`dossier serve` refuses it without one).
    public init(keyRing: KeyRing?, guarded: Set<OptionalGuard> = [], isLoopbackOnly: Bool) {
        self.keyRing = keyRing
        self.guarded = guarded
        self.isLoopbackOnly = isLoopbackOnly
    }

    /// The open policy of a loopback development server.
    public static let open = AccessPolicy(keyRing: nil, isLoopbackOnly: true)

    /// Whether a request to `route` with this `Authorization` header may go ahead.
    public func decide(_ route: RouteAccess, authorization: String?) -> AccessDecision {
        guard let scope = route.scope else { return .allowed(keyName: nil) }
        guard let keyRing else {
            let isExposedChange = route == .write || route == .replicate
            return isExposedChange && !self.isLoopbackOnly ? .keysNotConfigured : .allowed(keyName: nil)
        }
        switch BearerCredentials(header: authorization) {
        case .absent:
            return self.needsKey(route) ? .keyMissing : .allowed(keyName: nil)
        case .malformed:
            return .keyRejected
        case .token(let secret):
            guard let key = keyRing.key(forSecret: secret) else { return .keyRejected }
            guard key.allows(scope) || !self.needsKey(route) else { return .scopeMissing(keyName: key.name, needed: scope) }
            return .allowed(keyName: key.name)
        }
    }

    /// Whether `route` needs a key under this policy's key file.
    private func needsKey(_ route: RouteAccess) -> Bool {
        switch route {
        case .probe: return false
        case .read: return self.guarded.contains(.reads)
        case .metrics: return self.guarded.contains(.metrics)
        case .write, .replicate: return true
        }
    }
}
