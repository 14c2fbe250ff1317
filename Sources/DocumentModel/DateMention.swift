/// A date a document mentions, with where it says so.
public struct DateMention: Sendable, Hashable {
    /// How exact the date is.
    public enum Precision: String, Sendable, Hashable {
        case day, month, year
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, by precision.
    public let date: String
    /// How exact the date is.
    public let precision: Precision
    /// The words in the text, e.g. `on Tuesday`, `by the end of May`.
    public let expression: String
    /// Whether the text gave it relative to the publication date (`last week`, `on 3 March`).
    public let isRelative: Bool
    /// The paragraph's index.
    public let paragraph: Int
    /// Start of the expression in the paragraph's text, in Unicode scalars.
    public let start: Int
    /// End of the expression (exclusive), in Unicode scalars.
    public let end: Int

    /// Makes a mention.
    public init(date: String, precision: Precision, expression: String, isRelative: Bool, paragraph: Int, start: Int, end: Int) {
        self.date = date
        self.precision = precision
        self.expression = expression
        self.isRelative = isRelative
        self.paragraph = paragraph
        self.start = start
        self.end = end
    }

    /// The days the mention covers: one day, every day of a month, or of a year.
    public var coveredDays: ClosedRange<CalendarDate> {
        let parts = self.date.split(separator: "-").compactMap { Int($0) }
        let year = parts.first ?? 1
        let month = parts.count > 1 ? parts[1] : 1
        let fallback = CalendarDate(year: 1, month: 1, day: 1)!
        switch self.precision {
        case .day:
            let day = CalendarDate(year: year, month: month, day: parts.count > 2 ? parts[2] : 1) ?? fallback
            return day...day
        case .month:
            let first = CalendarDate(year: year, month: month, day: 1) ?? fallback
            return first...first.adding(months: 1).adding(days: -1)
        case .year:
            let first = CalendarDate(year: year, month: 1, day: 1) ?? fallback
            return first...(CalendarDate(year: year, month: 12, day: 31) ?? first)
        }
    }
}
