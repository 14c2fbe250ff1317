import Corpus
import DocumentModel
import TestSupport

/// Random small documents for the list indexes' property tests: few values per field, so
/// filters match often, with folded look-alikes (`AFP`/`afp`, `José`/`jose`), undated
/// documents, and date mentions of every precision around a few months.
struct RandomCorpus {
    static let sources = ["AFP", "afp", "Reuters", "Réuters", "EFE"]
    static let authors = ["José García", "jose garcia", "Ann Lee", "Bo Chen"]
    static let entities = ["e1", "e2", "e3", "e4", "e5"]
    static let published = ["2024-01-31", "2024-02-01", "2024-02-15", "2024-03-01", "2023-12-31"]
    static let mentionDates: [(String, DateMention.Precision)] = [
        ("2024", .year), ("2023", .year), ("2024-02", .month), ("2024-01", .month), ("2024-02-01", .day), ("2024-02-29", .day),
        ("2024-01-15", .day), ("2023-12-31", .day), ("2024-03-01", .day),
    ]

    var random: SplitMix64

    /// A number below `bound`.
    mutating func below(_ bound: Int) -> Int { Int(self.random.next() % UInt64(bound)) }

    /// One of `values`.
    mutating func pick<Value>(_ values: [Value]) -> Value { values[self.below(values.count)] }

    /// One of `values`, or `nil` one time in `odds`.
    mutating func maybe<Value>(_ values: [Value], odds: Int = 3) -> Value? { self.below(odds) == 0 ? nil : self.pick(values) }

    /// A document with random list fields, entities, dates and quotes.
    mutating func document(id: String) -> Document {
        let paragraphs = (0..<3).map { Paragraph(index: $0, section: .body, text: "Paragraph \($0).") }
        let entities = (0..<self.below(4)).map { _ in
            let id = self.pick(Self.entities)
            return Entity(
                id: id, name: id.uppercased(), kind: .person, aliases: [],
                mentions: (0..<1 + self.below(2)).map { _ in Entity.Mention(text: id, paragraph: self.below(3), start: 0, end: 2) })
        }
        let dates = (0..<self.below(5)).map { _ in
            let (date, precision) = self.pick(Self.mentionDates)
            let start = self.below(3) * 5
            return DateMention(date: date, precision: precision, expression: date, isRelative: false, paragraph: self.below(3), start: start, end: start + 4)
        }
        let quotes = (0..<self.below(4)).map { number in
            let entity = entities.isEmpty ? nil : self.maybe(entities)
            let speaker = entity.map(Quote.Speaker.init(entity:)) ?? Quote.Speaker(name: "a spokesperson", kind: .description)
            return Quote(
                id: "q\(number + 1)", text: "Words \(number).", speaker: speaker, speakerText: nil, verb: "said", paragraph: self.below(3),
                start: 0, end: 5, isPartial: false, attribution: nil)
        }
        return Document(
            id: id, slug: id, kind: self.below(2) == 0 ? .newsArticle : .pressRelease, title: "Title", isTitleDerived: false,
            source: self.maybe(Self.sources), published: self.maybe(Self.published), dateline: nil,
            authors: (0..<self.below(3)).map { _ in self.pick(Self.authors) }, paragraphs: paragraphs, dates: dates, entities: entities,
            quotes: quotes)
    }

    /// A list filter of random conditions, any of which may be absent or match nothing.
    mutating func filter() -> SearchFilter {
        let days = [CalendarDate(year: 2024, month: 1, day: 31)!, CalendarDate(year: 2024, month: 2, day: 1)!, CalendarDate(year: 2024, month: 2, day: 20)!]
        var dates = [self.maybe(days, odds: 2), self.maybe(days, odds: 2)]
        if let first = dates[0], let second = dates[1], second < first { dates.swapAt(0, 1) }
        return SearchFilter(
            source: self.maybe(Self.sources + ["nobody"], odds: 2), author: self.maybe(Self.authors, odds: 2),
            kind: self.maybe([DocumentKind.newsArticle, .pressRelease], odds: 2), from: dates[0], to: dates[1],
            entity: self.maybe(Self.entities + ["e9"], odds: 2))
    }

    /// A timeline range: either end open, `from` never after `to`.
    mutating func dayRange() -> (from: CalendarDate?, to: CalendarDate?) {
        let days = [
            CalendarDate(year: 2023, month: 12, day: 31)!, CalendarDate(year: 2024, month: 1, day: 15)!, CalendarDate(year: 2024, month: 2, day: 1)!,
            CalendarDate(year: 2024, month: 2, day: 29)!, CalendarDate(year: 2024, month: 6, day: 1)!,
        ]
        let (from, to) = (self.maybe(days, odds: 3), self.maybe(days, odds: 3))
        if let from, let to, to < from { return (to, from) }
        return (from, to)
    }
}
