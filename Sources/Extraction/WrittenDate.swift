import DocumentModel

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

    /// The month number of a month name or abbreviation (`Oct`, `Oct.`, `October`).
    static func month(named word: Substring) -> Int? {
        self.months[TextFolding.fold(word)]
    }

    /// The month number of an already folded word (`oct`, `october`).
    static func month(folded word: String) -> Int? {
        self.months[word]
    }

    /// Parses text that is exactly one date (surrounding spaces and punctuation allowed).
    static func parse<S: StringProtocol>(_ text: S) -> WrittenDate? {
        let words = text.split { $0 == " " || $0 == "," }.map { $0.trimmingCharacters(in: .punctuationCharacters) }
        if words.count == 1, let date = CalendarDate(parsing: words[0]) {
            return WrittenDate(year: date.year, month: date.month, day: date.day)
        }
        guard words.count == 2 || words.count == 3 else { return nil }
        let year = words.count == 3 ? Int(words[2]).flatMap { (1000...9999).contains($0) ? $0 : nil } : nil
        if words.count == 3 && year == nil { return nil }
        let date: WrittenDate?
        if let day = Int(words[0]), let month = self.month(named: Substring(words[1])) {
            date = WrittenDate(year: year, month: month, day: day)  // 25 April 2018
        } else if let month = self.month(named: Substring(words[0])), let day = Int(words[1]) {
            date = WrittenDate(year: year, month: month, day: day)  // April 25, 2018
        } else {
            date = nil
        }
        guard let date, (1...31).contains(date.day) else { return nil }
        return date
    }

    /// The first date written in a short text: `Published 8:41 AM EDT, March 21, 2024`,
    /// `Thursday, 7 November 2024`.
    static func first<S: StringProtocol>(in text: S) -> WrittenDate? {
        let words = text.split { $0 == " " || $0 == "," }
        for start in words.indices {
            for length in [3, 2, 1] where start + length <= words.count {
                if let date = self.parse(words[start..<(start + length)].joined(separator: " ")) { return date }
            }
        }
        return nil
    }

    /// The calendar date, taking the year from `fallbackYear` when the text gave none.
    func resolved(fallbackYear: Int?) -> CalendarDate? {
        guard let year = self.year ?? fallbackYear else { return nil }
        return CalendarDate(year: year, month: self.month, day: self.day)
    }
}
