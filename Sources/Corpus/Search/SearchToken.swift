/// One word of a text as search sees it: folded and stemmed, with where it stands.
///
/// Documents and queries go through the same `SearchToken.scan`, so "Kim Jong-un" and
/// "kim jong un" give the same terms, and "floods", "flooded" and "flooding" all give `flood`.
struct SearchToken: Sendable, Hashable {
    /// The folded, stemmed form that is indexed and matched.
    let term: String
    /// The folded form before stemming (for entity names and prefixes).
    let folded: String
    /// Start in the text, in Unicode scalars.
    let start: Int
    /// End (exclusive), in Unicode scalars.
    let end: Int

    /// Longest word kept, in bytes of its folded form; longer runs are cut (pathological input).
    static let maxWordBytes = 64

    /// The words of `text`: runs of letters and digits. Hyphens and other punctuation split
    /// words; an apostrophe inside a word joins it ("don't" → `dont`), and a possessive `'s`
    /// is dropped ("Korea's" → `korea`).
    ///
    /// - Complexity: O(*n*) in the text's length.
    static func scan(_ text: String) -> [SearchToken] {
        var tokens: [SearchToken] = []
        var word = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        var isASCII = true
        func close(at end: Int) {
            guard !word.isEmpty else { return }
            let raw = String(word)
            let folded = isASCII ? raw.lowercased() : TextFolding.fold(raw)
            let kept = folded.utf8.count > Self.maxWordBytes ? Self.cut(folded) : folded
            tokens.append(SearchToken(term: Stemmer.stem(kept), folded: kept, start: start, end: end))
            word = String.UnicodeScalarView()
            isASCII = true
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isApostrophe(scalar) {
                // "Korea's": a possessive ends the word; "don't": the apostrophe joins it;
                // anywhere else it separates words.
                let joins = !word.isEmpty && index + 1 < scalars.count && scalars[index + 1].properties.isAlphabetic
                let isPossessive = joins && (scalars[index + 1] == "s" || scalars[index + 1] == "S")
                    && (index + 2 == scalars.count || !scalars[index + 2].properties.isAlphabetic)
                if !joins || isPossessive {
                    close(at: offset)
                }
                if isPossessive {
                    index += 2
                    offset += 2
                    continue
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if word.isEmpty { start = offset }
                word.append(scalar)
                if !scalar.isASCII { isASCII = false }
            } else if !scalar.properties.isGraphemeExtend || word.isEmpty {
                close(at: offset)
            }
            index += 1
            offset += 1
        }
        close(at: offset)
        return tokens
    }

    /// The apostrophe variants scraped text uses (as `TextFolding` reads them).
    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "`" || scalar == "\u{00B4}" || scalar == "\u{02BC}" || scalar == "\u{2018}"
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
