import DocumentModel

/// Finds where a story was filed from, and the agency or publisher its dateline names.
///
/// Reads, in order of preference: the dateline opening the lede (`BUFFALO, N.Y. (AP) —`,
/// `NEW DELHI:`, `(Reuters) -` with no place), a credit line by the byline (`PTI,
/// Washington,`, `New Delhi, Example Bureau | …`), and a line of its own in capitals just
/// before the story (`ZURICH, SWITZERLAND`).
struct DatelineFinder: Sendable {
    let lexicon: Lexicon
    let isKnownPlace: @Sendable (Substring) -> Bool

    /// What the dateline and credit lines say.
    struct Reading: Sendable, Hashable {
        /// The place.
        var place: Finding<String>?
        /// An agency named by the dateline or credit line, canonical.
        var agency: Finding<String>?
        /// A publisher's tag in the dateline (`(Example News)`).
        var publisher: String?
    }

    /// A lede has at least this many words; shorter lines are captions, labels or credits.
    static let minimumLedeWords = 8
    /// How far after the headline the lede is looked for, in non-blank lines.
    static let reachAfterHeadline = 40
    /// How far after the headline a place may stand on a line of its own, in non-blank lines.
    static let placeLineReach = 6
    /// How far before the story a credit line may stand, in non-blank lines.
    static let creditReach = 8

    /// Reads the page between the headline and the first lines of the story.
    func read(_ page: PageLines, headline: Int?, bodyStart: Int?) -> Reading {
        var reading = Reading()
        let from = page.position(atOrAfter: (headline ?? bodyStart ?? 0) + (headline == nil ? 0 : 1))
        // Not cut at the story's given start: a standfirst or caption taken for the lede may
        // come before it.
        let to = max(from + Self.reachAfterHeadline, bodyStart.map { page.position(atOrAfter: $0) + 2 } ?? 0)
        for line in page.lines(fromPosition: from, to: to) {
            let text = page.lines[line]
            if let agency = self.leadingAgency(text) {
                reading.agency = Finding(value: agency, rule: .agencyInDateline)
                return reading
            }
            guard LineShape.wordCount(text, cappedAt: Self.minimumLedeWords) >= Self.minimumLedeWords,
                let dateline = Dateline.parse(String(text), lexicon: self.lexicon, isKnownPlace: self.isKnownPlace)
            else { continue }
            reading.place = Finding(value: dateline.place, rule: .ledeDateline)
            reading.agency = dateline.agency.map { Finding(value: $0, rule: .agencyInDateline) }
            reading.publisher = dateline.publisherTag
            return reading
        }
        let creditFrom = bodyStart.map { page.position(atOrAfter: $0) - Self.creditReach } ?? from
        for line in page.lines(fromPosition: creditFrom, to: to) {
            if let credit = self.creditLine(page.lines[line]) {
                reading.place = Finding(value: credit.place, rule: .creditLinePlace)
                reading.agency = credit.agency.map { Finding(value: $0, rule: .agencyInCreditLine) }
                return reading
            }
        }
        for line in page.lines(fromPosition: from, to: from + Self.placeLineReach) {
            if let place = self.placeLine(page.lines[line]) {
                reading.place = Finding(value: place, rule: .placeLine)
                return reading
            }
        }
        return reading
    }

    /// `(Reuters) — The…`: an agency tag with no place.
    private func leadingAgency(_ text: Substring) -> String? {
        guard text.hasPrefix("("), let close = text.prefix(40).firstIndex(of: ")") else { return nil }
        return self.lexicon.agencies[ASCIIFolding.fold(text[text.index(after: text.startIndex)..<close])]
    }

    /// `Reuters, Washington,`, `Washington, Example Bureau | Updated…`: an agency or a bureau
    /// and a place, a short line of its own.
    private func creditLine(_ text: Substring) -> (place: String, agency: String?)? {
        // A credit line is short: when nine words come before any `|`, the part before ` | `
        // has more than eight. Checked first, so that a long line is not split and trimmed whole;
        // a line with no `|` at all is only counted, up to nine words.
        if !SimpleText.contains(byte: UInt8(ascii: "|"), in: text), LineShape.wordCount(text, cappedAt: 9) >= 9 { return nil }
        var leadingWords = 0
        for word in text.split(separator: " ", maxSplits: 9) {
            if word.unicodeScalars.contains("|") { break }
            leadingWords += 1
            if leadingWords > 8 { return nil }
        }
        let head = text.components(separatedBy: " | ")[0]
        let parts = head.split(separator: ",").map(SimpleText.trimmingWhitespaces).filter { !$0.isEmpty }
        guard parts.count == 2, LineShape.words(head).count <= 8 else { return nil }
        for (index, part) in parts.enumerated() {
            let other = Substring(parts[1 - index])
            guard self.isPlaceName(other) else { continue }
            // "Jane Doe, Associated Press" is a byline: a place of two words or more must be known.
            if let agency = self.lexicon.agencies[ASCIIFolding.fold(part)], LineShape.words(other).count == 1 || self.isKnownPlace(other) {
                return (String(other), agency)
            }
            if let last = LineShape.words(part).last, ["bureau", "desk"].contains(ASCIIFolding.fold(last)), index == 1 { return (String(other), nil) }
        }
        return nil
    }

    /// `ZURICH, SWITZERLAND`: a place and its country or region in capitals, alone on a line.
    private func placeLine(_ text: Substring) -> String? {
        // Every letter of the line is in one of its parts, which must be in capitals: a line
        // with a lower-case letter is ruled out before it is split and trimmed.
        guard !text.contains(where: { $0.isLetter && !$0.isUppercase }) else { return nil }
        let parts = text.split(separator: ",").map(SimpleText.trimmingWhitespaces)
        guard parts.count == 2, parts.allSatisfy({ part in
            let letters = part.filter(\.isLetter)
            return letters.count >= 2 && letters.allSatisfy(\.isUppercase) && LineShape.words(part).count <= 3
        }) else { return nil }
        return parts[0]
    }

    /// One to three capitalised words (`Washington`, `New Delhi`).
    private func isPlaceName(_ text: Substring) -> Bool {
        let words = LineShape.words(text)
        return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" } }
    }
}
