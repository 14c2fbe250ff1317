/// Which `Host` header values the server answers to, against DNS rebinding: a page on
/// `evil.example` that makes its name resolve to 127.0.0.1 still sends `Host: evil.example`.
///
/// Entries are host names or addresses without a port (`localhost`, `127.0.0.1`, `[::1]`,
/// `dossier.internal`); any port matches. Comparison ignores case.
public struct HostPolicy: Sendable {
    /// The hosts allowed by default on a loopback-only server.
    public static let loopbackHosts = ["localhost", "127.0.0.1", "[::1]"]

    /// The allowed hosts, lower-cased, or `nil` for any.
    public let allowed: Set<String>?

    /// A policy allowing `hosts`, or any host when `nil`.
    public init(allowing hosts: [String]?) {
        self.allowed = hosts.map { Set($0.map { $0.lowercased() }) }
    }

    /// Whether a request with this `Host` header may be answered. A request without one
    /// (HTTP/1.0; browsers always send it) is allowed.
    public func allows(hostHeader: String?) -> Bool {
        guard let allowed, let hostHeader else { return true }
        return allowed.contains(Self.host(of: hostHeader).lowercased())
    }

    /// The host part of a `Host` header value: `[::1]:8080` → `[::1]`, `a.example:80` → `a.example`.
    static func host(of header: String) -> Substring {
        let value = Substring(header)
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") { return value[...close] }
        return value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? value
    }
}
