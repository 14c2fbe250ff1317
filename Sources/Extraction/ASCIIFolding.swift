import DocumentModel

/// `TextFolding.fold` for the ASCII text most lines and words are, written straight into the
/// new string: folding by mapping into an array first cost more than the rules that read the
/// folded text.
enum ASCIIFolding {
    /// `TextFolding.fold(text)`: an ASCII text in lower case, `` ` `` as `'`, without the spaces,
    /// tabs, `:` and `.` at its ends; any other text folded by `TextFolding`.
    static func fold<S: StringProtocol>(_ text: S) -> String {
        let folded = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            func isTrimmed(_ byte: UInt8) -> Bool {
                byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
            }
            var start = 0
            var end = bytes.count
            while start < end, isTrimmed(bytes[start]) { start += 1 }
            while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in start..<end {
                    let byte = bytes[offset]
                    buffer[offset - start] = byte == UInt8(ascii: "`") ? UInt8(ascii: "'") : (byte &- 65 < 26 ? byte | 0x20 : byte)
                }
                return end - start
            }
        }
        return (folded ?? nil) ?? TextFolding.fold(text)
    }
}
