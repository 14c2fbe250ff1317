import DocumentModel
import Extraction
import Foundation

/// A write waiting for the writer, with whom to tell the result.
enum PendingWrite: Sendable {
    /// A creation, its text already ingested (under the requested id, or `""` for one the
    /// writer generates).
    case create(
        DocumentSubmission, ingested: Result<IngestedDocument, IngestError>, id: String?, idempotency: IdempotencyStamp?,
        completion: @Sendable (Result<DocumentStore.Creation, WriteError>) -> Void)
    case delete(String, completion: @Sendable (Result<Change, WriteError>) -> Void)
    /// Live document `id`, created by change `origin`, made again by a newer extractor; the
    /// completion says whether it was stored (not when the document is gone or replaced).
    case reextract(id: String, origin: Int, ingested: IngestedDocument, completion: @Sendable (Bool) -> Void)

    /// Tells the writer's client it failed.
    func fail(_ error: WriteError) {
        switch self {
        case .create(_, _, _, _, let completion): completion(.failure(error))
        case .delete(_, let completion): completion(.failure(error))
        case .reextract(_, _, _, let completion): completion(false)
        }
    }
}

/// The writes of one group commit: validated and applied to a copy of the state in order,
/// their journal entries collected for one append, their results held until it is durable.
///
/// If the append fails, the copy is dropped and every write that needed it fails; the ones
/// refused on their own merits (a taken id, say) keep their own errors.
struct WriteGroup {
    /// A write's result, waiting to be told.
    private enum Outcome {
        case created(Result<DocumentStore.Creation, WriteError>, completion: @Sendable (Result<DocumentStore.Creation, WriteError>) -> Void)
        case deleted(Result<Change, WriteError>, completion: @Sendable (Result<Change, WriteError>) -> Void)
        case reextracted(Change?, completion: @Sendable (Bool) -> Void)
    }

    /// The state after the staged writes.
    private(set) var state: StoreState
    /// Their journal entries, in order.
    private(set) var entries: [JournalEntry] = []
    /// Their changes, in order.
    private(set) var changes: [Change] = []
    /// What the group did to the collection.
    private(set) var delta = CollectionDelta()
    private var outcomes: [Outcome] = []
    /// The last change before the group: results that depend on a later one fail with the append.
    private let baseChange: Int

    init(state: StoreState) {
        self.state = state
        self.baseChange = state.lastChange
    }

    /// Validates a write and applies it to the group's state.
    mutating func stage(_ write: PendingWrite) {
        switch write {
        case .create(let submission, let ingested, let id, let stamp, let completion):
            self.outcomes.append(.created(self.create(submission, ingested: ingested, id: id, stamp: stamp), completion: completion))
        case .delete(let key, let completion):
            self.outcomes.append(.deleted(self.delete(key), completion: completion))
        case .reextract(let id, let origin, let ingested, let completion):
            self.outcomes.append(.reextracted(self.reextract(id, origin: origin, ingested: ingested), completion: completion))
        }
    }

    /// The append failed: every result that depends on this group's entries fails with `error`.
    mutating func failStaged(with error: WriteError) {
        self.outcomes = self.outcomes.map { outcome in
            switch outcome {
            case .created(.success(let creation), let completion) where creation.change.number > self.baseChange:
                return .created(.failure(error), completion: completion)
            case .deleted(.success(let change), let completion) where change.number > self.baseChange:
                return .deleted(.failure(error), completion: completion)
            case .reextracted(let change?, let completion) where change.number > self.baseChange:
                return .reextracted(nil, completion: completion)
            default:
                return outcome
            }
        }
    }

    /// Tells every write its result, in order.
    func complete() {
        for outcome in self.outcomes {
            switch outcome {
            case .created(let result, let completion): completion(result)
            case .deleted(let result, let completion): completion(result)
            case .reextracted(let change, let completion): completion(change != nil)
            }
        }
    }

    /// A creation is checked in this order: a retried key first (it gets its first answer,
    /// whatever its text does this time), then the id, then whether the text became a
    /// document. The id is settled here, not when ingestion began: another write may have
    /// taken it meanwhile.
    private mutating func create(
        _ submission: DocumentSubmission, ingested: Result<IngestedDocument, IngestError>, id requestedID: String?, stamp: IdempotencyStamp?
    ) -> Result<DocumentStore.Creation, WriteError> {
        if let stamp, let earlier = self.state.idempotency.record(for: stamp.key) {
            guard earlier.fingerprint == stamp.fingerprint else { return .failure(.idempotencyKeyReused(stamp.key)) }
            return .success(DocumentStore.Creation(document: earlier.document, change: earlier.change, isReplay: true))
        }
        let number = self.state.lastChange + 1
        let id = requestedID ?? self.generatedID(for: number)
        guard self.state.documents[id] == nil else { return .failure(.idTaken(id)) }
        let document: Document
        let extractorVersion: Int
        switch ingested {
        case .success(let ingestedDocument):
            document = ingestedDocument.document.identified(as: id)
            extractorVersion = ingestedDocument.extractorVersion
        case .failure(let error): return .failure(.unprocessable(error))
        }
        let entry = JournalEntry.created(
            change: number, at: Self.now(), id: id, submission: submission, idempotency: stamp,
            ingested: IngestedDocument(document: document, extractorVersion: extractorVersion))
        guard let change = self.record(entry) else { preconditionFailure("a creation always changes the state") }
        self.delta.stored(document, replacing: false)
        return .success(DocumentStore.Creation(document: document, change: change, isReplay: false))
    }

    private mutating func delete(_ key: String) -> Result<Change, WriteError> {
        guard let id = self.state.documentID(idOrSlug: key) else {
            return .failure(.notFound(key))
        }
        let entry = JournalEntry.deleted(change: self.state.lastChange + 1, at: Self.now(), id: id)
        guard let change = self.record(entry) else { preconditionFailure("the document was just found") }
        self.delta.deleted(id)
        return .success(change)
    }

    /// Stores a re-extracted document, unless the document its creation made is gone or was
    /// replaced while it was being ingested.
    private mutating func reextract(_ id: String, origin: Int, ingested: IngestedDocument) -> Change? {
        guard self.state.origin(of: id) == origin else { return nil }
        let change = self.record(.reextracted(change: self.state.lastChange + 1, at: Self.now(), id: id, ingested: ingested))
        self.delta.stored(ingested.document, replacing: true)
        return change
    }

    private mutating func record(_ entry: JournalEntry) -> Change? {
        let change = self.state.apply(entry)
        self.entries.append(entry)
        if let change { self.changes.append(change) }
        return change
    }

    /// `doc-N` from the change number, suffixed in the unlikely case a client chose that id.
    private func generatedID(for number: Int) -> String {
        let base = "doc-\(number)"
        var candidate = base
        var suffix = 1
        while self.state.documents[candidate] != nil {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        return candidate
    }

    private static func now() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
