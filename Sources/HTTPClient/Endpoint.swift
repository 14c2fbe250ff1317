/// Where a request goes: an `http://host:port/path` address.
///
/// ```swift
/// let writer = try Endpoint(parsing: "http://dossier-writer:8080/v1/events")
/// // writer.host == "dossier-writer", writer.port == 8080, writer.path == "/v1/events"
/// let local = Endpoint(host: "::1", port: 8080, path: "/healthz")
/// // local.description == "http://[::1]:8080/healthz"
/// ```
///
/// Only `http` is supported. The host is a name or a numeric IPv4 or IPv6 address (written
/// in brackets in a URL); the path keeps its query string and loses any fragment.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// The host name or numeric address, without brackets.
    public let host: String
    /// The TCP port, 1 to 65535.
    public let port: Int
    /// The request target in origin form: starts with `/`, may carry a query.
    public let path: String

    /// Makes an endpoint from its parts.
    ///
    /// - Parameters:
    ///   - host: a host name or numeric address, without brackets; not empty.
    ///   - port: 1 to 65535.
    ///   - path: the request target; starts with `/`. Default `/`.
    public init(host: String, port: Int, path: String = "/") {
        precondition(!host.isEmpty, "empty host")
        precondition((1...65535).contains(port), "port \(port) out of range")
        precondition(path.hasPrefix("/"), "path '\(path)' must start with /")
        self.host = host
        self.port = port
        self.path = path
    }

    /// Parses `http://host[:port][/path][?query][#fragment]`; the port defaults to 80.
    ///
    /// - Parameter text: the URL.
    /// - Throws: `HTTPClientError.unsupportedScheme` for any scheme but `http`, or
    ///   `.invalidURL` saying what is wrong (user info, a bad port, spaces, an empty host).
    public init(parsing text: String) throws(HTTPClientError) {
        guard let schemeEnd = text.firstRange(of: "://") else { throw .invalidURL(text, reason: "expected http://host[:port][/path]") }
        let scheme = text[..<schemeEnd.lowerBound]
        guard scheme.lowercased() == "http" else { throw .unsupportedScheme(String(scheme)) }
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw .invalidURL(text, reason: "contains spaces or control characters")
        }
        var rest = text[schemeEnd.upperBound...]
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let path = rest[authorityEnd...]
        guard !authority.contains("@") else { throw .invalidURL(text, reason: "user info is not supported") }

        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidURL(text, reason: "unclosed [ in the host") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let afterHost = authority[authority.index(after: close)...]
            guard afterHost.isEmpty || afterHost.hasPrefix(":") else { throw .invalidURL(text, reason: "expected : after ]") }
            portText = afterHost.isEmpty ? nil : afterHost.dropFirst()
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
            portText = nil
        }
        guard !host.isEmpty else { throw .invalidURL(text, reason: "empty host") }
        var port = 80
        if let portText {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(portText), (1...65535).contains(number) else {
                throw .invalidURL(text, reason: "the port must be a number from 1 to 65535")
            }
            port = number
        }
        self.init(host: String(host), port: port, path: path.hasPrefix("/") ? String(path) : "/" + path)
    }

    /// `http://host:port/path`, with an IPv6 address in brackets.
    public var description: String {
        "http://\(self.authority)\(self.path)"
    }

    /// `host:port` as the `Host` header field writes it, with an IPv6 address in brackets.
    var authority: String {
        self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
    }
}
