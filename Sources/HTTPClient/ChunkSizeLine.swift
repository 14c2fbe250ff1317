/// The size of a chunk, read from its chunk-size line (RFC 9112 §7.1):
///
///     chunk-size [ chunk-ext ]    where chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS value ] )
///
/// The size is hexadecimal; extensions are checked for shape (a token name, a token or
/// quoted-string value) and ignored, as the RFC lets a recipient do.
enum ChunkSizeLine {
    /// Parses a chunk-size line.
    ///
    /// - Parameter line: the line without its CR LF.
    /// - Returns: the chunk size; 0 for the last chunk.
    /// - Throws: `HTTPClientError.malformedChunk` naming the fault.
    static func size(of line: ArraySlice<UInt8>) throws(HTTPClientError) -> Int {
        var index = line.startIndex
        var size = 0
        while index < line.endIndex, let digit = ASCII.hexValue(line[index]) {
            // 15 hex digits stay far below Int.max; a larger chunk is not a real one.
            guard index - line.startIndex < 15 else { throw .malformedChunk("chunk size too large") }
            size = size * 16 + digit
            index += 1
        }
        guard index > line.startIndex else { throw .malformedChunk("chunk-size line '\(HTTPClientError.excerpt(line))'") }
        guard Self.isValidExtensionList(line[index...]) else {
            throw .malformedChunk("chunk extension in '\(HTTPClientError.excerpt(line))'")
        }
        return size
    }

    /// Whether `bytes` is a well-formed (possibly empty) list of chunk extensions.
    private static func isValidExtensionList(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        while true {
            rest = rest.drop(while: ASCII.isWhitespace)
            guard let first = rest.first else { return true }
            guard first == UInt8(ascii: ";") else { return false }
            rest = rest.dropFirst().drop(while: ASCII.isWhitespace)
            guard Self.consumeToken(&rest) else { return false }
            rest = rest.drop(while: ASCII.isWhitespace)
            guard rest.first == UInt8(ascii: "=") else { continue }
            rest = rest.dropFirst().drop(while: ASCII.isWhitespace)
            guard Self.consumeToken(&rest) || Self.consumeQuotedString(&rest) else { return false }
        }
    }

    /// Consumes a non-empty token from the front of `bytes`.
    private static func consumeToken(_ bytes: inout ArraySlice<UInt8>) -> Bool {
        let token = bytes.prefix(while: ASCII.isTokenCharacter)
        bytes = bytes[token.endIndex...]
        return !token.isEmpty
    }

    /// Consumes a quoted-string (with `\` escapes) from the front of `bytes`.
    private static func consumeQuotedString(_ bytes: inout ArraySlice<UInt8>) -> Bool {
        guard bytes.first == UInt8(ascii: "\"") else { return false }
        var index = bytes.startIndex + 1
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                bytes = bytes[(index + 1)...]
                return true
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.endIndex, ASCII.isFieldValueCharacter(bytes[index + 1]) else { return false }
                index += 2
            case let byte where ASCII.isFieldValueCharacter(byte):
                index += 1
            default:
                return false
            }
        }
        return false
    }
}
