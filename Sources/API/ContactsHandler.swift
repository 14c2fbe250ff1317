import HTTPServer
import Serialization

/// `GET /v1/contacts`: press contacts across the corpus, in document order.
struct ContactsHandler: Sendable {
    let catalog: Catalog

    /// Every contact with the id of the document it comes from, paged with `limit` and `offset`.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["limit", "offset"])
        let (limit, offset) = try context.page()
        let contacts = self.catalog.snapshot.documents.flatMap { document in
            document.contacts.map { (document, $0) }
        }
        let page = contacts.dropFirst(offset).prefix(limit).map { document, contact in
            DocumentRepresentation.item(DocumentRepresentation.contact(contact), of: document)
        }
        let listing = ListPage(path: "/v1/contacts", total: contacts.count, limit: limit, offset: offset, isPretty: context.isPretty)
        return .json(listing.envelope(data: Array(page)), pretty: context.isPretty)
    }
}
