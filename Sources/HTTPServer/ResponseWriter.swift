/// Serialises responses into the bytes of an HTTP/1.1 message.
///
/// Everything is appended to one caller-owned buffer, so a response (or a run of pipelined
/// responses) leaves in a single `send`.
enum ResponseWriter {
    /// Whether and how to announce the connection's fate.
    enum ConnectionDirective: Sendable {
        /// Say nothing: HTTP/1.1 keeps the connection open by default.
        case none
        /// `Connection: keep-alive`, which an HTTP/1.0 client needs to keep the connection.
        case keepAlive
        /// `Connection: close`.
        case close
    }

    /// `HTTP/1.1 100 Continue` and the empty line.
    static let continueMessage = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Header names the writer owns; a handler's values for them are dropped.
    private static let ownedNames = ["Date", "Server", "Content-Length", "Connection", "Transfer-Encoding"]

    /// How the body's end is shown.
    enum Framing: Sendable {
        /// No body may follow (1xx, 204, 304): no length field.
        case noContent
        /// `Content-Length`.
        case contentLength(Int)
        /// `Transfer-Encoding: chunked`; the body follows as `appendChunk` calls and `lastChunk`.
        case chunked
        /// Neither: the body ends when the connection closes (a stream to an HTTP/1.0 client).
        case closeDelimited
    }

    /// The chunk that ends a chunked body (no trailers).
    static let lastChunk = Array("0\r\n\r\n".utf8)

    /// Appends a complete response message.
    ///
    /// - Parameters:
    ///   - response: what to send.
    ///   - omitBody: `true` for a `HEAD` request: headers (with the body's length) but no body.
    ///   - connection: the `Connection` header to send.
    ///   - date: the `Date` value, an IMF-fixdate.
    ///   - serverName: the `Server` value.
    ///   - buffer: the output buffer.
    static func append(
        _ response: Response, omitBody: Bool, connection: ConnectionDirective,
        date: [UInt8], serverName: [UInt8], to buffer: inout [UInt8]
    ) {
        // RFC 9110 §8.6: no Content-Length on 1xx and 204; on 304 it would have to be the
        // length of the 200 body, which this writer does not know, so it is left out.
        let sendsContent = !response.status.forbidsContent
        buffer.reserveCapacity(buffer.count + 256 + (sendsContent && !omitBody ? response.body.count : 0))
        self.appendHead(
            response, framing: sendsContent ? .contentLength(response.body.count) : .noContent, connection: connection,
            date: date, serverName: serverName, to: &buffer)
        if sendsContent && !omitBody {
            buffer.append(contentsOf: response.body)
        }
    }

    /// Appends the status line and header section, ending with the empty line.
    ///
    /// - Parameters:
    ///   - response: the status and the handler's fields (its body is not written).
    ///   - framing: how the body that follows is delimited.
    ///   - connection: the `Connection` header to send.
    ///   - date: the `Date` value, an IMF-fixdate.
    ///   - serverName: the `Server` value.
    ///   - buffer: the output buffer.
    static func appendHead(
        _ response: Response, framing: Framing, connection: ConnectionDirective,
        date: [UInt8], serverName: [UInt8], to buffer: inout [UInt8]
    ) {
        buffer.append(contentsOf: "HTTP/1.1 ".utf8)
        self.appendDecimal(response.status.code, to: &buffer)
        buffer.append(ASCII.space)
        buffer.append(contentsOf: response.status.reason.utf8)
        buffer.append(contentsOf: "\r\nDate: ".utf8)
        buffer.append(contentsOf: date)
        buffer.append(contentsOf: "\r\nServer: ".utf8)
        buffer.append(contentsOf: serverName)
        switch framing {
        case .noContent, .closeDelimited:
            break
        case .contentLength(let length):
            buffer.append(contentsOf: "\r\nContent-Length: ".utf8)
            self.appendDecimal(length, to: &buffer)
        case .chunked:
            buffer.append(contentsOf: "\r\nTransfer-Encoding: chunked".utf8)
        }
        switch connection {
        case .none: break
        case .keepAlive: buffer.append(contentsOf: "\r\nConnection: keep-alive".utf8)
        case .close: buffer.append(contentsOf: "\r\nConnection: close".utf8)
        }
        for field in response.headers where !self.isOwned(field.name) {
            buffer.append(contentsOf: "\r\n".utf8)
            buffer.append(contentsOf: field.name.utf8)
            buffer.append(contentsOf: ": ".utf8)
            buffer.append(contentsOf: field.value.utf8)
        }
        buffer.append(contentsOf: "\r\n\r\n".utf8)
    }

    /// Appends one chunk of a chunked body: its size in hex, CRLF, the bytes, CRLF.
    ///
    /// - Precondition: `bytes` is not empty (an empty chunk would end the body).
    static func appendChunk(_ bytes: [UInt8], to buffer: inout [UInt8]) {
        precondition(!bytes.isEmpty, "an empty chunk ends the body")
        let hexDigits = Array("0123456789abcdef".utf8)
        var shift = (Int.bitWidth - bytes.count.leadingZeroBitCount - 1) / 4 * 4
        while shift >= 0 {
            buffer.append(hexDigits[(bytes.count >> shift) & 0xF])
            shift -= 4
        }
        buffer.append(contentsOf: "\r\n".utf8)
        buffer.append(contentsOf: bytes)
        buffer.append(contentsOf: "\r\n".utf8)
    }

    private static func isOwned(_ name: String) -> Bool {
        self.ownedNames.contains { ASCII.equalsIgnoringCase($0, name) }
    }

    /// Appends a non-negative integer in decimal without going through `String`.
    static func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        precondition(value >= 0, "negative length or status")
        if value < 10 {
            buffer.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while rest > 0 {
                raw[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            buffer.append(contentsOf: raw[(20 - count)...])
        }
    }
}
