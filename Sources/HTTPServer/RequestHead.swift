/// The request line and header section of a request, checked for framing and smuggling rules.
struct RequestHead: Sendable {
    let method: HTTPMethod
    let target: String
    let requestTarget: RequestTarget
    let version: HTTPVersion
    let headers: HeaderFields
    let framing: BodyFraming
    let expectsContinue: Bool

    /// Parses a complete head (request line and field lines, without the closing empty line).
    ///
    /// The order of checks decides which error a doubly broken request gets: the request line
    /// first (400, then 505, then 501), then the fields, then framing.
    init(parsing bytes: UnsafeBufferPointer<UInt8>, limits: ParserLimits) throws(HTTPParseError) {
        let lf = bytes.firstIndex(of: ASCII.lf) ?? bytes.count
        var lineEnd = lf
        if lineEnd > 0 && bytes[lineEnd - 1] == ASCII.cr { lineEnd -= 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[..<lineEnd])
        if line.contains(ASCII.cr) { throw .bareCarriageReturn }

        guard let firstSpace = line.firstIndex(of: ASCII.space),
            let secondSpace = line[(firstSpace + 1)...].firstIndex(of: ASCII.space),
            firstSpace > 0, secondSpace > firstSpace + 1
        else { throw .malformedRequestLine }
        let methodBytes = UnsafeBufferPointer(rebasing: line[..<firstSpace])
        for byte in methodBytes where !ASCII.isTokenCharacter(byte) { throw .malformedRequestLine }
        let targetBytes = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)..<secondSpace])
        let versionBytes = UnsafeBufferPointer(rebasing: line[(secondSpace + 1)...])
        // Exactly one space between the three parts: anything else is not a request line.
        guard !versionBytes.isEmpty, !versionBytes.contains(ASCII.space) else { throw .malformedRequestLine }
        self.version = try Self.parseVersion(versionBytes)
        guard let method = HTTPMethod.recognise(methodBytes) else {
            throw .unknownMethod(String(decoding: methodBytes, as: UTF8.self))
        }
        self.method = method
        self.requestTarget = try RequestTarget(parsing: targetBytes, method: method)
        self.target = String(decoding: targetBytes, as: UTF8.self)

        let fieldStart = min(lf + 1, bytes.count)
        self.headers = try FieldLines.parse(UnsafeBufferPointer(rebasing: bytes[fieldStart...]))
        if self.headers.count > limits.maxHeaderFields { throw .tooManyHeaderFields(limit: limits.maxHeaderFields) }

        let fields = FramingFields(self.headers)
        if fields.hostCount > 1 { throw .duplicateHost }
        if fields.hostCount == 0 && self.version == .http1_1 { throw .missingHost }
        self.framing = try Self.framing(of: fields, version: self.version)
        self.expectsContinue = try Self.expectsContinue(fields.expectations, version: self.version)
    }

    /// The fields that decide framing, gathered in one pass over the header section.
    private struct FramingFields {
        var hostCount = 0
        var transferEncodings: [String] = []
        var contentLengths: [String] = []
        var expectations: [String] = []

        init(_ headers: HeaderFields) {
            for field in headers {
                // Dispatch on length first: most fields are none of these.
                switch field.name.utf8.count {
                case 4 where ASCII.equalsIgnoringCase(field.name, "Host"): self.hostCount += 1
                case 6 where ASCII.equalsIgnoringCase(field.name, "Expect"): self.expectations.append(field.value)
                case 14 where ASCII.equalsIgnoringCase(field.name, "Content-Length"): self.contentLengths.append(field.value)
                case 17 where ASCII.equalsIgnoringCase(field.name, "Transfer-Encoding"): self.transferEncodings.append(field.value)
                default: break
                }
            }
        }
    }

    /// Assembles the request once its body is complete.
    func makeRequest(body: [UInt8], trailers: HeaderFields) -> Request {
        Request(
            method: self.method, target: self.target, path: self.requestTarget.path,
            query: self.requestTarget.query, version: self.version, headers: self.headers,
            body: body, trailers: trailers)
    }

    /// `HTTP/1.1` → `.http1_1`; `HTTP/1.2`+ is served as 1.1; other majors are 505.
    private static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        let digit = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard bytes.count == 8, "HTTP/".utf8.elementsEqual(bytes.prefix(5)),
            digit.contains(bytes[5]), bytes[6] == UInt8(ascii: "."), digit.contains(bytes[7])
        else { throw .malformedVersion }
        guard bytes[5] == UInt8(ascii: "1") else { throw .unsupportedVersion }
        return bytes[7] == UInt8(ascii: "0") ? .http1_0 : .http1_1
    }

    /// Chooses the body framing, refusing every ambiguous combination (RFC 9112 §6.1, §6.3).
    private static func framing(of fields: FramingFields, version: HTTPVersion) throws(HTTPParseError) -> BodyFraming {
        let encodings = fields.transferEncodings
        let lengths = fields.contentLengths
        if !encodings.isEmpty {
            if version == .http1_0 { throw .transferEncodingOnHTTP1_0 }
            if !lengths.isEmpty { throw .conflictingFraming }
            let codings = encodings.flatMap { $0.utf8.split(separator: UInt8(ascii: ",")) }
                .map { ASCII.trimmingWhitespace($0) }
                .filter { !$0.isEmpty }
            guard let last = codings.last else { throw .malformedTransferEncoding }
            for coding in codings where !ASCII.equalsIgnoringCase(coding, "chunked".utf8) {
                throw .unsupportedTransferEncoding(String(decoding: coding, as: UTF8.self))
            }
            guard codings.count == 1, ASCII.equalsIgnoringCase(last, "chunked".utf8) else {
                throw .malformedTransferEncoding
            }
            return .chunked
        }
        guard !lengths.isEmpty else { return .none }
        var length: Int?
        for element in lengths.flatMap({ $0.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) }) {
            let value = try Self.parseContentLength(ASCII.trimmingWhitespace(element))
            if let earlier = length, earlier != value { throw .invalidContentLength }
            length = value
        }
        return length.map { $0 == 0 ? .none : .length($0) } ?? .none
    }

    /// `1*DIGIT`; values too long for an `Int` saturate so that they fail the body limit (413).
    private static func parseContentLength(_ digits: Substring.UTF8View.SubSequence) throws(HTTPParseError) -> Int {
        guard !digits.isEmpty else { throw .invalidContentLength }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { throw .invalidContentLength }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            value = overflow1 || overflow2 ? Int.max : sum
        }
        return value
    }

    /// `Expect: 100-continue` on HTTP/1.1; any other expectation is 417 (RFC 9110 §10.1.1).
    private static func expectsContinue(_ expectations: [String], version: HTTPVersion) throws(HTTPParseError) -> Bool {
        guard !expectations.isEmpty else { return false }
        for value in expectations where !ASCII.equalsIgnoringCase(value, "100-continue") {
            throw .unsupportedExpectation(value)
        }
        // A 1.0 client does not understand 100 (RFC 9110 §10.1.1): ignore its expectation.
        return version == .http1_1
    }
}
