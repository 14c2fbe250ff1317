@testable import Corpus
import DocumentModel
import TestSupport
import Testing

/// The cases the list indexes' ranges rest on, spelled out.
struct ListIndexEdgeTests {
    private static func mention(_ date: String, _ precision: DateMention.Precision, paragraph: Int = 0) -> DateMention {
        DateMention(date: date, precision: precision, expression: date, isRelative: false, paragraph: paragraph, start: 0, end: 1)
    }

    private static func document(_ id: String, published: String? = nil, dates: [DateMention] = []) -> Document {
        let base = Document.make(id: id, published: published)
        return Document(
            id: id, slug: id, kind: base.kind, title: base.title, isTitleDerived: false, source: nil, published: published, dateline: nil,
            paragraphs: base.paragraphs, dates: dates)
    }

    /// A year or month mention that starts before `from` but covers it is on the timeline, in
    /// date order as written, ahead of the days; mentions that end before `from` are not.
    @Test func timelineKeepsLongMentionsThatCoverFrom() {
        let snapshot = Snapshot(
            documents: [
                Self.document("a", dates: [Self.mention("2024-02-11", .day), Self.mention("2024-02", .month), Self.mention("2024", .year)]),
                Self.document("b", dates: [Self.mention("2024-01", .month), Self.mention("2024-02-09", .day), Self.mention("2023", .year)]),
            ],
            version: 1)

        let found = snapshot.timeline(entity: nil, from: CalendarDate(year: 2024, month: 2, day: 10), to: CalendarDate(year: 2024, month: 2, day: 12))

        #expect(found.map(\.part.date) == ["2024", "2024-02", "2024-02-11"])
    }

    /// Newest first reverses the dates but keeps each date's documents by id, undated last.
    @Test func newestFirstKeepsTiesByID() {
        let snapshot = Snapshot(
            documents: [
                Self.document("d", published: "2024-01-01"), Self.document("c", published: "2024-01-02"), Self.document("u"),
                Self.document("b", published: "2024-01-02"), Self.document("a", published: "2024-01-01"),
            ],
            version: 1)

        let page = snapshot.documents(matching: SearchFilter(), order: .newestFirst, offset: 1, limit: 3)

        #expect(page.total == 5)
        #expect(page.documents.map(\.id) == ["c", "a", "d"])
    }

    /// The successor of a string sorts right after it: before every longer string it starts
    /// and every greater string.
    @Test(arguments: [("a", "a\u{1}"), ("a", "ab"), ("a", "b"), ("", "a"), ("2024", "2024-01")])
    func successorSortsRightAfterTheString(string: String, greater: String) {
        #expect(string < string.successor)
        #expect(string.successor <= greater)
    }
}
