/// One HTTP response as a `TestClient` received it.
///
/// Header lookups fold ASCII case, as field names are case-insensitive (RFC 9110 §5.1).
///
/// ```swift
/// let response = try client.readResponse()
/// #expect(response.statusCode == 200)
/// #expect(response["content-type"] == "application/json")
/// #expect(response.bodyText == "ok")
/// ```
public struct TestResponse: Sendable, Hashable {
    /// One header field line.
    public struct Field: Sendable, Hashable {
        /// The name as sent.
        public let name: String
        /// The value, without surrounding whitespace.
        public let value: String
    }

    /// The version on the status line, e.g. `HTTP/1.1`.
    public let version: String
    /// The three-digit status code.
    public let statusCode: Int
    /// The reason phrase.
    public let reason: String
    /// The header fields in the order received.
    public let fields: [Field]
    /// The body bytes (empty for HEAD, 1xx, 204 and 304).
    public let body: [UInt8]

    init(head: TestResponseHead, body: [UInt8]) {
        self.version = head.version
        self.statusCode = head.statusCode
        self.reason = head.reason
        self.fields = head.fields
        self.body = body
    }

    /// The body decoded as UTF-8 (invalid sequences replaced).
    public var bodyText: String { String(decoding: self.body, as: UTF8.self) }

    /// The value of the first field named `name` (case-insensitive), or `nil`.
    public subscript(name: String) -> String? {
        self.fields.first { Self.namesMatch($0.name, name) }?.value
    }

    /// The values of every field named `name` (case-insensitive), in order.
    ///
    /// - Parameter name: the field name.
    /// - Returns: the values, possibly empty.
    public func values(for name: String) -> [String] {
        self.fields.filter { Self.namesMatch($0.name, name) }.map(\.value)
    }

    /// Whether this is an interim (1xx) response, to be followed by the final one.
    public var isInterim: Bool { self.statusCode < 200 }

    /// Whether the response says `Connection: close`.
    public var announcesClose: Bool {
        self.values(for: "Connection").contains { value in
            value.split(separator: ",").contains { Self.namesMatch(String($0).trimmingSpaces(), "close") }
        }
    }

    static func namesMatch(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { Self.lower($0) == Self.lower($1) }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}

/// The status line and header fields of a response, parsed from bytes without the final CRLFCRLF.
struct TestResponseHead {
    let version: String
    let statusCode: Int
    let reason: String
    let fields: [TestResponse.Field]

    init(parsing bytes: ArraySlice<UInt8>) throws(TestClientError) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).makeIterator()
        guard let statusLine = lines.next() else { throw .malformedResponse("empty head") }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3, let code = Int(parts[1]) else {
            throw .malformedResponse("status line '\(statusLine)'")
        }
        self.version = String(parts[0])
        self.statusCode = code
        self.reason = parts.count > 2 ? String(parts[2]) : ""
        var fields: [TestResponse.Field] = []
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else {
                throw .malformedResponse("field line '\(line)'")
            }
            fields.append(
                TestResponse.Field(name: String(line[..<colon]), value: String(line[line.index(after: colon)...]).trimmingSpaces()))
        }
        self.fields = fields
    }

    func value(of name: String) -> String? {
        self.fields.first { TestResponse.namesMatch($0.name, name) }?.value
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
