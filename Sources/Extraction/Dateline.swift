import DocumentModel

/// The dateline that opens a story's first paragraph, and what it carries.
///
/// Recognises `GENEVA (25 April 2018) –`, `UNITED NATIONS (AFP) -`,
/// `SEOUL, Oct 25 (Reuters) -`, `PORTLAND, Ore. (AP) —` and `HAMBURG —`: a place in
/// capitals, optionally a date or a region (`Ore.`, `Belgium`) after a comma and a date or an
/// agency in parentheses, then a dash. The place is the part in capitals.
///
/// Also `Hong Kong (Example News) Shares fell…`: a place in ordinary case with a publisher
/// tag and no dash, and `Springfield – Teachers rallied…`: a place in ordinary case before a
/// spaced en or em dash.
struct Dateline: Sendable, Hashable {
    /// The place, as written (`UNITED NATIONS`).
    let place: String
    /// The date the dateline gives, if any.
    let date: WrittenDate?
    /// The agency tag, canonical (`Reuters`), if any.
    let agency: String?
    /// A tag in parentheses that is not an agency: the publisher (`Example News`), if any.
    var publisherTag: String? = nil
    /// The paragraph without the dateline.
    let remainder: String

    /// A hyphen, an en dash or an em dash; compared, not hashed, as it is asked of every
    /// character of a paragraph's start.
    private static func isDash(_ character: Character) -> Bool {
        character == "-" || character == "\u{2013}" || character == "\u{2014}"
    }

    /// `isDash` of a scalar: the three dashes are single scalars, compared without making a
    /// `Character` of each scalar.
    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2013}" || scalar == "\u{2014}"
    }

    /// How far into a paragraph a dateline's dash may stand, in `Character`s.
    private static let dashReach = 80
    /// How far into a paragraph the `)` of a dateline with no dash may stand, in `Character`s.
    private static let tagReach = 60

    /// Parses the start of a paragraph; `nil` when it does not open with a dateline.
    ///
    /// - Parameters:
    ///   - paragraph: the paragraph.
    ///   - lexicon: the agency tags.
    ///   - isKnownPlace: whether a name in ordinary case is a known place; a dateline with
    ///     neither capitals nor a dash (`Hong Kong (Example News) Shares…`) needs one.
    static func parse(_ paragraph: String, lexicon: Lexicon, isKnownPlace: (Substring) -> Bool = { _ in false }) -> Dateline? {
        // The dash must come early: a dateline is a few words.
        // When the scalars up to the one after the dash's reach are searchable text
        // (`SimpleText.isSearchable`), each is a `Character` of its own, and the head is read
        // on scalars rather than `Character` by `Character`.
        // An ASCII head is searchable without decoding its scalars.
        let isSearchableHead = SimpleText.startsWithASCII(paragraph, bytes: Self.dashReach + 1)
            || paragraph.unicodeScalars.prefix(Self.dashReach + 1).allSatisfy(SimpleText.isSearchable)
        let dash = self.firstDash(in: paragraph, searchableHead: isSearchableHead)
        let tagged = dash == nil ? self.taggedHead(paragraph, searchableHead: isSearchableHead) : nil
        guard let end = dash ?? tagged else { return nil }
        let head = SimpleText.trimmingWhitespaces(paragraph[..<end])
        // Trimmed on scalars: a space fused with a combining mark is one `Character`.
        let rest = dash.map { paragraph[paragraph.index(after: $0)...] } ?? paragraph[end...]
        // Copied only once the head reads as a dateline: most paragraphs do not open with one.
        let remainder = rest.unicodeScalars.drop { $0 == " " || self.isDash($0) }
        guard !remainder.isEmpty else { return nil }

        var place = Substring(head)
        var date: WrittenDate?
        var agency: String?
        var publisher: String?
        // Trailing parenthesised parts: "(25 April 2018)" or "(Reuters)".
        while place.hasSuffix(")"), let open = place.lastIndex(of: "(") {
            let inside = place[place.index(after: open)..<place.index(before: place.endIndex)]
            if let parsed = WrittenDate.parse(inside) {
                date = parsed
            } else if let name = lexicon.agencies[ASCIIFolding.fold(inside)] {
                agency = name
            } else if self.isTag(inside) {
                publisher = String(inside)
            } else {
                return nil
            }
            place = place[..<open].dropLast(while: { $0 == " " })
        }
        guard dash != nil || agency != nil || publisher != nil else { return nil }
        // "SEOUL, Oct 25": a date after a comma; "PORTLAND, Ore.": a region.
        if let comma = place.firstIndex(of: ",") {
            let after = place[place.index(after: comma)...]
            if let parsed = WrittenDate.parse(after) {
                date = date ?? parsed
                place = place[..<comma]
            } else if self.isRegion(after) {
                place = place[..<comma]
            }
        }
        let spacedLongDash = dash.map { paragraph[$0] != "-" && paragraph[..<$0].hasSuffix(" ") } ?? false
        let ordinaryCase = (dash == nil ? isKnownPlace(place) : agency != nil || publisher != nil || spacedLongDash) && self.isRegion(place)
        guard self.isPlace(place) || ordinaryCase else { return nil }
        var dateline = Dateline(place: String(place), date: date, agency: agency, remainder: String(Substring(remainder)))
        dateline.publisherTag = publisher
        return dateline
    }

    /// The first dash that can end a dateline among a paragraph's first `dashReach`
    /// `Character`s: an en or em dash, or a hyphen with a space on one side (`BERLIN - `,
    /// `BERLIN -- `), not one inside a word (`US-China`). Read on scalars when the head is
    /// searchable text, `Character` by `Character` otherwise.
    private static func firstDash(in paragraph: String, searchableHead: Bool) -> String.Index? {
        guard searchableHead else { return self.firstDash(in: paragraph.prefix(Self.dashReach), isDash: self.isDash, hyphen: "-", space: " ") }
        return self.firstDash(in: paragraph.unicodeScalars.prefix(Self.dashReach), isDash: self.isDash, hyphen: "-", space: " ")
    }

    /// `firstDash(in:searchableHead:)` over a view of the paragraph's start, `Character`s or scalars.
    private static func firstDash<View: BidirectionalCollection>(
        in text: View, isDash: (View.Element) -> Bool, hyphen: View.Element, space: View.Element
    ) -> View.Index? where View.Element: Equatable {
        var previous = space
        for index in text.indices {
            let character = text[index]
            defer { previous = character }
            guard isDash(character) else { continue }
            if character != hyphen || previous == space || previous == hyphen { return index }
            let next = text.index(after: index)
            if next == text.endIndex || text[next] == space || text[next] == hyphen { return index }
        }
        return nil
    }

    /// Where `Place (Tag)` ends when no dash follows: just after the first `)` among the first
    /// few words. Read on scalars when the head is searchable text.
    private static func taggedHead(_ paragraph: String, searchableHead: Bool) -> String.Index? {
        let close: String.Index?
        if searchableHead {
            let scalars = paragraph.unicodeScalars
            close = scalars.prefix(Self.tagReach).firstIndex(of: ")").flatMap { scalars[..<$0].contains("(") ? $0 : nil }
        } else {
            close = paragraph.prefix(Self.tagReach).firstIndex(of: ")").flatMap { paragraph[..<$0].contains("(") ? $0 : nil }
        }
        return close.map(paragraph.index(after:))
    }

    /// A publisher's tag: one to three capitalised words, no digits (`Example News`).
    private static func isTag(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        return (1...3).contains(words.count) && (2...30).contains(text.count)
            && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" } }
    }

    /// One to three capitalised words or abbreviations (`Belgium`, `Ore.`, `N.Y.`, `South Korea`).
    private static func isRegion(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        return (1...3).contains(words.count) && (2...30).contains(text.count)
            && words.allSatisfy { word in
                word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" }
            }
    }

    /// Capital letters (any script), spaces, dots, hyphens and apostrophes; at least two letters.
    private static func isPlace(_ text: Substring) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 2 && text.count <= 40 && letters.allSatisfy(\.isUppercase)
            && text.allSatisfy { $0.isLetter || $0 == " " || $0 == "." || $0 == "-" || TextFolding.apostrophes.contains($0) }
    }
}

extension Substring {
    fileprivate func dropLast(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}
