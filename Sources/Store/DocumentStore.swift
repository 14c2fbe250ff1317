import Corpus
import Dispatch
import DocumentModel
import Extraction
import Foundation
import Locking

/// The live collection: the seeds plus every accepted write, kept durable in a data directory.
///
/// A posted text is first ingested on its own, off the writer: on a queue that runs as many
/// ingestions at once as there are cores, each within the CPU time of its `IngestionBudget`,
/// so one long ingestion holds up no other write. The finished document then joins the
/// writes waiting for the writer. Writes are serialised on one writer queue and committed in
/// groups: every write waiting when the writer runs is validated (checked for idempotency
/// keys and id conflicts, then its ingestion's outcome), appended to the journal and synced
/// with one fsync, and only then published — a new `Snapshot` swapped in atomically, handed
/// to the `onPublish` handler — and acknowledged. Readers never wait for the writer; a write
/// is never acknowledged before it is on disk. Writes are committed in the order they reach
/// the writer: a small document posted after a large one may be committed first.
///
/// Start-up replay and followers ingest on the writer, in change order, with no budget: a
/// document accepted once always loads again.
///
/// ```swift
/// let store = try DocumentStore(seeds: loaded.documents, directory: try DataDirectory.open(path: "data"), ingestor: Ingestor())
/// store.onPublish { publication in catalog.apply(publication) }
/// store.create(DocumentSubmission(text: body), id: nil, idempotency: nil) { result in ... }
/// ```
///
/// A store also feeds followers (`replicate(after:to:)`): other processes that keep a copy of
/// the collection by applying what it sends (`apply(_:)`) to a store of the same seeds.
///
/// - Note: `Sendable`. Its writer state is confined to `writer` (see `WriterState`); the
///   pending writes, the current snapshot and the publish handler are behind mutexes.
public final class DocumentStore: Sendable {
    /// Bounds and thresholds.
    public struct Configuration: Sendable {
        /// Changes kept for `/v1/changes` and event resumption. Default 10,000.
        public var historyCapacity = ChangeLog.defaultCapacity
        /// Idempotency keys remembered. Default 10,000.
        public var idempotencyCapacity = 10_000
        /// Journal size past which it is compacted into the snapshot file. Default 64 MiB.
        public var compactionThreshold = 64 * 1024 * 1024
        /// The CPU time ingesting one posted document may take; past it the write is refused
        /// (`IngestError.tooComplex`). Not applied to replay or followers. Default 5 s.
        public var ingestionBudget = IngestionBudget(limit: Configuration.defaultIngestionLimit)
        /// Posted documents ingested at once. Default: one per core.
        public var ingestionWidth = ProcessInfo.processInfo.activeProcessorCount
        /// The fewest changes in one publication whose snapshot may be built anew rather than
        /// applied (`RebuildPolicy`). Default `RebuildPolicy.fewestChanges`.
        public var rebuildingChanges = RebuildPolicy.fewestChanges
        /// The default of `ingestionBudget`: 5 s, three times what the costliest hostile
        /// 1 MiB text takes (see `ingest-adversarial`).
        public static let defaultIngestionLimit = Duration.seconds(5)

        /// The defaults.
        public init() {}
    }

    /// What one committed group of writes changed, in order.
    public struct Publication: Sendable {
        /// The collection after the writes.
        public let snapshot: Snapshot
        /// Documents stored by the writes (a replaced id appears in `removed` too).
        public let added: [Document]
        /// Ids of documents that are gone or replaced.
        public let removed: Set<String>
        /// The changes, in change order.
        public let changes: [Change]
    }

    /// The result of a successful creation.
    public struct Creation: Sendable {
        /// The document as stored.
        public let document: Document
        /// Its change.
        public let change: Change
        /// `true` when this answers a retry of an earlier request with the same idempotency key.
        public let isReplay: Bool
    }

    /// Recent changes.
    public let changes: ChangeLog
    /// Whether writes are refused (no data directory).
    public let isReadOnly: Bool
    /// The identity of the collection in the data directory (`DataDirectory.identity`); `nil`
    /// without one.
    public let identity: String?
    /// What start-up repaired or skipped, worth a warning: a torn journal tail truncated, a
    /// stored document that no longer ingests, a stale temporary file removed.
    public let startupNotices: [String]
    /// What start-up replayed from the data directory; `nil` without one (read-only).
    public let replayed: ReplaySummary?

    /// Every change to the collection runs here (internal for the replication extension).
    let writer = DispatchQueue(label: "dossier.writer")
    /// Posted texts are ingested here, before they reach the writer.
    private let ingestion: BoundedConcurrentQueue
    /// Ingestions that have not yet handed their write to the writer, and background work
    /// in progress, for `close()`.
    private let ingestionsInFlight = DispatchGroup()
    /// Set by `close()`: background work starts nothing more.
    private let isClosing = Locked(false)
    /// Compaction writes the snapshot here, off the writer.
    private let compaction = DispatchQueue(label: "dossier.compaction", qos: .utility)
    /// Re-extraction (`reextractOutdated`) runs here, one document at a time.
    let reextraction = DispatchQueue(label: "dossier.reextraction", qos: .utility)
    /// Ingests posted texts, and replayed ones (internal for the replication extension).
    let ingestor: any SubmissionIngesting
    private let ingestionBudget: IngestionBudget
    /// Confined to `writer`.
    let writerState: WriterState
    /// Writes waiting for the writer, and whether a drain is already scheduled.
    private let pending = Locked<(writes: [PendingWrite], isDrainScheduled: Bool)>(([], false))
    /// Set by a write that failed for storage, cleared by the next that succeeds; written on
    /// `writer`, read by `/metrics` from any queue.
    private let writesFailing = Locked(false)
    private let current: Locked<Snapshot>
    private let publishHandler = Locked<(@Sendable (Publication) -> Void)?>(nil)
    /// Receives notices while running; called on `writer`.
    let log: @Sendable (String) -> Void

    /// Loads the collection: the seeds, then the data directory's snapshot and journal.
    ///
    /// - Parameters:
    ///   - seeds: the seed documents.
    ///   - directory: the opened data directory; `nil` makes a read-only store of the seeds.
    ///   - configuration: bounds and thresholds.
    ///   - ingestor: turns submitted text into documents (the `Ingestor`, in the server); the store
    ///     uses it for posted texts, for replayed ones and to re-extract outdated documents.
    ///   - log: receives notices while running (compaction); called on the writer queue.
    /// - Throws: `StoreError` when the data directory cannot be read or is corrupt before its tail.
    public init(
        seeds: [Document], directory: DataDirectory?, configuration: Configuration = Configuration(),
        ingestor: any SubmissionIngesting, log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(StoreError) {
        var notices: [String] = []
        var state = StoreState(seeds: seeds, lastChange: 0, idempotencyCapacity: configuration.idempotencyCapacity)
        var history: ChangeLog?
        var tail = JournalTail(after: 0, capacity: configuration.historyCapacity)
        var replayed: ReplaySummary?
        if let directory {
            let recovery = try directory.recover()
            notices += recovery.notices
            let journalStart = recovery.entries.count - recovery.journalRecords
            for entry in recovery.entries[..<journalStart] {
                Self.replay(entry, into: &state, ingestor: ingestor, notices: &notices)
            }
            // History starts after the snapshot: what compaction folded away cannot be replayed
            // as changes, so a client that saw less is told to reload (a follower, to reset).
            let historyStart = recovery.entries[journalStart...].first.map { $0.change - 1 } ?? recovery.lastChange
            let log = ChangeLog(last: historyStart, capacity: configuration.historyCapacity)
            log.append(recovery.entries[journalStart...].compactMap { Self.replay($0, into: &state, ingestor: ingestor, notices: &notices) })
            tail = JournalTail(after: historyStart, capacity: configuration.historyCapacity)
            tail.append(recovery.entries[journalStart...])
            // A change that no longer applies (its document is gone from the seeds) still used its number.
            state.advance(to: recovery.lastChange)
            history = log
            replayed = ReplaySummary(
                path: directory.path, snapshotRecords: journalStart, journalRecords: recovery.journalRecords,
                lastChange: recovery.lastChange)
        }
        self.changes = history ?? ChangeLog(last: 0, capacity: configuration.historyCapacity)
        self.isReadOnly = directory == nil
        self.identity = directory?.identity
        self.replayed = replayed
        self.startupNotices = notices
        self.current = Locked(Snapshot(documents: Array(state.documents.values), version: state.lastChange))
        self.writerState = WriterState(
            state: state, seeds: seeds, tail: tail, directory: directory, configuration: configuration)
        self.ingestion = BoundedConcurrentQueue(width: max(1, configuration.ingestionWidth))
        self.ingestor = ingestor
        self.ingestionBudget = configuration.ingestionBudget
        self.log = log
    }

    /// The collection as of the latest committed write.
    public var snapshot: Snapshot {
        self.current.withLock { $0 }
    }

    /// Sets what is told about each committed group of writes, before they are acknowledged.
    /// Set it once, before the first write; it runs on the writer queue.
    public func onPublish(_ handler: @escaping @Sendable (Publication) -> Void) {
        self.publishHandler.withLock { $0 = handler }
    }

    /// Stores a new document: ingests it off the writer, then hands it to the writer.
    ///
    /// - Parameters:
    ///   - submission: the text and the metadata that overrides what the text says.
    ///   - id: the id to give it; `nil` generates `doc-N` from its change number.
    ///   - idempotency: the request's `Idempotency-Key` and fingerprint, if it had one.
    ///   - completion: called once, on the writer queue, after the write is durable (or refused).
    public func create(
        _ submission: DocumentSubmission, id: String?, idempotency: IdempotencyStamp?,
        completion: @escaping @Sendable (Result<Creation, WriteError>) -> Void
    ) {
        guard !self.isReadOnly else {
            completion(.failure(.readOnly))
            return
        }
        self.ingestionsInFlight.enter()
        self.ingestion.async {
            // A generated id is known only at the writer, which renames the document.
            let ingested = Result { () throws(IngestError) in
                IngestedDocument(
                    document: try self.ingestor.ingest(submission, id: id ?? "", budget: self.ingestionBudget),
                    extractorVersion: self.ingestor.extractorVersion)
            }
            self.enqueue(.create(submission, ingested: ingested, id: id, idempotency: idempotency, completion: completion))
            self.ingestionsInFlight.leave()
        }
    }

    /// Deletes a document.
    ///
    /// - Parameters:
    ///   - key: its id or slug.
    ///   - completion: called once, on the writer queue, with the deletion's change once it is durable.
    public func delete(idOrSlug key: String, completion: @escaping @Sendable (Result<Change, WriteError>) -> Void) {
        self.enqueue(.delete(key, completion: completion))
    }

    /// Waits for the writes already queued (and being ingested) and the background document
    /// in progress, then releases the data directory.
    public func close() {
        self.isClosing.withLock { $0 = true }
        self.ingestionsInFlight.wait()
        self.writer.sync { self.writerState.directory?.close() }
    }

    /// Starts a piece of background work that `close()` waits for; `false` once closing.
    func beginBackgroundWork() -> Bool {
        self.isClosing.withLock { isClosing in
            if !isClosing { self.ingestionsInFlight.enter() }
            return !isClosing
        }
    }

    /// Ends a piece of background work begun with `beginBackgroundWork()`.
    func endBackgroundWork() {
        self.ingestionsInFlight.leave()
    }

    // MARK: Writer

    func enqueue(_ write: PendingWrite) {
        self.enqueue([write])
    }

    /// Queues `writes` together: the writer commits them in one group (with any others
    /// waiting).
    func enqueue(_ writes: [PendingWrite]) {
        guard !self.isReadOnly else {
            writes.forEach { $0.fail(.readOnly) }
            return
        }
        guard !writes.isEmpty else { return }
        let schedule = self.pending.withLock { pending in
            pending.writes += writes
            defer { pending.isDrainScheduled = true }
            return !pending.isDrainScheduled
        }
        if schedule { self.writer.async { self.commitPendingWrites() } }
    }

    /// Commits every write waiting now, as one group. Runs on `writer`.
    private func commitPendingWrites() {
        dispatchPrecondition(condition: .onQueue(self.writer))
        let writes = self.pending.withLock { pending in
            defer { pending = ([], false) }
            return pending.writes
        }
        var group = WriteGroup(state: self.writerState.state)
        for write in writes { group.stage(write) }
        if !group.entries.isEmpty, let directory = self.writerState.directory {
            do {
                try self.append(group.entries, to: directory)
            } catch {
                group.failStaged(with: .storage(error))
                self.log("a write failed and nothing was stored: \(error)")
                self.writesFailing.withLock { $0 = true }
                group.complete()
                return
            }
            self.writesFailing.withLock { $0 = false }
        }
        self.writerState.state = group.state
        if !group.changes.isEmpty {
            self.publish(group.delta, changes: group.changes, version: group.state.lastChange)
        }
        self.writerState.forward(group.entries)
        group.complete()
        self.compactIfNeeded()
    }

    /// Appends a group's entries; when the journal was removed or replaced under the server,
    /// first writes the whole state to a new snapshot and journal, so that nothing acknowledged
    /// before is lost either. Runs on `writer`.
    private func append(_ entries: [JournalEntry], to directory: DataDirectory) throws(StoreError) {
        do throws(StoreError) {
            try directory.append(entries)
        } catch .journalReplaced(let path) {
            let state = self.writerState.state
            self.log("the journal '\(path)' was removed or replaced while serving: writing the whole collection to a new snapshot")
            try directory.replaceLostJournal(with: state.compactionEntries, lastChange: state.lastChange)
            try directory.append(entries)
        }
    }

    /// Whether the latest write failed for storage (disk full, I/O error): for `/metrics`,
    /// so that an operator is alerted while reads still work.
    public var isFailingWrites: Bool {
        self.writesFailing.withLock { $0 }
    }

    /// Swaps in the new snapshot and tells the publish handler. A delta that changes most of
    /// the collection (a follower starting again) builds the snapshot anew from the writer's
    /// state; any other is applied to the current one. Runs on `writer`.
    func publish(_ delta: CollectionDelta, changes: [Change], version: Int) {
        dispatchPrecondition(condition: .onQueue(self.writer))
        // Only the writer swaps `current`, so the next snapshot is built outside the lock.
        let documents = self.writerState.state.documents
        let added = delta.added
        let snapshot =
            RebuildPolicy.buildsAnew(
                changes: added.count + delta.removed.count, collection: documents.count,
                fewestChanges: self.writerState.configuration.rebuildingChanges)
            ? Snapshot(documents: Array(documents.values), version: version)
            : self.snapshot.applying(adding: added, removing: delta.removed, version: version)
        self.current.withLock { $0 = snapshot }
        self.changes.append(changes)
        let handler = self.publishHandler.withLock { $0 }
        handler?(Publication(snapshot: snapshot, added: added, removed: delta.removed, changes: changes))
    }

    /// Folds the journal into the snapshot file once it holds more than the threshold, unless
    /// a compaction is under way. The snapshot is written on `compaction` while writes go on;
    /// the writer only begins it and puts the files in place (renames, and a copy of the
    /// records appended meanwhile), so no write waits for the whole collection to be written.
    /// Runs on `writer`.
    private func compactIfNeeded() {
        guard let directory = self.writerState.directory, !self.writerState.isCompacting, directory.journalHoldsRecords,
            directory.journalSize > self.writerState.configuration.compactionThreshold, self.beginBackgroundWork()
        else { return }
        let state = self.writerState.state
        let compaction: DataDirectory.Compaction
        do {
            compaction = try directory.beginCompaction(lastChange: state.lastChange)
        } catch {
            self.endBackgroundWork()
            return
        }
        self.writerState.isCompacting = true
        self.compaction.async {
            let written = Result { () throws(StoreError) in try DataDirectory.writeSnapshot(of: compaction, entries: state.compactionEntries) }
            self.writer.async { self.finishCompaction(written, lastChange: compaction.lastChange) }
        }
    }

    /// Puts a compaction's snapshot in place, and starts the next if the journal has grown
    /// past the threshold again meanwhile. Runs on `writer`.
    private func finishCompaction(_ written: Result<DataDirectory.WrittenSnapshot, StoreError>, lastChange: Int) {
        defer { self.endBackgroundWork() }
        self.writerState.isCompacting = false
        guard let directory = self.writerState.directory else { return }
        do {
            if try directory.finishCompaction(try written.get()) {
                self.log("compacted the journal into the snapshot as of change \(lastChange)")
            }
        } catch {
            self.log("compaction failed; the journal keeps growing: \(error)")
        }
        self.compactIfNeeded()
    }

    /// Applies a replayed entry. A creation's stored document is used as it is, whichever
    /// extractor made it: a writer serves it until `reextractOutdated` replaces it, a follower
    /// serves what its writer made. A record with no document (an older store's) is ingested
    /// again, with no budget: it was accepted once, and CPU time differs from machine to
    /// machine and run to run.
    @discardableResult
    static func replay(_ entry: JournalEntry, into state: inout StoreState, ingestor: any SubmissionIngesting, notices: inout [String]) -> Change? {
        guard case .created(let number, _, let id, let submission, _, let stored) = entry else {
            return state.apply(entry)
        }
        do {
            var current = entry
            if stored == nil {
                let document = try ingestor.ingest(submission, id: id, budget: .unlimited)
                current = entry.replacingIngested(with: IngestedDocument(document: document, extractorVersion: ingestor.extractorVersion))
            }
            if state.documents[id] != nil && state.isUntouchedSeed(id) {
                notices.append("change \(number): the stored document '\(id)' replaces the seed with the same id")
            }
            return state.apply(current)
        } catch {
            notices.append("change \(number): the stored document '\(id)' no longer ingests (\(error)); it is not served")
            state.advance(to: number)
            return nil
        }
    }
}

/// The writer's state.
///
/// - Note: `@unchecked Sendable`: confined to `DocumentStore.writer`; only code running on that
///   queue (and the initialiser, before the queue is used) touches it.
final class WriterState: @unchecked Sendable {
    var state: StoreState
    /// The seeds the state started from, for a follower that starts again; a follower's are
    /// replaced by its writer's at each reset.
    var seeds: [Document]
    /// The latest entries, for followers that resume.
    var tail: JournalTail
    /// The open replication feeds; one that returns `false` has ended and is dropped.
    var followers: [@Sendable (ReplicationUpdate) -> Bool] = []
    let directory: DataDirectory?
    let configuration: DocumentStore.Configuration
    /// Whether a compaction has begun and not yet finished.
    var isCompacting = false

    init(state: StoreState, seeds: [Document], tail: JournalTail, directory: DataDirectory?, configuration: DocumentStore.Configuration) {
        self.state = state
        self.seeds = seeds
        self.tail = tail
        self.directory = directory
        self.configuration = configuration
    }

    /// Keeps newly applied entries in the tail and sends them to every follower.
    func forward(_ entries: [JournalEntry]) {
        guard !entries.isEmpty else { return }
        self.tail.append(entries)
        self.send(.append(entries))
    }

    /// Sends an update to every follower, dropping those that have ended.
    func send(_ update: ReplicationUpdate) {
        self.followers.removeAll { deliver in !deliver(update) }
    }
}
