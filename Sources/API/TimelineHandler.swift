import Corpus
import HTTPServer
import Serialization

/// `GET /v1/timeline`: the dates the corpus mentions, in date order, each with its document
/// and evidence; `from` and `to` (inclusive, `YYYY-MM-DD`) keep those that overlap the range.
struct TimelineHandler: Sendable {
    let catalog: Catalog

    /// One page of timeline events.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["from", "to", "limit", "offset"])
        let from = try context.date("from")
        let to = try context.date("to")
        if let from, let to, to < from { throw .invalidParameter(name: "from", rule: "must not be after 'to' (\(to))") }
        let (limit, offset) = try context.page()

        let events = self.catalog.snapshot.documents.flatMap { document in document.dates.map { (document, $0) } }
            .filter { _, mention in
                let days = mention.coveredDays
                return (from.map { days.upperBound >= $0 } ?? true) && (to.map { days.lowerBound <= $0 } ?? true)
            }
            .sorted { ($0.1.date, $0.0.id, $0.1.paragraph, $0.1.start) < ($1.1.date, $1.0.id, $1.1.paragraph, $1.1.start) }
        let page = events.dropFirst(offset).prefix(limit).map { document, mention in
            DocumentRepresentation.item(DocumentRepresentation.date(mention), of: document)
        }
        var listing = ListPage(path: "/v1/timeline", total: events.count, limit: limit, offset: offset, isPretty: context.isPretty)
        listing.filters = [("from", from?.description), ("to", to?.description)].compactMap { name, value in value.map { (name, $0) } }
        return .json(listing.envelope(data: Array(page)), pretty: context.isPretty)
    }
}
