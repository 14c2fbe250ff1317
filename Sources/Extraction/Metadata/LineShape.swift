import DocumentModel

/// Tests on the shape of one line of a page, shared by the metadata rules.
enum LineShape {
    /// The line's words (runs of characters between spaces), split on bytes when the line
    /// is searchable text (`SimpleText.isSearchable`), where a space byte is a space `Character`.
    static func words<S: StringProtocol>(_ line: S) -> [S.SubSequence] {
        guard SimpleText.isSearchable(line) else { return line.split(separator: " ") }
        let utf8 = line.utf8
        // The words' byte offsets are found on the line's buffer, and each word is cut with
        // indices made from them: a generic split of the byte view cost several times more.
        guard let offsets = utf8.withContiguousStorageIfAvailable(Self.wordOffsets) else {
            return utf8.split(separator: UInt8(ascii: " ")).map { line[$0.startIndex..<$0.endIndex] }
        }
        return offsets.map { line[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }

    /// The byte offsets of the runs of bytes between space bytes.
    private static func wordOffsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var offsets: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: " ") {
            if offset > start { offsets.append(start..<offset) }
            start = offset + 1
        }
        if bytes.count > start { offsets.append(start..<bytes.count) }
        return offsets
    }

    /// The letters of a word, as `filter(\.isLetter)` keeps them; an ASCII word is read on
    /// its bytes, where the letters are A–Z and a–z.
    static func letters(of word: Substring) -> String {
        guard SimpleText.isASCII(word) else { return word.filter(\.isLetter) }
        return String(decoding: word.utf8.filter { ($0 | 0x20) &- UInt8(ascii: "a") < 26 }, as: UTF8.self)
    }

    /// How many words the line has, `words(line).count`, or `cap` when it has more: counted
    /// without splitting the line, and no further than the word past the cap, so that testing
    /// a long line for a few words reads only its start.
    static func wordCount<S: StringProtocol>(_ line: S, cappedAt cap: Int = .max) -> Int {
        SimpleText.wordCount(line, cappedAt: cap)
    }

    /// Whether the line has a number character: read on scalars while they are searchable
    /// text (`SimpleText.isSearchable`), where each is a `Character` of its own.
    static func hasNumber(_ line: Substring) -> Bool {
        // An ASCII head is read off the line's buffer: stepping its scalars cost more than the
        // name rules that ask of every word.
        if case let head?? = line.utf8.withContiguousStorageIfAvailable(Self.asciiHeadHasDigit) { return head }
        for scalar in line.unicodeScalars {
            if scalar.isASCII {
                if scalar.value &- 0x30 < 10 { return true }
            } else if SimpleText.isSearchable(scalar) {
                if scalar.properties.numericType != nil { return true }
            } else {
                return line.contains(where: \.isNumber)
            }
        }
        return false
    }

    /// Whether the bytes hold an ASCII digit before any byte beyond ASCII; `nil` when such a
    /// byte comes first, and the scalars must be read.
    private static func asciiHeadHasDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte &- 0x30 < 10 { return true }
        }
        return false
    }

    /// The words, lower case and without accents, as letters and digits only: two spellings of
    /// one headline (straight or curly quotes, a trailing period) have the same key.
    static func matchKey<S: StringProtocol>(_ line: S) -> String {
        self.matchKey(folded: ASCIIFolding.fold(line))
    }

    /// `matchKey` of a line already folded. A line of ASCII and General Punctuation (curly
    /// quotes, dashes: what most lines beyond ASCII add) is keyed scalar by scalar, where each
    /// scalar is a `Character` (none of them joins another) and no punctuation is a letter or
    /// a digit; other lines are read `Character` by `Character`.
    static func matchKey(folded: String) -> String {
        var key: [UInt8] = []
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, case let byte = UInt8(scalar.value),
                (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            {
                if pendingSpace && !key.isEmpty { key.append(UInt8(ascii: " ")) }
                pendingSpace = false
                key.append(byte)
            } else if scalar.isASCII || Self.generalPunctuation.contains(scalar.value) {
                if !Self.apostrophes.contains(scalar) { pendingSpace = true }
            } else {
                return self.characterKey(folded)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// General Punctuation up to U+205E: no letters, digits or marks that join a neighbour.
    static let generalPunctuation: ClosedRange<UInt32> = 0x2010...0x205E

    /// The apostrophes among ASCII and General Punctuation (`TextFolding.apostrophes`).
    private static let apostrophes: [Unicode.Scalar] = ["'", "`", "\u{2018}", "\u{2019}"]

    /// Whether `matchKey(line)` may start with one of the bytes: `false` only when the line's
    /// first letter or digit is ASCII, with nothing but ASCII before it, and its lower case is
    /// none of them. Folding keeps ASCII letters and digits, in lower case, so the key starts
    /// with it.
    static func mayKeyStart(_ line: Substring, withOneOf initials: Set<UInt8>) -> Bool {
        for byte in line.utf8 {
            guard byte < 0x80 else { return true }
            let lower = byte &- 65 < 26 ? byte | 0x20 : byte
            if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                return initials.contains(lower)
            }
        }
        return true
    }

    /// `matchKey(folded:)` read `Character` by `Character`, for text beyond ASCII and General
    /// Punctuation.
    static func characterKey(_ folded: String) -> String {
        var key = ""
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace && !key.isEmpty { key.append(" ") }
                pendingSpace = false
                key.append(character)
            } else if !TextFolding.apostrophes.contains(character) {
                pendingSpace = true
            }
        }
        return key
    }

    /// Whether most of the longer words start with a capital (`Home Depot Stock Is Falling`).
    static func isTitleCase<S: StringProtocol>(_ line: S) -> Bool {
        // On bytes when the line is simple text: there its letters are ASCII, a byte beyond
        // ASCII belongs to punctuation, and a space is a `Character` of its own.
        guard SimpleText.isSimple(line) else { return self.isTitleCaseByCharacter(line) }
        var long = 0
        var capitalised = 0
        var letters = 0
        var startsWithCapital = false
        func endWord() {
            if letters >= 4 {
                long += 1
                if startsWithCapital { capitalised += 1 }
            }
            letters = 0
        }
        for byte in line.utf8 {
            if byte == UInt8(ascii: " ") {
                endWord()
            } else if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                if letters == 0 { startsWithCapital = byte <= UInt8(ascii: "Z") }
                letters += 1
            }
        }
        endWord()
        guard long > 0 else { return false }
        return capitalised * 3 >= long * 2
    }

    /// `isTitleCase` read `Character` by `Character`, for text beyond simple text.
    static func isTitleCaseByCharacter<S: StringProtocol>(_ line: S) -> Bool {
        let long = self.words(line).filter { $0.filter(\.isLetter).count >= 4 }
        guard !long.isEmpty else { return false }
        return long.filter { $0.first(where: \.isLetter)?.isUppercase == true }.count * 3 >= long.count * 2
    }

    /// A sentence in sentence case: ends with `.` and is not written in title case. Standfirsts
    /// and captions read like this; headlines rarely do.
    static func isSentence<S: StringProtocol>(_ line: S) -> Bool {
        guard let last = line.last, last == "." || last == ")" else { return false }
        return !self.isTitleCase(line)
    }

    /// A web address or a line of markup.
    static func isAddressOrMarkup<S: StringProtocol>(_ line: S) -> Bool {
        (SimpleText.contains(byte: UInt8(ascii: ":"), in: line) && line.contains("://")) || line.hasPrefix("www.") || line.hasPrefix("<") || line.hasPrefix("//")
    }

    /// A breadcrumb trail: parts between ` > ` or ` › `.
    static func isBreadcrumb(_ line: Substring) -> Bool {
        (SimpleText.contains(byte: UInt8(ascii: ">"), in: line) && line.contains(" > ")) || (self.containsSingleAngleQuote(line) && line.contains(" \u{203A} "))
    }

    /// Whether the text has the scalar `›` (U+203A), found by its UTF-8 bytes `E2 80 BA`
    /// rather than by decoding every scalar: in valid UTF-8, `E2` only ever leads a scalar.
    static func containsSingleAngleQuote(_ text: some StringProtocol) -> Bool {
        let search = { (bytes: UnsafeBufferPointer<UInt8>) in
            bytes.indices.contains { bytes[$0] == 0xE2 && bytes[$0...].starts(with: Self.singleAngleQuote) }
        }
        return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
    }

    /// The UTF-8 bytes of `›`.
    private static let singleAngleQuote: [UInt8] = [0xE2, 0x80, 0xBA]

    /// Whether the folded line starts with one of the folded prefixes, as whole words.
    static func startsWithAny(_ folded: String, _ prefixes: [String]) -> Bool {
        prefixes.contains { prefix in
            guard folded.hasPrefix(prefix) else { return false }
            // A whole word: the line ends with the prefix or a space follows it. Read on bytes
            // when both are ASCII, where a byte is a `Character`.
            guard SimpleText.isASCII(folded), SimpleText.isASCII(prefix) else {
                return folded == prefix || folded.hasPrefix(prefix + " ")
            }
            let utf8 = folded.utf8
            return utf8.count == prefix.utf8.count || utf8[utf8.index(utf8.startIndex, offsetBy: prefix.utf8.count)] == UInt8(ascii: " ")
        }
    }
}
