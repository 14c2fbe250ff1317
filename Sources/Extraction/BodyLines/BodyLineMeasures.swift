/// The raw measures of one non-blank line (FEATURES.md §1–2): what the line says about itself,
/// before its block, neighbours and place in the page are looked at.
///
/// Counts and indices are over Unicode scalars, never `Character`s, as the specification
/// requires; 0/1 flags are `Double`s because they enter the features as they are.
struct BodyLineMeasures: Sendable, Equatable {
    /// Whitespace-separated words (`nw`, at least 1).
    let words: Int
    /// Scalars of the trimmed line (`nc`).
    let scalars: Int
    /// `max(nw, nc / 6)`: a length that also works for scripts written without spaces.
    let units: Double
    /// 1 when the last scalar before trailing closers ends a sentence.
    let endsSentence: Double
    /// 1 when the line ends with `...` or `…`.
    let endsWithEllipsis: Double
    /// 1 when the last scalar before trailing closers is `:`.
    let endsWithColon: Double
    /// Share of words that are function words.
    let stopwordShare: Double
    /// Share of words that are web-boilerplate words.
    let chromeShare: Double
    /// Share of words whose core starts with an upper-case letter.
    let capitalShare: Double
    /// Share of non-space scalars that are digits.
    let digitShare: Double
    /// Share of non-space scalars that are letters.
    let letterShare: Double
    /// Commas per word, at most 1.
    let commaRate: Double
    /// 1 when a quotation mark occurs.
    let hasQuote: Double
    /// 1 when a menu or breadcrumb separator occurs.
    let hasSeparator: Double
    /// 1 when `©` occurs.
    let hasCopyright: Double
    /// 1 when the line holds `http:`, `https:`, `www.` or `@`.
    let hasURL: Double
    /// 1 when the line starts with a bullet.
    let startsWithBullet: Double
    /// 1 for a short line whose first word is `by`.
    let isByline: Double
    /// 1 for a short line with a digit and a month name or a 19xx/20xx year.
    let isDate: Double
    /// Words from the start that begin with an upper-case letter.
    let leadingCapitals: Int
    /// 1 when the first word's core starts with a lower-case letter.
    let startsLowercase: Double

    /// Units a sentence-ending line needs to count as prose.
    static let proseMinimumUnits = 8.0

    /// Whether the line reads as prose: it ends a sentence and has `proseMinimumUnits` units
    /// or more.
    var isProse: Bool {
        self.endsSentence == 1.0 && self.units >= Self.proseMinimumUnits
    }

    /// Measures a trimmed, non-blank line.
    ///
    /// - Parameter text: the line's scalars, without leading or trailing whitespace.
    init(_ text: ArraySlice<Unicode.Scalar>) {
        precondition(!text.isEmpty, "only non-blank lines are measured")
        // Read off the scalars' buffer: every scalar is visited several times, and an array
        // slice's subscript checks its bounds and retains its storage each time.
        self = text.withUnsafeBufferPointer { Self(scalars: $0) }
    }

    /// `init(_:)` over the scalars' buffer.
    private init(scalars text: UnsafeBufferPointer<Unicode.Scalar>) {
        var stopwords = 0
        var chrome = 0
        var capitals = 0
        var hasMonth = false
        var hasYear = false
        var words = 0
        var leadingCapitals = 0
        var firstCore = text[0..<0]
        Self.forEachWord(of: text) { word in
            let core = Self.core(of: word)
            if let key = Self.listedKey(of: core), let lists = BodyLineWords.lists[key] {
                if lists.contains(.stopword) { stopwords += 1 }
                if lists.contains(.chrome) { chrome += 1 }
                if lists.contains(.month) { hasMonth = true }
            }
            let isCapitalised = core.first.map(BodyLineCharacters.isUpper) == true
            if isCapitalised { capitals += 1 }
            // Words from the start that all begin with a capital.
            if isCapitalised && leadingCapitals == words { leadingCapitals += 1 }
            if words == 0 { firstCore = core }
            if Self.isYear(core) { hasYear = true }
            words += 1
        }
        let wordCount = Double(words)
        self.words = words
        self.scalars = text.count
        self.units = max(wordCount, Double(text.count) / 6.0)

        let last = text.lastIndex { !BodyLineCharacters.closers.contains($0) }.map { text[$0] }
        self.endsSentence = last.map { BodyLineCharacters.sentenceEnds.contains($0) } == true ? 1.0 : 0.0
        self.endsWithColon = last == ":" ? 1.0 : 0.0
        self.endsWithEllipsis = text.last == "\u{2026}" || (text.count >= 3 && text.suffix(3).allSatisfy { $0 == "." }) ? 1.0 : 0.0

        self.stopwordShare = Double(stopwords) / wordCount
        self.chromeShare = Double(chrome) / wordCount
        self.capitalShare = Double(capitals) / wordCount

        var letters = 0
        var digits = 0
        var nonspace = 0
        var commas = 0
        var hasQuote = false
        var hasSeparator = false
        var hasCopyright = false
        for scalar in text where !BodyLineCharacters.isSpace(scalar) {
            nonspace += 1
            if BodyLineCharacters.isLetter(scalar) {
                letters += 1
            } else if BodyLineCharacters.isDigit(scalar) {
                digits += 1
            }
            if scalar == "," { commas += 1 }
            // The sets' only ASCII members are `"` and `|`: ASCII needs no hashing.
            if scalar.isASCII {
                hasQuote = hasQuote || scalar == "\""
                hasSeparator = hasSeparator || scalar == "|"
                continue
            }
            if BodyLineCharacters.quotes.contains(scalar) { hasQuote = true }
            if BodyLineCharacters.separators.contains(scalar) { hasSeparator = true }
            if scalar == "\u{00A9}" { hasCopyright = true }
        }
        self.digitShare = Double(digits) / Double(nonspace)
        self.letterShare = Double(letters) / Double(nonspace)
        self.commaRate = min(1.0, Double(commas) / wordCount)
        self.hasQuote = hasQuote ? 1.0 : 0.0
        self.hasSeparator = hasSeparator ? 1.0 : 0.0
        self.hasCopyright = hasCopyright ? 1.0 : 0.0
        self.hasURL = Self.containsURLMarker(text) ? 1.0 : 0.0
        self.startsWithBullet = BodyLineCharacters.bullets.contains(text[text.startIndex]) ? 1.0 : 0.0

        self.isByline = Self.listedKey(of: firstCore) == Self.byKey && words <= 10 ? 1.0 : 0.0
        self.isDate = words <= 12 && digits > 0 && (hasMonth || hasYear) ? 1.0 : 0.0
        self.leadingCapitals = leadingCapitals
        self.startsLowercase = firstCore.first.map(BodyLineCharacters.isLower) == true ? 1.0 : 0.0
    }

    /// A word of a line, or part of one: a stretch of the line's scalar buffer.
    private typealias Word = Slice<UnsafeBufferPointer<Unicode.Scalar>>

    /// Calls `body` on each word of the line, in order: the runs between runs of whitespace,
    /// as `split(whereSeparator:)` cuts them, without building an array of them.
    private static func forEachWord(of text: UnsafeBufferPointer<Unicode.Scalar>, _ body: (Word) -> Void) {
        var start = text.startIndex
        while start < text.endIndex {
            guard !BodyLineCharacters.isSpace(text[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < text.endIndex, !BodyLineCharacters.isSpace(text[end]) { end += 1 }
            body(text[start..<end])
            start = end
        }
    }

    /// The word without leading and trailing scalars that are neither letters nor digits.
    private static func core(of word: Word) -> Word {
        let isKept = { (scalar: Unicode.Scalar) in BodyLineCharacters.isLetter(scalar) || BodyLineCharacters.isDigit(scalar) }
        guard let start = word.firstIndex(where: isKept), let end = word.lastIndex(where: isKept) else { return word[word.startIndex..<word.startIndex] }
        return word[start...end]
    }

    /// The key (`BodyLineWords.key(lowercaseLetters:)`) of the core in ASCII lower case, when
    /// it could be in a word list (short, ASCII letters only); `nil` when it cannot.
    private static func listedKey(of core: Word) -> UInt64? {
        guard !core.isEmpty, core.count <= BodyLineWords.longestWord,
            core.allSatisfy({ $0.isASCII && BodyLineCharacters.isLetter($0) })
        else { return nil }
        return BodyLineWords.key(lowercaseLetters: core.lazy.map(BodyLineCharacters.asciiLower))
    }

    /// The key of `by`.
    private static let byKey = BodyLineWords.key(lowercaseLetters: "by".unicodeScalars)

    /// Exactly four ASCII digits starting with `19` or `20`.
    private static func isYear(_ core: Word) -> Bool {
        guard core.count == 4, core.allSatisfy(BodyLineCharacters.isASCIIDigit) else { return false }
        let century = core.prefix(2).map(\.value)
        return century == [0x31, 0x39] || century == [0x32, 0x30]
    }

    /// Whether the line, in ASCII lower case, holds `http:`, `https:`, `www.` or `@`.
    private static func containsURLMarker(_ text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        if text.contains("@") { return true }
        // Every marker ends with a `:` or a `.`, which prose has a few of: a marker is looked
        // for only where one of them stands, compared backwards in place in ASCII lower case,
        // with no lowered copy of the line.
        let markers = Self.urlMarkers
        for end in text.indices where text[end] == ":" || text[end] == "." {
            for pattern in markers where pattern.last == text[end] && end + 1 >= pattern.count {
                if text[(end + 1 - pattern.count)...end].lazy.map(BodyLineCharacters.asciiLower).elementsEqual(pattern) { return true }
            }
        }
        return false
    }

    /// `http:`, `https:` and `www.` as scalars, built once: each ends with `:` or `.`.
    private static let urlMarkers = ["http:", "https:", "www."].map { Array($0.unicodeScalars) }
}
