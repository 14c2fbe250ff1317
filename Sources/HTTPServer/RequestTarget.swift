/// The path and query of a request target, validated and with the path percent-decoded.
///
/// Accepts origin-form (`/a/b?c`), absolute-form (`http://host/a/b?c`, RFC 9112 §3.2.2) and,
/// for OPTIONS only, asterisk-form (`*`). Every byte must be visible ASCII other than `#`,
/// and every `%` must start a valid escape, in the path and the query alike.
struct RequestTarget: Sendable, Hashable {
    /// The decoded path.
    let path: String
    /// The raw query without `?`, or empty.
    let query: String

    /// Parses the target bytes of a request line.
    ///
    /// - Parameters:
    ///   - bytes: the target as sent.
    ///   - method: the request's method (asterisk-form is for OPTIONS only).
    /// - Throws: `.invalidTarget` or `.invalidPercentEncoding`.
    init(parsing bytes: UnsafeBufferPointer<UInt8>, method: HTTPMethod) throws(HTTPParseError) {
        guard let first = bytes.first else { throw .invalidTarget }
        for byte in bytes where byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "#") {
            throw .invalidTarget
        }
        if bytes.count == 1 && first == UInt8(ascii: "*") {
            guard method == .options else { throw .invalidTarget }
            self.path = "*"
            self.query = ""
            return
        }
        let pathStart: Int
        if first == ASCII.slash {
            pathStart = 0
        } else if let afterScheme = Self.endOfHTTPScheme(bytes) {
            // Skip the authority; the server answers for its own host whatever it is called.
            pathStart = bytes[afterScheme...].firstIndex { $0 == ASCII.slash || $0 == ASCII.question } ?? bytes.count
            if pathStart == afterScheme { throw .invalidTarget }
        } else {
            throw .invalidTarget
        }
        let queryMark = bytes[pathStart...].firstIndex(of: ASCII.question) ?? bytes.count
        let rawPath = UnsafeBufferPointer(rebasing: bytes[pathStart..<queryMark])
        let rawQuery = queryMark < bytes.count ? UnsafeBufferPointer(rebasing: bytes[(queryMark + 1)...]) : UnsafeBufferPointer(rebasing: bytes[0..<0])
        try Self.validateEscapes(rawQuery)
        self.path = rawPath.isEmpty ? "/" : try Self.percentDecoded(rawPath)
        self.query = String(decoding: rawQuery, as: UTF8.self)
    }

    /// The index just after `http://` or `https://` (scheme case-insensitive), or `nil`.
    private static func endOfHTTPScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for scheme in ["http://", "https://"] where bytes.count >= scheme.utf8.count {
            if ASCII.equalsIgnoringCase(bytes.prefix(scheme.utf8.count), scheme.utf8) {
                return scheme.utf8.count
            }
        }
        return nil
    }

    /// Checks that every `%` is followed by two hexadecimal digits.
    private static func validateEscapes(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.percent {
                guard index + 2 < bytes.count, ASCII.hexValue(bytes[index + 1]) != nil,
                    ASCII.hexValue(bytes[index + 2]) != nil
                else { throw .invalidPercentEncoding }
                index += 3
            } else {
                index += 1
            }
        }
    }

    /// Decodes `%XX` escapes; the result must be UTF-8 without NUL.
    private static func percentDecoded(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> String {
        guard bytes.contains(ASCII.percent) else { return String(decoding: bytes, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.percent {
                guard index + 2 < bytes.count, let high = ASCII.hexValue(bytes[index + 1]),
                    let low = ASCII.hexValue(bytes[index + 2])
                else { throw .invalidPercentEncoding }
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        guard !decoded.contains(0), let text = String(validating: decoded, as: UTF8.self) else {
            throw .invalidPercentEncoding
        }
        return text
    }
}
