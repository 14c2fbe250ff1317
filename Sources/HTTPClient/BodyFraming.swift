/// How a response's body ends (RFC 9112 §6.3).
enum BodyFraming: Sendable, Hashable {
    /// No body: the answer to `HEAD`, or a 1xx, 204 or 304 status.
    case none
    /// Exactly this many bytes.
    case contentLength(Int)
    /// `Transfer-Encoding: chunked`.
    case chunked
    /// Everything until the server closes the connection.
    case untilClose

    /// The framing of `head`, answering a request made with `method`.
    ///
    /// `Content-Length` must be one non-negative decimal number (a list of identical values
    /// counts as one); `Transfer-Encoding` may only be `chunked`; a response with both is
    /// rejected, as neither can be trusted.
    ///
    /// - Throws: `HTTPClientError.invalidContentLength`, `.unsupportedTransferCoding` or
    ///   `.malformedHeaderField`.
    init(head: ResponseHead, method: String) throws(HTTPClientError) {
        if method == "HEAD" || head.status / 100 == 1 || head.status == 204 || head.status == 304 {
            self = .none
            return
        }
        let codings = head.headers.values(of: "Transfer-Encoding")
        let lengths = head.headers.values(of: "Content-Length")
        switch (codings.isEmpty, lengths.isEmpty) {
        case (false, false):
            throw .malformedHeaderField("both Transfer-Encoding and Content-Length")
        case (false, true):
            let joined = codings.joined(separator: ", ")
            let names = joined.split(separator: ",").map { ASCII.trimmed(ArraySlice($0.utf8)) }
            guard names.count == 1, names[0].elementsEqual("chunked".utf8, by: { ASCII.lowercased($0) == $1 }) else {
                throw .unsupportedTransferCoding(joined)
            }
            self = .chunked
        case (true, false):
            self = .contentLength(try Self.length(lengths))
        case (true, true):
            self = .untilClose
        }
    }

    /// The one length that every `Content-Length` value (and list element) states.
    private static func length(_ values: [String]) throws(HTTPClientError) -> Int {
        let joined = values.joined(separator: ", ")
        let elements = Set(joined.split(separator: ",", omittingEmptySubsequences: false).map { ASCII.trimmed(ArraySlice($0.utf8)) })
        guard elements.count == 1, let digits = elements.first, (1...18).contains(digits.count),
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { throw .invalidContentLength(joined) }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
