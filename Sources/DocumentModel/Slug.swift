/// URL-friendly forms of titles.
public enum Slug {
    /// Longest slug, in characters.
    public static let maxLength = 80

    /// `Human Rights are key…` → `human-rights-are-key`: folded as `TextFolding` folds
    /// (`Bartłomiej Yıldırım` → `bartlomiej-yildirim`), lower case ASCII letters and digits,
    /// words joined by `-`, cut at a word boundary.
    public static func make(from title: String) -> String {
        // Read on bytes: a slug keeps only ASCII letters and digits, and every byte of a
        // scalar beyond ASCII is 0x80 or more, so it ends a word as the whole scalar would.
        let folded = TextFolding.fold(title)
        var words: [String] = []
        var current: [UInt8] = []
        for byte in folded.utf8 {
            if Self.isASCIIAlphanumeric(byte) {
                current.append(byte)
            } else if byte == UInt8(ascii: "'") {
                continue  // "People's" → "peoples"
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current = []
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        // The words are ASCII, where a byte is a `Character`: lengths are counted on bytes.
        var slug = ""
        for word in words {
            let length = slug.isEmpty ? word.utf8.count : slug.utf8.count + 1 + word.utf8.count
            if length > maxLength { break }
            slug = slug.isEmpty ? word : slug + "-" + word
        }
        return slug.isEmpty ? String(words.first?.prefix(maxLength) ?? "untitled") : slug
    }

    /// Whether the byte is an ASCII letter or digit: the ASCII members of
    /// `CharacterSet.alphanumerics`.
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
