import HTTPServer
import Serialization

/// `GET /v1/contacts`: press contacts across the corpus, in document order.
struct ContactsHandler: Sendable {
    let catalog: Catalog

    /// Every contact with the id of the document it comes from, paged with `limit` and `offset`.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["limit", "offset"])
        return context.listing(self.catalog.snapshot.contacts.all, page: try context.page()) { contact in
            DocumentRepresentation.item(DocumentRepresentation.contact(contact.part), of: contact.document)
        }
    }
}
