/// What an `Authorization` header presents (RFC 6750 §2.1, RFC 9110 §11.6.2).
public enum BearerCredentials: Equatable, Sendable {
    /// No `Authorization` header.
    case absent
    /// `Bearer TOKEN`: the token's bytes.
    case token([UInt8])
    /// Another scheme, or a malformed bearer token.
    case malformed

    /// The credentials of an `Authorization` header value (the scheme is case-insensitive;
    /// the token is RFC 6750's `b64token`).
    public init(header: String?) {
        guard let header else {
            self = .absent
            return
        }
        let bytes = Array(header.utf8)
        let scheme = Array("bearer ".utf8)
        guard bytes.count > scheme.count, zip(bytes, scheme).allSatisfy({ ($0 | 0x20) == $1 || ($0 == $1) }) else {
            self = .malformed
            return
        }
        let token = bytes[scheme.count...].drop { $0 == UInt8(ascii: " ") }
        guard !token.isEmpty, token.allSatisfy(Self.isTokenByte) else {
            self = .malformed
            return
        }
        self = .token(Array(token))
    }

    /// Whether a byte may appear in a `b64token`: letters, digits, `-._~+/` and trailing `=`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || Array("-._~+/=".utf8).contains(byte)
    }
}
