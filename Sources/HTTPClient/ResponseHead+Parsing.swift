extension ResponseHead {
    /// Parses a status line and header section (RFC 9112 §4 and §5).
    ///
    /// Lines end in CR LF; a bare CR or LF, obsolete line folding, a field name that is not
    /// a token or a control character in a value is rejected rather than guessed at.
    ///
    /// - Parameter bytes: the head up to, not including, the CR LF CR LF that ends it.
    /// - Throws: `HTTPClientError.malformedStatusLine` or `.malformedHeaderField`.
    init(parsing bytes: ArraySlice<UInt8>) throws(HTTPClientError) {
        var lines = Self.lines(bytes)
        let statusLine = lines.removeFirst()
        let (status, reason) = try Self.parseStatusLine(statusLine)
        var headers: [HeaderField] = []
        for line in lines {
            headers.append(try HeaderField(parsing: line))
        }
        self.init(status: status, reason: reason, headers: headers)
    }

    /// The CR LF separated lines of `bytes`; a bare CR or LF stays inside its line, where
    /// the line's own checks reject it.
    private static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == ASCII.cr, index + 1 < bytes.endIndex, bytes[index + 1] == ASCII.lf {
                lines.append(bytes[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start...])
        return lines
    }

    /// `HTTP/1.x NNN reason` → (NNN, reason). The reason may be absent, with or without its space.
    private static func parseStatusLine(_ line: ArraySlice<UInt8>) throws(HTTPClientError) -> (Int, String) {
        let prefix = Array("HTTP/1.".utf8)
        let bytes = Array(line)
        guard bytes.count >= 12, bytes.starts(with: prefix), bytes[7] == UInt8(ascii: "0") || bytes[7] == UInt8(ascii: "1"),
            bytes[8] == ASCII.space, bytes[9...11].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            bytes[9] != UInt8(ascii: "0"), bytes.count == 12 || bytes[12] == ASCII.space,
            bytes.dropFirst(12).allSatisfy(ASCII.isFieldValueCharacter)
        else { throw .malformedStatusLine(HTTPClientError.excerpt(line)) }
        let status = bytes[9...11].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return (status, String(decoding: bytes.dropFirst(13), as: UTF8.self))
    }
}
