/// The outcome of access control for one request.
public enum AccessDecision: Equatable, Sendable {
    /// Go ahead; the key that was presented and accepted, if any (for the access log).
    case allowed(keyName: String?)
    /// 401: the route needs a key and none was sent.
    case keyMissing
    /// 401: the key sent is malformed or not one the server knows.
    case keyRejected
    /// 401: this server takes no writes from anyone, because it listens beyond loopback and
    /// no key file was given.
    case keysNotConfigured
    /// 403: the key is known but its scopes do not cover the route.
    case scopeMissing(keyName: String, needed: AccessScope)
}
