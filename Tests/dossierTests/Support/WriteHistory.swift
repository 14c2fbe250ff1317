import Locking
import Testing
import TestSupport

/// A write a client sends: a document created or deleted.
enum SentWrite: Sendable, Hashable {
    case create(ArticleFixture)
    case delete(id: String)

    /// The whole request.
    var request: String {
        switch self {
        case .create(let article): article.request
        case .delete(let id): RawRequest.make("DELETE", "/v1/documents/\(id)")
        }
    }
}

/// A write whose whole response arrived.
struct AcknowledgedWrite: Sendable {
    let write: SentWrite
    let response: TestResponse

    /// Whether the server took it: 201 for a creation, 204 for a deletion.
    var isAccepted: Bool {
        switch self.write {
        case .create: self.response.statusCode == 201
        case .delete: self.response.statusCode == 204
        }
    }

    /// The document written: from `Location` for a creation.
    var documentID: String? {
        switch self.write {
        case .create: self.response["Location"].map { String($0.dropFirst("/v1/documents/".count)) }
        case .delete(let id): id
        }
    }
}

/// What a server's clients were told: the writes acknowledged, in the order each client saw
/// them, and the writes sent but never answered (in flight when the server died).
///
/// A client deletes only documents it saw created, so the order of acknowledgements keeps
/// every creation before its deletion even when many clients fill one history.
struct WriteHistory: Sendable {
    private(set) var acknowledged: [AcknowledgedWrite] = []
    private(set) var inFlight: [SentWrite] = []

    /// Records a write whose response arrived.
    mutating func record(_ write: SentWrite, answeredWith response: TestResponse) {
        self.acknowledged.append(AcknowledgedWrite(write: write, response: response))
    }

    /// Records a write sent and never answered.
    mutating func recordInFlight(_ write: SentWrite) {
        self.inFlight.append(write)
    }

    /// Sends `write` on `session`, requires the server to take it, and records it.
    ///
    /// - Returns: the acknowledgement.
    @discardableResult
    mutating func perform(_ write: SentWrite, on session: DossierSession) throws -> AcknowledgedWrite {
        let response = try session.send(write.request)
        self.record(write, answeredWith: response)
        let acknowledged = self.acknowledged.last!
        try #require(acknowledged.isAccepted, "\(write): \(response.statusCode) \(response.bodyText)")
        return acknowledged
    }

    /// The history as it was after its first `count` acknowledgements, with nothing in flight.
    func prefix(_ count: Int) -> WriteHistory {
        var history = WriteHistory()
        for acknowledged in self.acknowledged.prefix(count) { history.record(acknowledged.write, answeredWith: acknowledged.response) }
        return history
    }

    /// What a server restarted on the data directory must serve.
    ///
    /// - Parameter seeds: the seed documents, id to title.
    func expectation(seeds: [String: String]) -> RecoveryExpectation {
        var expectation = RecoveryExpectation(seeds: seeds)
        for acknowledged in self.acknowledged where acknowledged.isAccepted {
            guard let id = acknowledged.documentID else { continue }
            switch acknowledged.write {
            case .create(let article): expectation.acknowledgeCreation(of: id, article: article, body: acknowledged.response.body)
            case .delete: expectation.acknowledgeDeletion(of: id)
            }
        }
        for write in self.inFlight {
            switch write {
            case .create(let article): expectation.allowCreation(of: article)
            case .delete(let id): expectation.allowDeletion(of: id)
            }
        }
        return expectation
    }
}

/// A `WriteHistory` filled by many client threads at once, which can tell them to stop.
///
/// - Note: `Sendable`: the history and the writes awaiting an answer are behind a mutex.
final class WriteLedger: Sendable {
    private struct State {
        var history = WriteHistory()
        /// Writes sent and not yet answered, by token.
        var unanswered: [Int: SentWrite] = [:]
        var nextToken = 0
        var isStopped = false
    }

    private let state = Locked(State())

    /// Records that `write` is about to be sent.
    ///
    /// - Returns: the token to acknowledge it with.
    func send(_ write: SentWrite) -> Int {
        self.state.withLock { state in
            defer { state.nextToken += 1 }
            state.unanswered[state.nextToken] = write
            return state.nextToken
        }
    }

    /// Records the response to the write sent under `token`.
    ///
    /// - Returns: the acknowledgement.
    @discardableResult
    func acknowledge(_ token: Int, with response: TestResponse) -> AcknowledgedWrite {
        self.state.withLock { state in
            guard let write = state.unanswered.removeValue(forKey: token) else { preconditionFailure("token \(token) is not in flight") }
            state.history.record(write, answeredWith: response)
            return state.history.acknowledged.last!
        }
    }

    /// How many writes were answered.
    var acknowledgedCount: Int { self.state.withLock { $0.history.acknowledged.count } }

    /// Tells the clients to send nothing more.
    func stop() { self.state.withLock { $0.isStopped = true } }

    /// Whether the clients should stop.
    var isStopped: Bool { self.state.withLock { $0.isStopped } }

    /// The history so far; writes not answered yet count as in flight.
    var history: WriteHistory {
        self.state.withLock { state in
            var history = state.history
            for token in state.unanswered.keys.sorted() { history.recordInFlight(state.unanswered[token]!) }
            return history
        }
    }
}
