/// Builds the wire text of simple, well-formed requests.
///
/// Tests of malformed input write their bytes out literally; this is for the many requests
/// whose exact spelling does not matter.
///
/// ```swift
/// try client.send(RawRequest.get("/healthz"))
/// // "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
/// ```
public enum RawRequest {
    /// A request with a `Host` field, the given fields and, when `body` is not `nil`, a
    /// `Content-Length` and the body.
    ///
    /// - Parameters:
    ///   - method: the method token.
    ///   - target: the request target, e.g. `/a?b=c`.
    ///   - version: the version on the request line. Default `HTTP/1.1`.
    ///   - headers: extra field lines, in order.
    ///   - body: the body text, or `nil` for none (and no `Content-Length`).
    /// - Returns: the request text.
    public static func make(
        _ method: String, _ target: String, version: String = "HTTP/1.1", headers: [(String, String)] = [], body: String? = nil
    ) -> String {
        var text = "\(method) \(target) \(version)\r\nHost: localhost\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n"
        return text + (body ?? "")
    }

    /// A `GET` request (see `make`).
    ///
    /// - Parameters:
    ///   - target: the request target.
    ///   - headers: extra field lines, in order.
    /// - Returns: the request text.
    public static func get(_ target: String, headers: [(String, String)] = []) -> String {
        self.make("GET", target, headers: headers)
    }

    /// A `HEAD` request (see `make`).
    ///
    /// - Parameters:
    ///   - target: the request target.
    ///   - headers: extra field lines, in order.
    /// - Returns: the request text.
    public static func head(_ target: String, headers: [(String, String)] = []) -> String {
        self.make("HEAD", target, headers: headers)
    }
}
