import DocumentModel

/// Small text operations on names, shared by the entity stages.
enum NameText {
    /// The length of a trailing possessive (`’s`, `'s`) on a name, if it has one.
    static func possessiveSuffix(_ text: String) -> Int? {
        // A last byte that is no `s` or `S` rules out most names without reading `Character`s;
        // the rest are stepped back from the end, not counted: a name needs a third before `’s`.
        let utf8 = text.utf8
        guard let lastByte = utf8.last, lastByte == UInt8(ascii: "s") || lastByte == UInt8(ascii: "S") else { return nil }
        // An ASCII byte before the `s` makes the `s` a character of its own, and it is the
        // mark, which must then be an ASCII apostrophe (`'`, `` ` ``) to be one at all: most
        // plurals (`Games`) end here. An ASCII byte before that mark makes the mark a character
        // of its own too, with a character before it.
        let byteS = utf8.index(before: utf8.endIndex)
        if byteS > utf8.startIndex, case let markByte = utf8.index(before: byteS), utf8[markByte] < 0x80 {
            guard utf8[markByte] == UInt8(ascii: "'") || utf8[markByte] == UInt8(ascii: "`"), markByte > utf8.startIndex else { return nil }
            if utf8[utf8.index(before: markByte)] < 0x80 { return 2 }
        }
        guard let last = text.last, last == "s" || last == "S" else { return nil }
        let letterS = text.index(before: text.endIndex)
        guard letterS > text.startIndex, case let mark = text.index(before: letterS), mark > text.startIndex else { return nil }
        return TextFolding.apostrophes.contains(text[mark]) ? 2 : nil
    }

    /// Whether the text has a space, as `text.contains(" ")` (Foundation's search) answers:
    /// ASCII text, where a space joins nothing, is read on its bytes.
    static func hasSpace(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains(" ") }
        return text.utf8.contains(UInt8(ascii: " "))
    }

    /// The name without a trailing possessive: `Liz Truss’s` → `Liz Truss`.
    static func withoutPossessive(_ text: String) -> String {
        self.possessiveSuffix(text).map { String(text.dropLast($0)) } ?? text
    }

    /// The text's runs between spaces, as `text.split(separator: " ")` gives them. ASCII text is
    /// split on its bytes, where a space is a `Character` of its own; other text, where a space
    /// may carry a combining mark, `Character` by `Character`.
    static func spaceSeparated(_ text: String) -> [Substring] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ") }
        return text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
    }

    /// How many runs between spaces the text has, as `spaceSeparated(text).count` counts them,
    /// without building them: ASCII text is counted on its bytes.
    static func wordCount(_ text: String) -> Int {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ").count }
        var count = 0
        var previous = UInt8(ascii: " ")
        for byte in text.utf8 {
            if byte != UInt8(ascii: " "), previous == UInt8(ascii: " ") { count += 1 }
            previous = byte
        }
        return count
    }

    /// A name in display case: `OJEA QUINTANA` → `Ojea Quintana`; short acronyms and other
    /// words unchanged.
    static func displayName(_ words: ArraySlice<TextWord>) -> String {
        words.map { $0.isAllCaps && $0.text.count > 3 ? $0.text.prefix(1) + $0.text.dropFirst().lowercased() : $0.text }
            .joined(separator: " ")
    }

    /// How many letters of a name carry an accent or are outside ASCII: the form with most
    /// keeps what a later, plainer mention drops (`Tomás` over `Tomas`).
    static func accentCount(_ name: String) -> Int {
        name.unicodeScalars.filter { !$0.isASCII && $0.properties.isAlphabetic }.count
    }

    /// Whether a word is spelt with a capital inside, as brands are (`SoftBank`, `WeWork`),
    /// and not as surnames with a prefix are (`McDonald`, `MacArthur`, `DeSantis`, `LeBron`, `O'Neill`).
    static func hasInnerCapital(_ word: String) -> Bool {
        // An ASCII word without CR is read on bytes: there a byte is a `Character`, the
        // letters are A–Z and a–z, and the capitals A–Z.
        let bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return self.hasInnerCapitalByCharacter(word) }
        let isCapital = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard bytes.count >= 4, isCapital(bytes[0]), !bytes.allSatisfy({ !isLetter($0) || isCapital($0) }) else { return false }
        guard let inner = bytes.indices.dropFirst().first(where: { isCapital(bytes[$0]) }) else { return false }
        return !Self.surnamePrefixes.contains(String(decoding: bytes[..<inner], as: UTF8.self)) && isLetter(bytes[inner - 1])
    }

    /// `hasInnerCapital` read `Character` by `Character`, for words beyond ASCII.
    static func hasInnerCapitalByCharacter(_ word: String) -> Bool {
        let letters = Array(word)
        guard letters.count >= 4, letters[0].isUppercase, !letters.allSatisfy({ !$0.isLetter || $0.isUppercase }) else { return false }
        guard let inner = letters.indices.dropFirst().first(where: { letters[$0].isUppercase }) else { return false }
        let prefix = String(letters[..<inner])
        return !Self.surnamePrefixes.contains(prefix) && letters[(inner - 1)].isLetter
    }

    /// What surnames open with before an inner capital.
    private static let surnamePrefixes = ["Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O'", "O’", "D'", "D’", "St"]
}
