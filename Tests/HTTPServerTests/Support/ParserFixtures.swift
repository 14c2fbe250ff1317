@testable import HTTPServer
import Testing

/// What a `RequestParser` made of some input: the requests in order, then the error that
/// stopped it, if any.
///
/// `continues` is left out of `==`: whether a head asking for `100-continue` gets one depends
/// on whether its body was already buffered, that is on how the input was split.
struct ParseOutcome: Equatable, CustomStringConvertible {
    var requests: [Request] = []
    var error: HTTPParseError?
    /// Whether the parser still held part of a request when the input ran out.
    var endsMidRequest = false
    /// How many times `next()` returned `.continueExpected`.
    var continues = 0

    static func == (lhs: ParseOutcome, rhs: ParseOutcome) -> Bool {
        lhs.requests == rhs.requests && lhs.error == rhs.error && lhs.endsMidRequest == rhs.endsMidRequest
    }

    var description: String {
        let requests = self.requests.map { "\($0.method) \($0.target) (\($0.body.count) body bytes)" }
        return "requests \(requests), error \(self.error.map { "\($0)" } ?? "none"), endsMidRequest \(self.endsMidRequest)"
    }
}

/// One way of delivering input to a parser.
enum Feeding: Sendable, CustomStringConvertible {
    /// Everything in one `append`.
    case whole
    /// One `append` per byte.
    case byteByByte
    /// Two `append`s, the second starting at this offset.
    case split(at: Int)

    func chunks(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        switch self {
        case .whole: return [bytes[...]]
        case .byteByByte: return bytes.indices.map { bytes[$0...$0] }
        case .split(let offset): return [bytes[..<offset], bytes[offset...]]
        }
    }

    var description: String {
        switch self {
        case .whole: return "whole"
        case .byteByByte: return "byte by byte"
        case .split(let offset): return "split at \(offset)"
        }
    }
}

/// Runs a `RequestParser` over input delivered in every way a socket might deliver it.
enum ParserFixture {
    /// Inputs up to this size are split at every offset; longer ones at a deterministic sample,
    /// so that the default-limit tests (tens of KiB) stay fast.
    static let exhaustiveSplitLimit = 512

    /// Feeds `bytes` as `feeding` says, calling `next()` after each append until it needs more.
    static func run(_ bytes: [UInt8], _ feeding: Feeding, limits: ParserLimits = ParserLimits()) -> ParseOutcome {
        var parser = RequestParser(limits: limits)
        var outcome = ParseOutcome()
        feed: for chunk in feeding.chunks(of: bytes) {
            parser.append(contentsOf: chunk)
            while true {
                do {
                    switch try parser.next() {
                    case .needMoreBytes: continue feed
                    case .continueExpected: outcome.continues += 1
                    case .request(let request): outcome.requests.append(request)
                    }
                } catch {
                    outcome.error = error
                    break feed
                }
            }
        }
        outcome.endsMidRequest = parser.hasPartialRequest
        return outcome
    }

    /// The offsets at which `parse` splits an input of `count` bytes.
    static func splitOffsets(count: Int) -> [Int] {
        guard count > 1 else { return [] }
        if count <= self.exhaustiveSplitLimit { return Array(1..<count) }
        // Limits and terminators sit near the ends, so every offset there is tried.
        let edges = Array(1...32) + Array((count - 32)..<count)
        return Array(Set(edges + Array(stride(from: 1, to: count, by: count / 64)))).sorted()
    }

    /// Parses `bytes` whole, byte by byte and split at every offset, records an issue if any
    /// of them disagrees with the whole feed, and returns the whole feed's outcome.
    static func parse(
        _ bytes: [UInt8], limits: ParserLimits = ParserLimits(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> ParseOutcome {
        let whole = self.run(bytes, .whole, limits: limits)
        let feedings = [Feeding.byteByByte] + self.splitOffsets(count: bytes.count).map(Feeding.split(at:))
        for feeding in feedings {
            let outcome = self.run(bytes, feeding, limits: limits)
            if outcome != whole {
                // One report per input is enough to find the bug; hundreds would bury it.
                Issue.record("fed \(feeding): \(outcome); fed whole: \(whole)", sourceLocation: sourceLocation)
                break
            }
        }
        return whole
    }

    static func parse(
        _ text: String, limits: ParserLimits = ParserLimits(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> ParseOutcome {
        self.parse(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
    }

    /// Parses input that must hold exactly one complete, valid request, and returns it.
    static func request(
        _ text: String, limits: ParserLimits = ParserLimits(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> Request? {
        self.request(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
    }

    static func request(
        _ bytes: [UInt8], limits: ParserLimits = ParserLimits(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> Request? {
        let outcome = self.parse(bytes, limits: limits, sourceLocation: sourceLocation)
        #expect(outcome.error == nil, sourceLocation: sourceLocation)
        #expect(outcome.requests.count == 1, sourceLocation: sourceLocation)
        #expect(!outcome.endsMidRequest, sourceLocation: sourceLocation)
        return outcome.requests.count == 1 ? outcome.requests[0] : nil
    }

    /// Expects input to produce no request and then `error`, however it is fed.
    static func expectFailure(
        _ text: String, _ error: HTTPParseError, limits: ParserLimits = ParserLimits(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let outcome = self.parse(text, limits: limits, sourceLocation: sourceLocation)
        #expect(outcome.requests.isEmpty, sourceLocation: sourceLocation)
        #expect(outcome.error == error, sourceLocation: sourceLocation)
    }
}

/// Builders for request bytes, so that tests show only the lines that matter.
enum Wire {
    static let host = "Host: example.com"

    /// The UTF-8 bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A head: `lines` each ended by CRLF, then the empty line.
    static func head(_ lines: String...) -> String { self.head(lines) }

    static func head(_ lines: [String]) -> String {
        lines.map { $0 + "\r\n" }.joined() + "\r\n"
    }

    /// An HTTP/1.1 `GET` with `Host` and `fields`.
    static func get(_ target: String = "/", _ fields: String...) -> String {
        self.head(["GET \(target) HTTP/1.1", self.host] + fields)
    }

    /// An HTTP/1.1 `POST` whose body is framed by `Content-Length`.
    static func post(_ target: String = "/", body: String, _ fields: String...) -> String {
        self.head(["POST \(target) HTTP/1.1", self.host, "Content-Length: \(body.utf8.count)"] + fields) + body
    }

    /// An HTTP/1.1 `POST` with a chunked body.
    static func chunkedPost(_ target: String = "/", chunks: [String], trailers: [String] = []) -> String {
        self.head("POST \(target) HTTP/1.1", self.host, "Transfer-Encoding: chunked")
            + self.chunked(chunks, trailers: trailers)
    }

    /// A chunked body: each chunk with its hexadecimal size, the last chunk, trailers, empty line.
    static func chunked(_ chunks: [String], trailers: [String] = []) -> String {
        chunks.map { String($0.utf8.count, radix: 16) + "\r\n" + $0 + "\r\n" }.joined()
            + "0\r\n" + trailers.map { $0 + "\r\n" }.joined() + "\r\n"
    }

    /// Field lines (with `Host` first) whose bytes, CRLFs included, total exactly `count`.
    static func fields(totalling count: Int) -> [String] {
        let overhead = (self.host + "\r\n").utf8.count + "X-Pad: \r\n".utf8.count
        precondition(count >= overhead, "too small for Host and a pad field")
        return [self.host, "X-Pad: " + String(repeating: "a", count: count - overhead)]
    }

    /// A `GET` request line exactly `count` bytes long (without its CRLF).
    static func requestLine(length count: Int) -> String {
        let overhead = "GET / HTTP/1.1".utf8.count
        precondition(count >= overhead, "too short for a request line")
        return "GET /" + String(repeating: "a", count: count - overhead) + " HTTP/1.1"
    }
}

/// Small limits, so that tests go over them with a few bytes.
extension ParserLimits {
    static let small = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderFields: 4, maxBodyBytes: 32)
}

extension ParseResult {
    /// The request, if this result is one.
    var request: Request? {
        if case .request(let request) = self { return request }
        return nil
    }
}

extension RequestTarget {
    /// Parses a target given as text (tests only).
    static func parse(_ text: String, method: HTTPMethod = .get) throws(HTTPParseError) -> RequestTarget {
        try self.parse(Array(text.utf8), method: method)
    }

    static func parse(_ bytes: [UInt8], method: HTTPMethod = .get) throws(HTTPParseError) -> RequestTarget {
        try bytes.withUnsafeBufferPointer { buffer throws(HTTPParseError) in
            try RequestTarget(parsing: buffer, method: method)
        }
    }
}
