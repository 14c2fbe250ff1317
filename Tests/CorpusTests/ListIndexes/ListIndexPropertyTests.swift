import Corpus
import DocumentModel
import TestSupport
import Testing

/// The document list, timeline and quotes-by-speaker indexes answer exactly what scanning every
/// document answers (the code they replace), on random collections after random adds,
/// replacements and removals, and what a snapshot built from scratch on the result answers.
struct ListIndexPropertyTests {
    /// Runs `check` on the snapshot kept by writes, and on one built afresh, after each of many
    /// random writes.
    private func afterRandomWrites(seed: UInt64, check: (Snapshot, [Document], inout RandomCorpus) -> Void) {
        var corpus = RandomCorpus(random: SplitMix64(seed: seed))
        var snapshot = Snapshot(documents: (0..<10).map { corpus.document(id: "doc-\($0)") }, version: 0)
        var live = Dictionary(uniqueKeysWithValues: snapshot.documents.map { ($0.id, $0) })
        for step in 1...60 {
            let id = "doc-\(corpus.below(25))"
            if corpus.below(4) == 0 {
                snapshot = snapshot.applying(adding: [], removing: [id], version: step)
                live[id] = nil
            } else {
                let document = corpus.document(id: id)
                snapshot = snapshot.applying(adding: [document], removing: [], version: step)
                live[id] = document
            }
            let documents = live.values.sorted { $0.id < $1.id }
            check(snapshot, documents, &corpus)
            check(Snapshot(documents: documents, version: step), documents, &corpus)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func documentListMatchesFilteringEveryDocument(seed: UInt64) {
        self.afterRandomWrites(seed: seed) { snapshot, documents, corpus in
            for _ in 0..<12 {
                let filter = corpus.filter()
                let order = corpus.maybe([PublicationOrder.Direction.oldestFirst, .newestFirst])
                let (offset, limit) = (corpus.below(6), 1 + corpus.below(5))
                let expected = Self.ordered(documents, order).filter(filter.admits)
                let page = snapshot.documents(matching: filter, order: order, offset: offset, limit: limit)
                #expect(page.total == expected.count, "\(filter) \(String(describing: order))")
                #expect(page.documents.map(\.id) == expected.dropFirst(offset).prefix(limit).map(\.id), "\(filter) \(String(describing: order)) \(offset)")
            }
            for order in [PublicationOrder.Direction.oldestFirst, .newestFirst] {
                #expect(snapshot.documents(published: order).map(\.id) == Self.ordered(documents, order).map(\.id))
            }
        }
    }

    @Test(arguments: [4, 5, 6] as [UInt64])
    func timelineMatchesSortingEveryMention(seed: UInt64) {
        self.afterRandomWrites(seed: seed) { snapshot, documents, corpus in
            for _ in 0..<8 {
                let (from, to) = corpus.dayRange()
                let entity = corpus.maybe(RandomCorpus.entities + ["e9"], odds: 2)
                let found = snapshot.timeline(entity: entity, from: from, to: to)
                let expected = Self.timeline(documents, entity: entity, from: from, to: to)
                #expect(found.map(\.document.id) == expected.map(\.0.id), "\(String(describing: from))...\(String(describing: to)) \(entity ?? "-")")
                #expect(found.map(\.part) == expected.map(\.1))
            }
        }
    }

    @Test(arguments: [7, 8] as [UInt64])
    func speakerQuotesMatchFilteringEveryQuote(seed: UInt64) {
        self.afterRandomWrites(seed: seed) { snapshot, documents, corpus in
            for speaker in RandomCorpus.entities + ["e9"] {
                let documentID = corpus.maybe(documents.map(\.id) + ["missing"], odds: 2)
                let found = snapshot.quotes(speaker: speaker, documentID: documentID)
                let expected = snapshot.quotes.all.filter { $0.part.speaker?.id == speaker && (documentID == nil || $0.document.id == documentID) }
                #expect(found.map(\.document.id) == expected.map(\.document.id))
                #expect(found.map(\.part) == expected.map(\.part))
            }
        }
    }

    /// The documents in id order, or by publication date: dated ones first, ties by id.
    private static func ordered(_ documents: [Document], _ order: PublicationOrder.Direction?) -> [Document] {
        guard let order else { return documents }
        return documents.sorted { left, right in
            switch (left.published, right.published) {
            case (nil, nil): return left.id < right.id
            case (nil, _): return false
            case (_, nil): return true
            case (let leftDate?, let rightDate?):
                if leftDate != rightDate { return order == .oldestFirst ? leftDate < rightDate : leftDate > rightDate }
                return left.id < right.id
            }
        }
    }

    /// What `GET /v1/timeline` computed before its index: every mention, filtered and sorted.
    private static func timeline(_ documents: [Document], entity: String?, from: CalendarDate?, to: CalendarDate?) -> [(Document, DateMention)] {
        documents.flatMap { document in
            let paragraphs = entity.map { id in Set(document.entities.filter { $0.id == id }.flatMap(\.mentions).map(\.paragraph)) }
            return document.dates.filter { paragraphs?.contains($0.paragraph) ?? true }.map { (document, $0) }
        }
        .filter { _, mention in
            let days = mention.coveredDays
            return (from.map { days.upperBound >= $0 } ?? true) && (to.map { days.lowerBound <= $0 } ?? true)
        }
        .sorted { ($0.1.date, $0.0.id, $0.1.paragraph, $0.1.start) < ($1.1.date, $1.0.id, $1.1.paragraph, $1.1.start) }
    }
}
