/// An incremental HTTP/1.1 request parser over bytes.
///
/// Feed it whatever the socket delivered with `append(_:)`, then call `next()` until it
/// returns `.needMoreBytes`. It never sees a socket, so it reads the same whether bytes arrive
/// whole, one at a time, or as several pipelined requests in one buffer.
///
/// ```swift
/// var parser = RequestParser()
/// parser.append(contentsOf: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
/// if case .request(let request) = try parser.next() { print(request.path) }   // "/"
/// ```
///
/// It enforces `ParserLimits` and the framing rules of RFC 9112 §6 that defend against request
/// smuggling. After it throws, it is poisoned: every later `next()` throws the same error,
/// because the stream's framing can no longer be trusted.
///
/// - Note: A value type with no shared state; a connection owns one and touches it only
///   on its own queue.
public struct RequestParser: Sendable {
    /// The limits in force.
    public let limits: ParserLimits

    /// Unconsumed input: `buffer[start...]`.
    /// The most body capacity reserved before the bytes arrive.
    private static let initialBodyCapacity = 64 * 1024

    private var buffer: [UInt8] = []
    private var start = 0
    private var state: State = .head(FieldSectionScan())
    /// The body being assembled for the request whose head has been parsed.
    private var body: [UInt8] = []

    private enum State: Sendable {
        case head(FieldSectionScan)
        case body(RequestHead, BodyState)
        case failed(HTTPParseError)
    }

    private enum BodyState: Sendable {
        case fixed(remaining: Int)
        /// Reading a chunk-size line; `scanned` bytes of it are known to hold no LF.
        case chunkSize(scanned: Int)
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(FieldSectionScan)
    }

    /// Makes a parser with the given limits.
    public init(limits: ParserLimits = ParserLimits()) {
        self.limits = limits
    }

    /// Whether part of a request has been received but not yet returned by `next()`.
    ///
    /// A connection uses this to tell an idle keep-alive connection from a slow request.
    public var hasPartialRequest: Bool {
        switch self.state {
        case .head: return self.start < self.buffer.count
        case .body, .failed: return true
        }
    }

    /// Body bytes of the request being read, held until it is complete.
    public var bufferedBodyBytes: Int {
        self.body.count
    }

    /// Whether the parser is still waiting for the end of a request's header section.
    public var isReadingHead: Bool {
        if case .head = self.state { return true }
        return false
    }

    /// Appends received bytes.
    ///
    /// - Parameter bytes: the bytes, in the order they arrived.
    /// - Complexity: amortised O(*n*) in `bytes.count`.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        self.compactIfWorthwhile()
        self.buffer.append(contentsOf: bytes)
    }

    /// Appends received bytes from a collection.
    public mutating func append<Bytes: Collection<UInt8>>(contentsOf bytes: Bytes) {
        self.compactIfWorthwhile()
        self.buffer.append(contentsOf: bytes)
    }

    /// Parses as far as the buffered bytes allow.
    ///
    /// - Returns: `.request` for each complete request, in order; `.continueExpected` once
    ///   when a head asking for `100-continue` is complete and its body has not begun;
    ///   `.needMoreBytes` when the buffer holds no further complete request.
    /// - Throws: `HTTPParseError`; the parser then stays failed.
    public mutating func next() throws(HTTPParseError) -> ParseResult {
        if case .failed(let error) = self.state { throw error }
        do {
            return try self.step()
        } catch {
            self.state = .failed(error)
            throw error
        }
    }

    private mutating func step() throws(HTTPParseError) -> ParseResult {
        while true {
            switch self.state {
            case .failed(let error):
                throw error
            case .head(var scan):
                if scan.scanned == 0 && !self.skipEmptyLinesBeforeRequestLine() { return .needMoreBytes }
                guard let end = try self.scanFieldSection(&scan, hasStartLine: true) else {
                    self.state = .head(scan)
                    return .needMoreBytes
                }
                let head = try self.withAvailableBytes { bytes throws(HTTPParseError) in
                    try RequestHead(parsing: UnsafeBufferPointer(rebasing: bytes[..<end.contentEnd]), limits: self.limits)
                }
                self.consume(end.sectionEnd)
                switch head.framing {
                case .none:
                    self.state = .head(FieldSectionScan())
                    return .request(head.makeRequest(body: [], trailers: HeaderFields()))
                case .length(let length):
                    guard length <= self.limits.maxBodyBytes else { throw .bodyTooLarge(limit: self.limits.maxBodyBytes) }
                    self.body = []
                    // Capacity for what has arrived, not what is announced: a client that
                    // announces a megabyte and sends a byte must not cost a megabyte.
                    self.body.reserveCapacity(min(length, Self.initialBodyCapacity))
                    self.state = .body(head, .fixed(remaining: length))
                case .chunked:
                    self.body = []
                    self.state = .body(head, .chunkSize(scanned: 0))
                }
                if head.expectsContinue && self.availableCount == 0 { return .continueExpected }
            case .body(let head, let bodyState):
                guard let next = try self.advanceBody(head, bodyState) else { return .needMoreBytes }
                if let request = next { return .request(request) }
            }
        }
    }

    /// Moves the body forward; `nil` when more bytes are needed, `.some(nil)` when a state
    /// change happened, `.some(request)` when the request is complete.
    private mutating func advanceBody(_ head: RequestHead, _ bodyState: BodyState) throws(HTTPParseError) -> Request?? {
        switch bodyState {
        case .fixed(let remaining), .chunkData(let remaining):
            let take = min(remaining, self.availableCount)
            if take == 0 && remaining > 0 { return nil }
            self.body.append(contentsOf: self.buffer[self.start..<(self.start + take)])
            self.consume(take)
            let left = remaining - take
            if case .fixed = bodyState {
                guard left == 0 else {
                    self.state = .body(head, .fixed(remaining: left))
                    return nil
                }
                return .some(self.finish(head, trailers: HeaderFields()))
            }
            self.state = .body(head, left == 0 ? .chunkDataEnd : .chunkData(remaining: left))
            return left == 0 ? .some(nil) : nil
        case .chunkSize(let scanned):
            guard let size = try self.parseChunkSizeLine(scanned: scanned) else {
                self.state = .body(head, .chunkSize(scanned: self.availableCount))
                return nil
            }
            guard size <= self.limits.maxBodyBytes - self.body.count else {
                throw .bodyTooLarge(limit: self.limits.maxBodyBytes)
            }
            self.state = .body(head, size == 0 ? .trailers(FieldSectionScan()) : .chunkData(remaining: size))
            return .some(nil)
        case .chunkDataEnd:
            guard self.availableCount >= 2 else { return nil }
            guard self.buffer[self.start] == ASCII.cr, self.buffer[self.start + 1] == ASCII.lf else {
                throw .malformedChunk
            }
            self.consume(2)
            self.state = .body(head, .chunkSize(scanned: 0))
            return .some(nil)
        case .trailers(var scan):
            guard let end = try self.scanFieldSection(&scan, hasStartLine: false) else {
                self.state = .body(head, .trailers(scan))
                return nil
            }
            let trailers = try self.withAvailableBytes { bytes throws(HTTPParseError) in
                try FieldLines.parse(UnsafeBufferPointer(rebasing: bytes[..<end.contentEnd]))
            }
            guard head.headers.count + trailers.count <= self.limits.maxHeaderFields else {
                throw .tooManyHeaderFields(limit: self.limits.maxHeaderFields)
            }
            self.consume(end.sectionEnd)
            return .some(self.finish(head, trailers: trailers))
        }
    }

    private mutating func finish(_ head: RequestHead, trailers: HeaderFields) -> Request {
        let request = head.makeRequest(body: self.body, trailers: trailers)
        self.body = []
        self.state = .head(FieldSectionScan())
        return request
    }

    /// Longest chunk-size line (size and extensions), without its CRLF.
    static let maxChunkSizeLineBytes = 4096

    /// Reads `chunk-size [ chunk-ext ] CRLF`; `nil` when the line is incomplete.
    ///
    /// - Parameter scanned: bytes already searched for LF by an earlier call, so that a line
    ///   arriving byte by byte is scanned once.
    private mutating func parseChunkSizeLine(scanned: Int) throws(HTTPParseError) -> Int? {
        let maxLine = Self.maxChunkSizeLineBytes
        let available = self.buffer[self.start...].prefix(maxLine + 2)
        guard let lf = available[(self.start + scanned)...].firstIndex(of: ASCII.lf) else {
            let pendingCR = available.last == ASCII.cr ? 1 : 0
            if available.count - pendingCR > maxLine { throw .malformedChunk }
            return nil
        }
        guard lf > self.start, self.buffer[lf - 1] == ASCII.cr else { throw .malformedChunk }
        let line = self.buffer[self.start..<(lf - 1)]
        let digitsEnd = line.firstIndex { ASCII.hexValue($0) == nil } ?? line.endIndex
        guard digitsEnd > line.startIndex else { throw .malformedChunk }
        // More than 15 hex digits cannot fit the limit (and might overflow Int).
        guard digitsEnd - line.startIndex <= 15 else { throw .bodyTooLarge(limit: self.limits.maxBodyBytes) }
        var size = 0
        for byte in line[..<digitsEnd] { size = size << 4 | Int(ASCII.hexValue(byte)!) }
        try Self.validateChunkExtensions(line[digitsEnd...])
        self.consume(lf + 1 - self.start)
        return size
    }

    /// Accepts `*( BWS ";" ... )` chunk extensions, ignoring their meaning but refusing control bytes.
    private static func validateChunkExtensions(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) {
        let rest = bytes.drop { $0 == ASCII.space || $0 == ASCII.tab }
        guard let first = rest.first else { return }
        guard first == ASCII.semicolon, rest.allSatisfy(ASCII.isFieldValueCharacter) else { throw .malformedChunk }
    }

    // MARK: Buffer

    private var availableCount: Int { self.buffer.count - self.start }

    private mutating func consume(_ count: Int) {
        self.start += count
        if self.start == self.buffer.count {
            self.buffer.removeAll(keepingCapacity: true)
            self.start = 0
        }
    }

    /// Drops consumed bytes once they are at least half the buffer, keeping appends amortised O(1).
    private mutating func compactIfWorthwhile() {
        if self.start > 0 && self.start * 2 >= self.buffer.count {
            self.buffer.removeSubrange(0..<self.start)
            self.start = 0
        }
    }

    private func withAvailableBytes<T>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> T
    ) throws(HTTPParseError) -> T {
        let start = self.start
        return try self.buffer.withUnsafeBufferPointer { all throws(HTTPParseError) in
            try body(UnsafeBufferPointer(rebasing: all[start...]))
        }
    }

    /// RFC 9112 §2.2: a server SHOULD ignore empty lines received before the request line.
    ///
    /// - Returns: `false` when the buffer ends in a lone CR that may still become an empty
    ///   line: scanning it now would mistake it for the start of the request line.
    private mutating func skipEmptyLinesBeforeRequestLine() -> Bool {
        while self.availableCount > 0 {
            if self.buffer[self.start] == ASCII.lf {
                self.consume(1)
            } else if self.buffer[self.start] == ASCII.cr {
                guard self.availableCount >= 2 else { return false }
                guard self.buffer[self.start + 1] == ASCII.lf else { return true }
                self.consume(2)
            } else {
                return true
            }
        }
        return true
    }

    /// Looks for the empty line that ends a header or trailer section, resuming where the
    /// previous call stopped so that byte-at-a-time input stays linear.
    private func scanFieldSection(_ scan: inout FieldSectionScan, hasStartLine: Bool) throws(HTTPParseError) -> FieldSectionEnd? {
        let limits = self.limits
        return try self.withAvailableBytes { bytes throws(HTTPParseError) in
            try scan.advance(over: bytes, hasStartLine: hasStartLine, limits: limits)
        }
    }
}

/// What `RequestParser.next()` found.
public enum ParseResult: Sendable, Hashable {
    /// No complete request is buffered yet.
    case needMoreBytes
    /// A head with `Expect: 100-continue` is complete and its body has not begun: the
    /// connection should send `100 Continue` now.
    case continueExpected
    /// A complete request.
    case request(Request)
}
