import HTTPServer
import Serialization

/// `GET /v1/contacts`: press contacts across the corpus, in document order.
struct ContactsHandler: Sendable {
    let catalog: Catalog

    /// Every contact with the id of the document it comes from, paged with `limit` and `offset`.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["limit", "offset"])
        let limit = try context.integer("limit", default: DocumentsHandler.defaultLimit, in: 1...DocumentsHandler.maxLimit)
        let offset = try context.integer("offset", default: 0, in: 0...Int.max)
        let contacts = self.catalog.snapshot.documents.flatMap { document in
            document.contacts.map { (document, $0) }
        }
        let page = contacts.dropFirst(offset).prefix(limit).map { document, contact in
            guard case .object(var members) = DocumentRepresentation.contact(contact) else { preconditionFailure("a contact is an object") }
            members.append(("document", .string(document.id)))
            members.append(("links", .object([("document", .string(DocumentRepresentation.path(of: document)))])))
            return JSONValue.object(members)
        }
        let listing = ListPage(path: "/v1/contacts", total: contacts.count, limit: limit, offset: offset, isPretty: context.isPretty)
        return .json(listing.envelope(data: Array(page)), pretty: context.isPretty)
    }
}
