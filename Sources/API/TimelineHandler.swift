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
        // An index of the snapshot in this order: the range and the page are found by position.
        let events = self.catalog.snapshot.timeline(entity: context.query["entity"], from: from, to: to)
        return context.listing(events, page: page) { event in
            DocumentRepresentation.item(DocumentRepresentation.date(event.part), of: event.document)
        }
    }
}
