/// Builds URL paths and query strings with correct percent-encoding.
enum URLPath {
    /// Percent-encodes a path segment: everything but RFC 3986 unreserved characters.
    static func encodeSegment(_ text: String) -> String {
        self.encode(text, keeping: { $0.isUnreserved })
    }

    /// Percent-encodes a query name or value (unreserved characters kept).
    static func encodeQueryComponent(_ text: String) -> String {
        self.encode(text, keeping: { $0.isUnreserved })
    }

    /// `path?name=value&…` from ordered pairs; just `path` when there are none.
    static func withQuery(_ path: String, _ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return path }
        return path + "?" + pairs.map { "\(self.encodeQueryComponent($0.0))=\(self.encodeQueryComponent($0.1))" }.joined(separator: "&")
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func encode(_ text: String, keeping keep: (UInt8) -> Bool) -> String {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if keep(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(self.hex[Int(byte >> 4)])
                bytes.append(self.hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension UInt8 {
    /// RFC 3986 `unreserved`: ALPHA / DIGIT / "-" / "." / "_" / "~".
    fileprivate var isUnreserved: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
