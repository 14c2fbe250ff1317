import DocumentModel

/// The dateline that opens a story's first paragraph, and what it carries.
///
/// Recognises `GENEVA (25 April 2018) –`, `UNITED NATIONS (AFP) -`,
/// `SEOUL, Oct 25 (Reuters) -`, `PORTLAND, Ore. (AP) —` and `HAMBURG —`: a place in
/// capitals, optionally a date or a region (`Ore.`, `Belgium`) after a comma and a date or an
/// agency in parentheses, then a dash. The place is the part in capitals.
struct Dateline: Sendable, Hashable {
    /// The place, as written (`UNITED NATIONS`).
    let place: String
    /// The date the dateline gives, if any.
    let date: WrittenDate?
    /// The agency tag, canonical (`Reuters`), if any.
    let agency: String?
    /// The paragraph without the dateline.
    let remainder: String

    private static let dashes: Set<Character> = ["-", "\u{2013}", "\u{2014}"]

    /// Parses the start of a paragraph; `nil` when it does not open with a dateline.
    static func parse(_ paragraph: String, lexicon: Lexicon) -> Dateline? {
        // The dash must come early: a dateline is a few words.
        guard let dash = paragraph.prefix(80).firstIndex(where: { self.dashes.contains($0) }) else { return nil }
        let head = paragraph[..<dash].trimmingCharacters(in: .whitespaces)
        // Trimmed on scalars: a space fused with a combining mark is one `Character`.
        let remainder = String(String.UnicodeScalarView(
            paragraph[paragraph.index(after: dash)...].unicodeScalars.drop { $0 == " " || self.dashes.contains(Character($0)) }))
        guard !remainder.isEmpty else { return nil }

        var place = Substring(head)
        var date: WrittenDate?
        var agency: String?
        // Trailing parenthesised parts: "(25 April 2018)" or "(Reuters)".
        while place.hasSuffix(")"), let open = place.lastIndex(of: "(") {
            let inside = place[place.index(after: open)..<place.index(before: place.endIndex)]
            if let parsed = WrittenDate.parse(inside) {
                date = parsed
            } else if let name = lexicon.agencies[TextFolding.fold(inside)] {
                agency = name
            } else {
                return nil
            }
            place = place[..<open].dropLast(while: { $0 == " " })
        }
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
        guard self.isPlace(place) else { return nil }
        return Dateline(place: String(place), date: date, agency: agency, remainder: remainder)
    }

    /// One to three capitalised words or abbreviations (`Belgium`, `Ore.`, `N.Y.`, `South Korea`).
    private static func isRegion(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        return (1...3).contains(words.count) && text.count <= 30
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
