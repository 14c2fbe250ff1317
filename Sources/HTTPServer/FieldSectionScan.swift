/// Where a header (or trailer) section ends, relative to the first unconsumed byte.
struct FieldSectionEnd: Sendable, Hashable {
    /// End of the last field line's content (before its line terminator).
    let contentEnd: Int
    /// End of the whole section, including the empty line that closes it.
    let sectionEnd: Int
}

/// The progress of a search for the end of a field section, kept between reads so that
/// no byte is scanned twice however the input is split.
///
/// It also enforces the length limits as it goes, so an endless request line or header
/// section is refused as soon as it passes its limit rather than when it ends, and checks
/// the method as its bytes arrive: a TLS ClientHello (`16 03 01 …`) or another protocol on
/// the plain port is refused at its first byte, as nginx does, rather than waiting out the
/// header timeout.
struct FieldSectionScan: Sendable, Hashable {
    /// Bytes already examined.
    private(set) var scanned = 0
    /// Start of the line being read.
    private var lineStart = 0
    /// Complete lines seen so far.
    private var lines = 0
    /// Where the start line ended (start of the first field line).
    private var fieldsStart = 0
    /// Whether the request line's method is still being read (no space seen yet).
    private var isReadingMethod = true

    /// Scans newly available bytes.
    ///
    /// - Parameters:
    ///   - bytes: all unconsumed bytes; the first `scanned` were seen before.
    ///   - hasStartLine: whether the first line is a request line (heads) or a field (trailers).
    ///   - limits: the limits to enforce.
    /// - Returns: where the section ends, or `nil` if it has not ended yet.
    mutating func advance(
        over bytes: UnsafeBufferPointer<UInt8>, hasStartLine: Bool, limits: ParserLimits
    ) throws(HTTPParseError) -> FieldSectionEnd? {
        while self.scanned < bytes.count {
            let index = self.scanned
            self.scanned += 1
            if hasStartLine && self.lines == 0 && self.isReadingMethod {
                if bytes[index] == ASCII.space {
                    self.isReadingMethod = false
                } else if !ASCII.isTokenCharacter(bytes[index]) && index < limits.maxRequestLineBytes {
                    // Within the limit only, so that the error does not depend on how the
                    // bytes were split: past it, the line is too long whatever it holds.
                    throw .malformedRequestLine
                }
            }
            guard bytes[index] == ASCII.lf else { continue }
            var contentEnd = index
            if contentEnd > self.lineStart && bytes[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            if contentEnd == self.lineStart && (self.lines > 0 || !hasStartLine) {
                if self.lineStart - self.fieldsStart > limits.maxHeaderBytes {
                    throw .headerSectionTooLarge(limit: limits.maxHeaderBytes)
                }
                return FieldSectionEnd(contentEnd: self.lineStart, sectionEnd: index + 1)
            }
            if self.lines == 0 && hasStartLine {
                if contentEnd - self.lineStart > limits.maxRequestLineBytes {
                    throw .requestLineTooLong(limit: limits.maxRequestLineBytes)
                }
                self.fieldsStart = index + 1
            } else if self.lines - (hasStartLine ? 1 : 0) >= limits.maxHeaderFields {
                throw .tooManyHeaderFields(limit: limits.maxHeaderFields)
            }
            self.lines += 1
            self.lineStart = index + 1
        }
        // A final CR may be the first half of the line terminator: it does not count yet.
        let end = bytes.count - (bytes.last == ASCII.cr ? 1 : 0)
        if self.lines == 0 && hasStartLine {
            if end - self.lineStart > limits.maxRequestLineBytes {
                throw .requestLineTooLong(limit: limits.maxRequestLineBytes)
            }
        } else if end - self.fieldsStart > limits.maxHeaderBytes {
            throw .headerSectionTooLarge(limit: limits.maxHeaderBytes)
        }
        return nil
    }
}
