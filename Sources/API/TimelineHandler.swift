import Corpus
import DocumentModel
import HTTPServer
import Serialization

/// `GET /v1/timeline`: the dates the corpus mentions, in date order, each with its document
/// and evidence; `from` and `to` (inclusive, `YYYY-MM-DD`) keep those that overlap the range,
/// `entity` (an entity id) those mentioned in a paragraph that names the entity.
struct TimelineHandler: Sendable {
    let catalog: Catalog

    /// One page of timeline events.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["from", "to", "entity", "limit", "offset"])
        let (from, to) = try context.dateRange()
        let page = try context.page()
        let entity = context.query["entity"]
        let events = self.catalog.snapshot.documents.flatMap { document in
            // The paragraphs that name the entity, when one is asked for.
            let paragraphs = entity.map { id in Set(document.entities.filter { $0.id == id }.flatMap(\.mentions).map(\.paragraph)) }
            return document.dates.filter { paragraphs?.contains($0.paragraph) ?? true }.map { (document, $0) }
        }
        .filter { _, mention in
            let days = mention.coveredDays
            return (from.map { days.upperBound >= $0 } ?? true) && (to.map { days.lowerBound <= $0 } ?? true)
        }
        .sorted { ($0.1.date, $0.0.id, $0.1.paragraph, $0.1.start) < ($1.1.date, $1.0.id, $1.1.paragraph, $1.1.start) }
        return context.listing(events, page: page) { document, mention in
            DocumentRepresentation.item(DocumentRepresentation.date(mention), of: document)
        }
    }
}
