import Corpus
import HTTPServer
import Replication

/// `GET /v1/journal`: the replication feed that read replicas (`dossier serve --follow`)
/// keep their copy of the collection by.
///
/// It streams newline-delimited JSON (`JournalWire`): first what a follower at change `after`
/// is missing (the entries after it while this server still holds them, or else its whole
/// collection as entries over the seeds), then every write as it is committed, with a
/// heartbeat line while nothing happens. `JournalFeedSender` paces it to the follower's reading.
struct JournalHandler: Sendable {
    let store: DocumentStore
    let heartbeatInterval: Duration

    /// Opens the feed for a follower whose copy is as of change `after` (default 0: none).
    func stream(_ context: RequestContext) throws(APIError) -> (Response, ResponseStream) {
        try context.requireParameters(["after"])
        let after = try context.integer("after", default: 0, in: 0...Int.max)
        // Paced by the sender, so the limit only has to let one large document's line through.
        let stream = ResponseStream(bufferLimit: .max)
        HeartbeatTimer.keepAlive(stream, sending: JournalWire.heartbeat, every: self.heartbeatInterval)
        let sender = JournalFeedSender(stream: stream)
        self.store.replicate(after: after) { update in sender.enqueue(update) }
        let head = Response(headers: HeaderFields([
            ("Content-Type", JournalWire.mediaType), ("Cache-Control", "no-store"), ("X-Accel-Buffering", "no"),
        ]))
        return (head, stream)
    }
}
