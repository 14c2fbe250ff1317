/// The first stage of entity extraction: the runs of capitalised words in a paragraph, where
/// names can be.
///
/// A run keeps going over single spaces, `&`, the dot of an honorific or initial (`Mr. Kim`,
/// `John F. Kennedy`) and lower-case connectors inside a name (`Ministry of Energy`,
/// `Mission in Colombia`); it never starts or ends on a connector. Months and weekdays end a run.
///
/// ```swift
/// let runs = NameRunScanner(honorifics: ["mr"]).runs(in: TextWord.scan(text), text: text)
/// ```
///
/// - Complexity: O(*n*) in the paragraph's words.
struct NameRunScanner: Sendable {
    /// Courtesy titles, folded without their dot, whose dot does not end a run.
    let honorifics: Set<String>

    /// Lower-case words that may join the words of an organization's or a place's name.
    static let connectors: FoldedWordSet = ["of", "the", "for", "and", "on", "de", "del", "da", "van", "von", "la", "le"]

    /// Calendar words: capitalised, never names.
    static let calendarWords: FoldedWordSet = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// The runs of capitalised words, as slices of `words` (a run's indices are word positions).
    func runs(in words: [TextWord], text: String) -> [ArraySlice<TextWord>] {
        var runs: [ArraySlice<TextWord>] = []
        var start: Int?
        func close(_ end: Int) {
            guard var first = start else { return }
            start = nil
            var last = end
            while last > first, Self.connectors.contains(words[last - 1].text) { last -= 1 }
            while first < last, Self.connectors.contains(words[first].text) { first += 1 }
            if first < last { runs.append(words[first..<last]) }
        }
        // Words are read in place, by index: iterating them, or passing one, copied its two strings.
        let utf8 = text.utf8
        for index in words.indices {
            let joined = index > 0 && self.joins(words, after: index - 1, utf8[words[index - 1].range.upperBound..<words[index].range.lowerBound])
            if start != nil && !joined { close(index) }
            if words[index].isCapitalized && !Self.calendarWords.contains(NameText.withoutPossessive(words[index].folded)) {
                if start == nil { start = index }
            } else if start != nil && (Self.connectors.contains(words[index].text) || Self.isMissionIn(words, index)) && joined {
                continue
            } else if start != nil {
                close(index)
            }
        }
        close(words.count)
        return runs
    }

    /// Whether a paragraph is set in title case, as headlines and menus are: no sentence end,
    /// at least three words of four letters or more, and nearly all of them capitalised. Names
    /// on such a line are not told apart from the words around them.
    static func isTitleCase(_ words: [TextWord], text: String) -> Bool {
        if let last = text.last(where: { $0 != " " }), ".:!?\"\u{201D}".contains(last) { return false }
        let long = words.filter { $0.text.count >= 4 && $0.text.first?.isLetter == true }
        guard long.count >= 3 else { return false }
        return long.filter(\.isCapitalized).count * 5 >= long.count * 4
    }

    /// Whether `words[index]` is the `in` of a mission named for its country (`UN Verification
    /// Mission in Colombia`).
    private static func isMissionIn(_ words: [TextWord], _ index: Int) -> Bool {
        words[index].text == "in" && index > 0 && words[index - 1].folded == "mission"
            && index + 1 < words.count && words[index + 1].isCapitalized
    }

    /// Whether the gap after `words[previous]` keeps the run going: spaces only, ` & `, or the
    /// dot of an honorific or an initial (`Mr. Name`, `John F. Kennedy`). The gap is read as
    /// bytes: each of these characters is one byte, and no other character is equal to one of
    /// them. The word is read in place, only after a dot: passing it copied its two strings.
    private func joins(_ words: [TextWord], after previous: Int, _ gap: Substring.UTF8View) -> Bool {
        let space = UInt8(ascii: " ")
        if gap.allSatisfy({ $0 == space }) || gap.elementsEqual(" & ".utf8) { return true }
        guard gap.first == UInt8(ascii: "."), gap.dropFirst().allSatisfy({ $0 == space }) else { return false }
        return self.honorifics.contains(words[previous].folded) || words[previous].text.count == 1
    }
}
