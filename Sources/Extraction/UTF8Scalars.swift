/// Scalars read straight off valid UTF-8 bytes, for scanners that step through a text's
/// bytes and decode only what lies beyond ASCII: stepping a `String.UnicodeScalarView`
/// index costs several times more.
enum UTF8Scalars {
    /// The scalar that starts at a position of valid UTF-8 (a `String`'s bytes), and its
    /// length in bytes.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[position]
        guard lead >= 0x80 else { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead & (0x7F >> length))
        for offset in 1..<length where position + offset < bytes.count { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
