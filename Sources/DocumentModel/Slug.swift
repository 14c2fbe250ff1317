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
        // Each word is written straight into the slug and taken back out if it makes the slug
        // too long: a String per word, joined one by one, cost more than the folding. The
        // words are ASCII, where a byte is a `Character`: lengths are counted on bytes.
        let folded = TextFolding.fold(title)
        var slug: [UInt8] = []
        slug.reserveCapacity(folded.utf8.count)
        var wordMark: Int?  // the slug's length before the current word (and its dash)
        var bytes = folded.utf8.makeIterator()
        while true {
            let byte = bytes.next()
            if let byte, Self.isASCIIAlphanumeric(byte) {
                if wordMark == nil {
                    wordMark = slug.count
                    if !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                }
                slug.append(byte)
                continue
            }
            if byte == UInt8(ascii: "'") { continue }  // "People's" → "peoples"
            if let mark = wordMark {
                wordMark = nil
                if slug.count > maxLength {
                    // A first word too long for a slug is cut; a later one ends the slug before it.
                    if mark == 0 { return String(decoding: slug.prefix(maxLength), as: UTF8.self) }
                    slug.removeSubrange(mark...)
                    break
                }
            }
            if byte == nil { break }
        }
        return slug.isEmpty ? "untitled" : String(decoding: slug, as: UTF8.self)
    }

    /// Whether the byte is an ASCII letter or digit: the ASCII members of
    /// `CharacterSet.alphanumerics`.
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
