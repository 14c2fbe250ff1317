import DocumentModel

/// One word of a text as search sees it: folded, with where it stands.
///
/// Documents and queries go through the same `SearchToken.scan`, so "Kim Jong-un" and
/// "kim jong un" give the same words; `term` stems them, so "floods", "flooded" and
/// "flooding" all give `flood`.
struct SearchToken: Sendable, Hashable {
    /// The folded form (lower case, no accents), as written otherwise.
    let folded: String
    /// Start in the text, in Unicode scalars.
    let start: Int
    /// End (exclusive), in Unicode scalars.
    let end: Int

    /// The stemmed form that is indexed and matched. Computed on each use: the index stems
    /// each distinct word once, not each occurrence.
    var term: String { Stemmer.stem(self.folded) }

    /// Longest word kept, in bytes of its folded form; longer runs are cut (pathological input).
    static let maxWordBytes = 64

    /// The words of `text`: runs of letters and digits. Hyphens and other punctuation split
    /// words; an apostrophe inside a word joins it ("don't" → `dont`), and a possessive `'s`
    /// is dropped ("Korea's" → `korea`).
    ///
    /// ASCII text is read byte by byte; other characters decode to scalars.
    ///
    /// - Complexity: O(*n*) in the text's length.
    static func scan(_ text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        self.forEachWord(in: text) { word, isASCII, start, end in
            tokens.append(SearchToken(folded: Self.folded(word, isASCII: isASCII), start: start, end: end))
        }
        return tokens
    }

    /// Calls `body` with each word of `text` as `scan` reads it, before folding: its bytes
    /// (ASCII letters lower-cased, apostrophes dropped), whether they are all ASCII, and its
    /// start and end in Unicode scalars. `folded(_:isASCII:)` makes the token's `folded` of
    /// them; the index builder looks the bytes up first and folds only words it has not seen.
    static func forEachWord(in text: String, _ body: (_ word: UnsafeBufferPointer<UInt8>, _ isASCII: Bool, _ start: Int, _ end: Int) -> Void) {
        var scanner = Scanner()
        var text = text
        text.withUTF8 { bytes in scanner.scan(bytes, body) }
    }

    /// A word's folded form, from its bytes as `forEachWord` gives them.
    static func folded(_ word: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        let text = String(decoding: word, as: UTF8.self)
        let folded = isASCII ? text : TextFolding.fold(text)
        return folded.utf8.count > Self.maxWordBytes ? Self.cut(folded) : folded
    }

    /// The state of one scan.
    private struct Scanner {
        /// What each word goes to: its bytes, whether they are ASCII, its start and end.
        typealias Emit = (UnsafeBufferPointer<UInt8>, Bool, Int, Int) -> Void

        /// The current word's bytes (ASCII lower-cased) and whether any is not ASCII.
        private var word: [UInt8] = []
        private var isASCII = true
        private var start = 0

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: Emit) {
            var index = 0
            var offset = 0  // in scalars
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if Self.isASCIIWordByte(byte) {
                        if self.word.isEmpty, let end = self.wholeASCIIWord(bytes, from: index, at: offset, emit) {
                            offset += end - index
                            index = end
                            continue
                        }
                        if self.word.isEmpty { self.start = offset }
                        self.word.append(byte | (byte &- 65 < 26 ? 0x20 : 0))
                    } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                        if self.apostrophe(bytes, after: index + 1, at: offset, emit) {
                            index += 2
                            offset += 2
                            continue
                        }
                    } else {
                        self.close(at: offset, emit)
                    }
                    index += 1
                    offset += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let end = min(index + length, bytes.count)
                let scalar = Self.decode(bytes, index..<end)
                if SearchToken.isApostrophe(scalar) {
                    if self.apostrophe(bytes, after: end, at: offset, emit) {
                        index = end + 1
                        offset += 2
                        continue
                    }
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if self.word.isEmpty { self.start = offset }
                    self.word.append(contentsOf: bytes[index..<end])
                    self.isASCII = false
                } else if !scalar.properties.isGraphemeExtend || self.word.isEmpty {
                    self.close(at: offset, emit)
                }
                index = end
                offset += 1
            }
            self.close(at: offset, emit)
        }

        /// The fast path of most words: a run of ASCII letters and digits from `start` (at
        /// `offset`, no word open) that ends on other ASCII, not an apostrophe, or at the end.
        /// It is emitted whole, lower-cased only if it has capitals (else straight from the
        /// text), and the end of the run returned; `nil` (nothing emitted) when the word may go on.
        private mutating func wholeASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, at offset: Int, _ emit: Emit) -> Int? {
            var end = start
            var hasCapitals = false
            while end < bytes.count, Self.isASCIIWordByte(bytes[end]) {
                hasCapitals = hasCapitals || bytes[end] &- 65 < 26
                end += 1
            }
            if end < bytes.count {
                let next = bytes[end]
                guard next < 0x80, next != UInt8(ascii: "'"), next != UInt8(ascii: "`") else { return nil }
            }
            guard hasCapitals else {
                emit(UnsafeBufferPointer(rebasing: bytes[start..<end]), true, offset, offset + end - start)
                return end
            }
            self.start = offset
            for byte in bytes[start..<end] { self.word.append(byte | (byte &- 65 < 26 ? 0x20 : 0)) }
            self.close(at: offset + end - start, emit)
            return end
        }

        /// An apostrophe at `offset`, followed by `bytes[next...]`: joins the word ("don't"),
        /// ends it as a possessive ("Korea's", then `true`: skip the `s`), or separates.
        private mutating func apostrophe(_ bytes: UnsafeBufferPointer<UInt8>, after next: Int, at offset: Int, _ emit: Emit) -> Bool {
            let following = next < bytes.count ? bytes[next] : 0
            let isLetter = following >= 0x80 || (following | 0x20) &- 97 < 26
            guard !self.word.isEmpty, isLetter else {
                self.close(at: offset, emit)
                return false
            }
            let afterS = next + 1 < bytes.count ? bytes[next + 1] : 0
            if (following | 0x20) == UInt8(ascii: "s") && !(afterS >= 0x80 || (afterS | 0x20) &- 97 < 26) {
                self.close(at: offset, emit)
                return true
            }
            return false
        }

        private mutating func close(at end: Int, _ emit: Emit) {
            guard !self.word.isEmpty else { return }
            self.word.withUnsafeBufferPointer { emit($0, self.isASCII, self.start, end) }
            self.word.removeAll(keepingCapacity: true)
            self.isASCII = true
        }

        private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
            (byte | 0x20) &- 97 < 26 || byte &- 48 < 10
        }

        private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Unicode.Scalar {
            var iterator = bytes[range].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
            return "\u{FFFD}"
        }
    }

    /// The apostrophe variants scraped text uses (as `TextFolding` reads them) beyond `'` and `` ` ``.
    fileprivate static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{2019}" || scalar == "\u{00B4}" || scalar == "\u{02BC}" || scalar == "\u{2018}"
    }

    /// The longest whole-character prefix of `word` within `maxWordBytes`.
    private static func cut(_ word: String) -> String {
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in word.unicodeScalars {
            bytes += UTF8.width(scalar)
            guard bytes <= Self.maxWordBytes else { break }
            kept.append(scalar)
        }
        return String(kept)
    }
}
