import Foundation

extension StoryChromeFilter {
    /// Lines whose text another line of the story repeats word for word: a pull quote (its
    /// quotation is inside a longer paragraph) or a caption printed twice.
    ///
    /// A line's text is its quotation when it opens with a quotation mark, else the whole
    /// line; it counts when it has `minimumRepeatedWords` words and another line still kept
    /// contains it and is longer, or is the same and comes first. A line the same as a
    /// caption already removed goes too. A repeat is looked for among the
    /// `repetitionReach` kept lines before and after, where a pull quote or a second caption
    /// stands: the work is linear in the story, not quadratic.
    func repeatedLines(_ lines: ArraySlice<Substring>, removed: [Int: StoryChromeRule]) -> [Int] {
        let keys = lines.indices.filter { !lines[$0].isEmpty && removed[$0] == nil }.map { RepetitionKey(line: $0, words: Self.wordKey(lines[$0])) }
        var repeated: [Int] = []
        let removedKeys = Set(removed.filter { $0.value == .captionBeforeCredit }.keys.map { " " + Self.wordKey(lines[$0]) + " " })
        for (position, key) in keys.enumerated() {
            // A caption printed again after its removed copy goes with it.
            if removedKeys.contains(key.padded), key.wordCount >= self.configuration.minimumRepeatedWords {
                repeated.append(key.line)
                continue
            }
            let text = Self.quotation(lines[key.line]).map(Self.wordKey) ?? key.words
            guard RepetitionKey.wordCount(of: text) >= self.configuration.minimumRepeatedWords else { continue }
            let needle = RepetitionKey(line: key.line, words: text)
            let near = keys[max(0, position - Self.repetitionReach)..<min(keys.count, position + Self.repetitionReach + 1)]
            let isRepeated = near.contains { other in
                other.line != key.line && (other.length > key.length || (other.padded == key.padded && other.line < key.line)) && other.contains(needle)
            }
            if isRepeated { repeated.append(key.line) }
        }
        return repeated
    }

    /// How many kept lines before and after a line its repeat is looked for in.
    static let repetitionReach = 60

    /// Each opening quotation mark with its closing one, built once.
    private static let quotationMarks: [Character: Character] = ["\"": "\"", "\u{201C}": "\u{201D}", "\u{2018}": "\u{2019}", "\u{00AB}": "\u{00BB}"]

    /// The text inside the quotation marks a line opens with, when it opens with one.
    static func quotation(_ line: Substring) -> Substring? {
        guard let open = line.first, let close = Self.quotationMarks[open] else { return nil }
        let rest = line.dropFirst()
        guard let end = rest.firstIndex(of: close) else { return nil }
        return rest[..<end]
    }

    /// Lower-case words (letters and digits) joined by single spaces.
    static func wordKey<S: StringProtocol>(_ text: S) -> String {
        guard SimpleText.isSimple(text) else {
            // `SimpleText.lowercased` is `lowercased()` without its per-scalar string appends.
            let lower = SimpleText.lowercased(text)
            // Latin, Greek and Cyrillic text (accented names, `€`) is keyed scalar by scalar:
            // there each scalar is a `Character`, a letter or digit exactly when its properties say so.
            guard SimpleText.isSearchable(lower) else {
                return lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
            }
            return Self.scalarWordKey(lower)
        }
        // Its letters and digits are then ASCII, and every other scalar separates words.
        return text.utf8.withContiguousStorageIfAvailable(Self.simpleWordKey) ?? Array(text.utf8).withUnsafeBufferPointer(Self.simpleWordKey)
    }

    /// `wordKey` of simple text's bytes, written straight into the key: a key is never longer
    /// than its text.
    private static func simpleWordKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        SimpleText.joiningRuns(of: bytes) { byte in
            let lower = byte &- 65 < 26 ? byte | 0x20 : byte
            return lower &- 97 < 26 || byte &- 48 < 10 ? lower : nil
        }
    }

    /// `wordKey` of lower-case text whose every scalar is a `Character` (`SimpleText.isSearchable`),
    /// read on scalars instead of `Character`s.
    private static func scalarWordKey(_ lower: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(lower.utf8.count)
        var pendingSpace = false
        for scalar in lower.unicodeScalars {
            let isWordScalar = scalar.isASCII
                ? (scalar.value &- 97 < 26 || scalar.value &- 48 < 10)
                : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            if isWordScalar {
                if pendingSpace { key.append(UInt8(ascii: " ")) }
                pendingSpace = false
                UTF8.encode(scalar) { key.append($0) }
            } else if !key.isEmpty {
                pendingSpace = true
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}

/// A line's words as `StoryChromeFilter.wordKey` joins them, padded with a space at each end
/// so that one key is found in another at word boundaries only.
struct RepetitionKey {
    /// The line's index.
    let line: Int
    /// The key without its padding.
    let words: String
    /// `" " + words + " "`.
    let padded: String
    /// The `Character`s of `padded`.
    let length: Int
    /// Whether `padded` can be searched byte by byte (`SimpleText.isSearchable`).
    let isSearchable: Bool

    /// The key of a line's words.
    init(line: Int, words: String) {
        self.line = line
        self.words = words
        var padded = " "
        padded.reserveCapacity(words.utf8.count + 2)
        padded += words
        padded += " "
        self.padded = padded
        // The padding is ASCII: the key is ASCII when its words are, and is then searchable.
        let isASCII = SimpleText.isASCII(words)
        self.isSearchable = isASCII || SimpleText.isSearchable(words)
        self.length = isASCII ? padded.utf8.count : padded.count
    }

    /// The words of the key: the words of a key are joined by single spaces.
    var wordCount: Int {
        Self.wordCount(of: self.words)
    }

    /// The words of a key: one more than its spaces, none when it is empty (a space of a key
    /// always stands alone as a `Character`, between two words).
    static func wordCount(of words: String) -> Int {
        words.isEmpty ? 0 : words.utf8.count { $0 == UInt8(ascii: " ") } + 1
    }

    /// Whether this key holds the other's words, at word boundaries; byte by byte when both
    /// are searchable (their `Character`s are then single scalars, equal only when the same).
    func contains(_ other: RepetitionKey) -> Bool {
        guard self.isSearchable, other.isSearchable else { return self.padded.firstRange(of: other.padded) != nil }
        return SimpleText.firstOffset(of: other.padded, in: self.padded) != nil
    }
}
