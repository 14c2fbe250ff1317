import DocumentModel
import Foundation

/// Dates as news text writes them: `25 April 2018`, `April 25, 2018`, `25 Apr`, `Oct 25`,
/// `2018-04-25`, `3 June 2022`.
struct WrittenDate: Sendable, Hashable {
    /// The day and month, and the year when the text gives it.
    let year: Int?
    let month: Int
    let day: Int

    private static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// Every month name and abbreviation, folded (`oct`, `october`, `sept`).
    static let monthNames = Set(WrittenDate.months.keys)

    /// The month number of a month name or abbreviation (`Oct`, `Oct.`, `October`).
    static func month(named word: Substring) -> Int? {
        self.months[ASCIIFolding.fold(word)]
    }

    /// The month number of an already folded word (`oct`, `october`).
    static func month(folded word: String) -> Int? {
        self.months[word]
    }

    /// Parses text that is exactly one date (surrounding spaces and punctuation allowed).
    static func parse<S: StringProtocol>(_ text: S) -> WrittenDate? {
        self.parse(words: self.words(of: text)[...])
    }

    /// The first date written in a short text: `Published 8:41 AM EDT, March 21, 2024`,
    /// `Thursday, 7 November 2024`.
    ///
    /// - Complexity: O(n) in the length of the text: its words are split, trimmed and read
    ///   once, and each run of up to three of them is tried in place.
    static func first<S: StringProtocol>(in text: S) -> WrittenDate? {
        // Every date has an ASCII digit (its day or year): text without one is not split.
        guard SimpleText.containsASCIIDigit(text) else { return nil }
        let words = self.words(of: text)
        for start in words.indices {
            for length in [3, 2, 1] where start + length <= words.count {
                if let date = self.parse(words: words[start..<(start + length)]) { return date }
            }
        }
        return nil
    }

    /// A word of a date text, read once: the number it is and the month it names, if any.
    private struct Word {
        /// The word, punctuation trimmed.
        let text: Substring
        /// `Int(text)`.
        let number: Int?
        /// `WrittenDate.month(named: text)`.
        let month: Int?

        /// Reads a word.
        init(_ text: Substring) {
            self.text = text
            self.number = Int(text)
            // A folded month name starts with a letter: a word starting with a digit is none.
            let first = text.utf8.first ?? 0
            self.month = first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") ? nil : WrittenDate.month(named: text)
        }
    }

    /// One date written as these words (`25`, `April`, `2018`), or `nil`.
    private static func parse(words: ArraySlice<Word>) -> WrittenDate? {
        // Only a word of ten bytes can be `YYYY-MM-DD`: the others are not copied to be parsed.
        if words.count == 1, words[words.startIndex].text.utf8.count == 10, let date = CalendarDate(parsing: words[words.startIndex].text) {
            return WrittenDate(year: date.year, month: date.month, day: date.day)
        }
        guard words.count == 2 || words.count == 3 else { return nil }
        let first = words[words.startIndex]
        let second = words[words.startIndex + 1]
        let year = words.count == 3 ? words[words.startIndex + 2].number.flatMap { (1000...9999).contains($0) ? $0 : nil } : nil
        if words.count == 3 && year == nil { return nil }
        let date: WrittenDate?
        if let day = first.number, let month = second.month {
            date = WrittenDate(year: year, month: month, day: day)  // 25 April 2018
        } else if let month = first.month, let day = second.number {
            date = WrittenDate(year: year, month: month, day: day)  // April 25, 2018
        } else {
            date = nil
        }
        guard let date, (1...31).contains(date.day) else { return nil }
        return date
    }

    /// The words of a text, split at spaces and commas, with the punctuation at either end of
    /// each trimmed off, scalar by scalar, as `trimmingCharacters(in: .punctuationCharacters)`
    /// trims them, without its cost.
    private static func words<S: StringProtocol>(of text: S) -> [Word] {
        self.splitAtSpacesAndCommas(text).map { word in
            let scalars = Substring(word).unicodeScalars
            var start = scalars.startIndex
            var end = scalars.endIndex
            while start < end, self.isPunctuation(scalars[start]) { start = scalars.index(after: start) }
            while start < end, self.isPunctuation(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
            return Word(Substring(scalars[start..<end]))
        }
    }

    /// The text split at spaces and commas, as `split { $0 == " " || $0 == "," }` splits it:
    /// on bytes when the text is searchable (`SimpleText.isSearchable`), where neither byte
    /// can be part of a larger `Character`.
    private static func splitAtSpacesAndCommas<S: StringProtocol>(_ text: S) -> [S.SubSequence] {
        guard SimpleText.isSearchable(text) else { return text.split { $0 == " " || $0 == "," } }
        return text.utf8.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") }.map { text[$0.startIndex..<$0.endIndex] }
    }

    /// Whether ASCII scalars are punctuation, by value: looked up without the character set.
    private static let asciiPunctuation: [Bool] = (0..<128).map { CharacterSet.punctuationCharacters.contains(Unicode.Scalar(UInt8($0))) }

    /// Whether `trimmingCharacters(in: .punctuationCharacters)` trims a scalar: one in the set,
    /// and in the Basic Multilingual Plane, as Foundation trims UTF-16 units and never a
    /// surrogate pair.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? self.asciiPunctuation[Int(scalar.value)] : scalar.value <= 0xFFFF && CharacterSet.punctuationCharacters.contains(scalar)
    }

    /// The calendar date, taking the year from `fallbackYear` when the text gave none.
    func resolved(fallbackYear: Int?) -> CalendarDate? {
        guard let year = self.year ?? fallbackYear else { return nil }
        return CalendarDate(year: year, month: self.month, day: self.day)
    }
}
