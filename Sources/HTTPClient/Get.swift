/// Fetches `url` with one `GET` on a new connection, reading the whole body.
///
/// Sends `Connection: close`, so the server closes the connection after answering.
///
/// ```swift
/// let response = try HTTPClient.get(Endpoint(host: "127.0.0.1", port: 8080, path: "/healthz"), timeout: .seconds(2))
/// let isHealthy = response.status == 200
/// ```
///
/// - Parameters:
///   - url: what to fetch.
///   - timeout: the longest the whole exchange may take, from connecting to the body's end.
///     Default 5 s.
///   - maxBodyBytes: the largest body accepted. Default 1 MiB.
/// - Returns: the response.
/// - Throws: `HTTPClientError`: `.connectionRefused`, `.timedOut`, `.bodyTooLarge`, or any
///   fault of the response's bytes.
public func get(_ url: Endpoint, timeout: Duration = .seconds(5), maxBodyBytes: Int = 1024 * 1024) throws(HTTPClientError) -> Response {
    let connection = try Connection(to: url, deadline: .now + timeout)
    try connection.send(method: "GET", headers: [HeaderField(name: "Connection", value: "close")])
    let head = try connection.readHead()
    var body: [UInt8] = []
    while let piece = try connection.nextBodyChunk() {
        guard body.count + piece.count <= maxBodyBytes else { throw .bodyTooLarge(limit: maxBodyBytes) }
        body += piece
    }
    return Response(status: head.status, headers: head.headers, body: body)
}
