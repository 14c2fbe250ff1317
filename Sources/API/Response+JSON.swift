import HTTPServer
import Serialization

extension Response {
    /// A JSON response.
    ///
    /// - Parameters:
    ///   - value: the body.
    ///   - pretty: indent it.
    ///   - status: 200 by default.
    ///   - cacheControl: the `Cache-Control` value; `no-cache` (revalidate with the ETag) by default.
    /// - Returns: the response with its strong `ETag` already set.
    static func json(_ value: JSONValue, pretty: Bool, status: HTTPStatus = .ok, cacheControl: String = "no-cache") -> Response {
        let body = JSONWriter.serialize(value, pretty: pretty)
        return Response(
            status: status,
            headers: HeaderFields([
                ("Content-Type", "application/json"), ("Cache-Control", cacheControl), ("ETag", EntityTag.make(for: body)),
            ]),
            body: body)
    }
}
