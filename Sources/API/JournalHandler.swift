import Corpus
import DocumentModel
import HTTPServer
import Replication
import Store

/// `GET /v1/journal`: the replication feed that read replicas (`dossier serve --follow`)
/// keep their copy of the collection by.
///
/// It streams newline-delimited JSON (`JournalWire`): first what a follower at change `after`
/// is missing (the entries after it while this server still holds them, or else its whole
/// collection: the seeds as ingested here, and the entries over them), then every write as
/// it is committed, with a
/// heartbeat line while nothing happens. `JournalFeedSender` paces it to the follower's reading,
/// and disconnects a follower that leaves more than `maxQueuedBytes` of writes unread.
struct JournalHandler: Sendable {
    let store: DocumentStore
    let heartbeatInterval: Duration
    /// Bytes of committed writes a follower may leave unread before it is disconnected.
    let maxQueuedBytes: Int
    /// Each committed write, encoded once for every feed.
    let encoding = JournalAppendEncoding()

    /// Opens the feed for a follower whose copy is as of change `after` (default 0: none) of
    /// the collection `collection` (when it has learnt it from an earlier feed).
    func stream(_ context: RequestContext) throws(APIError) -> (Response, ResponseStream) {
        try context.requireParameters(["after", "collection"])
        let after = try context.integer("after", default: 0, in: 0...Int.max)
        let collection = context.query["collection"]
        if let collection, !CollectionIdentity.isValid(collection) {
            throw .invalidParameter(name: "collection", rule: "must be a collection identity (32 lower-case hexadecimal digits), got '\(collection)'")
        }
        // Paced by the sender, so the limit only has to let one large document's line through.
        let stream = ResponseStream(bufferLimit: .max)
        HeartbeatTimer.keepAlive(stream, sending: JournalWire.heartbeat, every: self.heartbeatInterval)
        let sender = JournalFeedSender(stream: stream, maxQueuedBytes: self.maxQueuedBytes, encoding: self.encoding)
        if let identity = self.store.identity { sender.enqueue([.collection(identity)]) }
        // A copy of another collection (a writer's directory started afresh) starts again.
        let isOtherCollection = collection != nil && self.store.identity != nil && collection != self.store.identity
        self.store.replicate(after: after, startAgain: isOtherCollection) { update in sender.enqueue(update) }
        let head = Response(headers: HeaderFields([
            ("Content-Type", JournalWire.mediaType), ("Cache-Control", "no-store"), ("X-Accel-Buffering", "no"),
        ]))
        return (head, stream)
    }
}
