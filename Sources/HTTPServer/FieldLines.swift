/// Parses field lines (`name: value`) of a header or trailer section.
enum FieldLines {
    /// Parses a block of field lines separated by LF or CRLF.
    ///
    /// - Parameter bytes: the lines, without the empty line that ends the section.
    /// - Returns: the fields in order, values trimmed of surrounding whitespace.
    /// - Throws: `.obsoleteLineFolding`, `.bareCarriageReturn` or `.malformedHeaderField`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HeaderFields {
        var fields = HeaderFields()
        var lineStart = 0
        while lineStart < bytes.count {
            let lf = bytes[lineStart...].firstIndex(of: ASCII.lf) ?? bytes.count
            var lineEnd = lf
            if lineEnd > lineStart && bytes[lineEnd - 1] == ASCII.cr { lineEnd -= 1 }
            try self.parseLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), into: &fields)
            lineStart = lf + 1
        }
        return fields
    }

    private static func parseLine(_ line: UnsafeBufferPointer<UInt8>, into fields: inout HeaderFields) throws(HTTPParseError) {
        guard let first = line.first else { throw .malformedHeaderField }
        if first == ASCII.space || first == ASCII.tab { throw .obsoleteLineFolding }
        guard let colon = line.firstIndex(of: ASCII.colon), colon > 0 else { throw .malformedHeaderField }
        for byte in line[..<colon] where !ASCII.isTokenCharacter(byte) { throw .malformedHeaderField }
        let value = ASCII.trimmingWhitespace(line[(colon + 1)...])
        for byte in value where !ASCII.isFieldValueCharacter(byte) {
            throw byte == ASCII.cr ? .bareCarriageReturn : .malformedHeaderField
        }
        fields.add(
            String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self),
            String(decoding: UnsafeBufferPointer(rebasing: value), as: UTF8.self))
    }
}
