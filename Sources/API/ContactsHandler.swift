import HTTPServer
import Serialization

/// `GET /v1/contacts`: press contacts across the corpus, in document order.
struct ContactsHandler: Sendable {
    let catalog: Catalog

    /// Every contact with the id of the document it comes from, paged with `limit` and `offset`.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["limit", "offset"])
        let contacts = self.catalog.snapshot.documents.flatMap { document in document.contacts.map { (document, $0) } }
        return context.listing(contacts, page: try context.page()) { document, contact in
            DocumentRepresentation.item(DocumentRepresentation.contact(contact), of: document)
        }
    }
}
