extension HeaderField {
    /// Parses one field line, `name: value` (RFC 9112 §5), of a header or trailer section.
    ///
    /// - Parameter line: the line without its CR LF.
    /// - Throws: `HTTPClientError.malformedHeaderField` for an empty or non-token name,
    ///   whitespace before the colon (or a folded line), or a control character in the value.
    init(parsing line: ArraySlice<UInt8>) throws(HTTPClientError) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
            line[..<colon].allSatisfy(ASCII.isTokenCharacter)
        else { throw .malformedHeaderField(HTTPClientError.excerpt(line)) }
        let value = ASCII.trimmed(line[(colon + 1)...])
        guard value.allSatisfy(ASCII.isFieldValueCharacter) else { throw .malformedHeaderField(HTTPClientError.excerpt(line)) }
        self.init(name: String(decoding: line[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }
}
