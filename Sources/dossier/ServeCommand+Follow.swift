import API
import Corpus
import DocumentModel
import HTTPClient
import HTTPServer
import Replication
import Store

extension ServeCommand {
    /// Starts following `writer` into `store`, sending `key` if there is one: the replica
    /// turns ready at its first catch-up, and each catch-up and lost feed is logged.
    ///
    /// - Returns: the follower, to stop when draining.
    static func follow(_ writer: Endpoint, key: String?, into store: DocumentStore, readiness: Readiness, logger: StreamLogger) -> Follower {
        var configuration = Follower.Configuration()
        configuration.key = key
        let follower = Follower(writer: writer, store: store, configuration: configuration) { event in
            switch event {
            case .synced(let through, let isReset):
                readiness.finishLoading()
                // A catch-up replaces the collection: give back what building it freed.
                if isReset { HeapTrim.returnFreedMemory() }
                logger.log(
                    .info,
                    isReset
                        ? "following \(writer): started again from the writer's collection as of change \(through)"
                        : "following \(writer): caught up to change \(through)",
                    [.string("writer", writer.description), .integer("change", through), .boolean("reset", isReset)])
            case .disconnected(let error, let retryIn):
                logger.log(
                    .warning, "following \(writer): \(error); reconnecting in \(Int(retryIn / .milliseconds(1))) ms",
                    [.string("writer", writer.description), .string("error", "\(error)")])
            }
        }
        follower.start()
        return follower
    }
}
