import Corpus
import DocumentModel
import HTTPServer
import Serialization
import Store

/// `POST /v1/documents` and `DELETE /v1/documents/{id}`: answered once the write is on disk.
struct WritesHandler: Sendable {
    let store: DocumentStore

    /// Stores a document: 201 with `Location` and the document; a retry with the same
    /// `Idempotency-Key` gets the first answer again, marked `Idempotent-Replayed: true`.
    func create(_ context: RequestContext, completion: @escaping @Sendable (Result<Response, APIError>) -> Void) throws(APIError) {
        try context.requireParameters([])
        let body = try SubmissionBody(context.request)
        let stamp = try IdempotencyKey.stamp(of: context.request, mediaType: body.mediaType)
        self.store.create(body.submission, id: body.id, idempotency: stamp) { result in
            completion(
                result.map { creation in
                    var response = context.resource(DocumentRepresentation.full(creation.document))
                    response.status = .created
                    response.headers.add("Location", "/v1/documents/" + URLPath.encodeSegment(creation.document.id))
                    if creation.isReplay { response.headers.add("Idempotent-Replayed", "true") }
                    return response
                }.mapError(APIError.write))
        }
    }

    /// Deletes a document (a seed too): 204.
    func delete(_ context: RequestContext, completion: @escaping @Sendable (Result<Response, APIError>) -> Void) throws(APIError) {
        try context.requireParameters([])
        let key = context.parameters["id"] ?? ""
        self.store.delete(idOrSlug: key) { result in
            completion(result.map { _ in Response(status: .noContent) }.mapError(APIError.write))
        }
    }
}
