import Corpus
import HTTPServer
import Replication

/// `GET /v1/journal`: the replication feed that read replicas (`dossier serve --follow`)
/// keep their copy of the collection by.
///
/// It streams newline-delimited JSON (`JournalWire`): first what a follower at change `after`
/// is missing (the entries after it while this server still holds them, or else its whole
/// collection as entries over the seeds), then every write as it is committed, with a
/// heartbeat line while nothing happens.
struct JournalHandler: Sendable {
    let store: DocumentStore
    let heartbeatInterval: Duration

    /// Opens the feed for a follower whose copy is as of change `after` (default 0: none).
    func stream(_ context: RequestContext) throws(APIError) -> (Response, ResponseStream) {
        try context.requireParameters(["after"])
        let after = try context.integer("after", default: 0, in: 0...Int.max)
        let stream = ResponseStream()
        HeartbeatTimer.keepAlive(stream, sending: JournalWire.heartbeat, every: self.heartbeatInterval)
        // Weak: the connection owns the stream; once it has gone, the next update finds it
        // nil and the store drops this feed.
        self.store.replicate(after: after) { [weak stream] update in
            stream?.send(JournalWire.encode(update)) ?? false
        }
        let head = Response(headers: HeaderFields([
            ("Content-Type", JournalWire.mediaType), ("Cache-Control", "no-store"), ("X-Accel-Buffering", "no"),
        ]))
        return (head, stream)
    }
}
