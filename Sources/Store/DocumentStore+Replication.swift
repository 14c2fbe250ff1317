import Dispatch
import DocumentModel

extension DocumentStore {
    /// Feeds a follower whose copy is as of change `since` (0 for a new follower).
    ///
    /// `deliver` is called on the writer queue: first with `.resume` when every entry after
    /// `since` is still held (and `startAgain` is false and `since` is not 0), or else with
    /// `.reset`, which carries this store's seeds; then with `.append` for each committed
    /// group, until it returns `false` (its client has gone). A new follower (at change 0) has
    /// no seeds of its own, so it always starts with a reset; its change history starts there.
    ///
    /// - Parameters:
    ///   - since: the change the follower's copy is as of.
    ///   - startAgain: whether its copy is of another collection (another `identity`), whose
    ///     change numbers name other writes.
    ///   - deliver: sends an update; `false` once the follower has gone.
    public func replicate(after since: Int, startAgain: Bool = false, to deliver: @escaping @Sendable (ReplicationUpdate) -> Bool) {
        self.writer.async {
            let writer = self.writerState
            let state = writer.state
            let held = startAgain || since == 0 ? nil : writer.tail.entries(after: since)
            let catchUp: ReplicationUpdate =
                held.map { .resume(entries: Array($0), through: state.lastChange) }
                ?? .reset(seeds: self.ingestedSeeds, entries: state.compactionEntries, through: state.lastChange)
            if deliver(catchUp) { writer.followers.append(deliver) }
        }
    }

    /// Applies what a writer sent (see `replicate(after:to:)`), in the order given, then
    /// publishes the result and passes it on to this store's own followers.
    ///
    /// For a store that follows another process's: its `isReadOnly` store of the same seeds.
    /// Entries it already has (by change number) are skipped; a document that no longer
    /// ingests is reported through the store's log and not served, as in a replay.
    ///
    /// - Parameters:
    ///   - update: what the writer sent.
    ///   - completion: called on the writer queue once the update is published.
    public func apply(_ update: ReplicationUpdate, completion: @escaping @Sendable () -> Void = {}) {
        self.writer.async {
            switch update {
            case .reset(let seeds, let entries, let through):
                self.startAgain(from: seeds.map { $0.map(\.document) } ?? self.writerState.seeds, entries: entries, through: through)
            case .resume(let entries, let through):
                self.append(entries, through: through)
            case .append(let entries):
                self.append(entries, through: nil)
            }
            completion()
        }
    }

    /// Applies entries that follow the current state. Runs on `writer`.
    private func append(_ entries: [JournalEntry], through: Int?) {
        dispatchPrecondition(condition: .onQueue(self.writer))
        let writer = self.writerState
        var state = writer.state
        var delta = CollectionDelta()
        var changes: [Change] = []
        var notices: [String] = []
        let fresh = entries.filter { $0.change > state.lastChange }
        for entry in fresh {
            let wasLive = state.documents[entry.id] != nil
            guard let change = Self.replay(entry, into: &state, ingestor: self.ingestor, notices: &notices) else { continue }
            changes.append(change)
            if let document = state.documents[entry.id] {
                delta.stored(document, replacing: wasLive)
            } else {
                delta.deleted(entry.id)
            }
        }
        if let through { state.advance(to: through) }
        writer.state = state
        notices.forEach(self.log)
        if !changes.isEmpty { self.publish(delta, changes: changes, version: state.lastChange) }
        writer.forward(fresh)
    }

    /// The seeds this store started from, as sent to a follower. Runs on `writer`.
    private var ingestedSeeds: [IngestedDocument] {
        self.writerState.seeds.map { IngestedDocument(document: $0, extractorVersion: self.ingestor.extractorVersion) }
    }

    /// Replaces the collection with `seeds` plus `entries`, as of change `through`. Runs on
    /// `writer`. The seeds and entries carry the writer's documents, so starting again costs
    /// the transfer and the decoding, not an ingestion per document.
    private func startAgain(from seeds: [Document], entries: [JournalEntry], through: Int) {
        dispatchPrecondition(condition: .onQueue(self.writer))
        let writer = self.writerState
        let old = writer.state
        writer.seeds = seeds
        var state = StoreState(seeds: seeds, lastChange: 0, idempotencyCapacity: writer.configuration.idempotencyCapacity)
        var notices: [String] = []
        for entry in entries {
            Self.replay(entry, into: &state, ingestor: self.ingestor, notices: &notices)
        }
        state.advance(to: through)
        // Kept: a document from the same change, or the same seed. Seeds are compared whole,
        // as the writer's may differ from those this copy had.
        func isKept(_ id: String) -> Bool {
            let origin = state.origin(of: id)
            return origin == old.origin(of: id) && (origin != 0 || state.documents[id] == old.documents[id])
        }
        var delta = CollectionDelta()
        for id in old.documents.keys where !isKept(id) { delta.deleted(id) }
        for (id, document) in state.documents.entries where !isKept(id) {
            delta.stored(document, replacing: false)
        }
        writer.state = state
        writer.tail = JournalTail(after: through, capacity: writer.configuration.historyCapacity)
        notices.forEach(self.log)
        // The changes before `through` were never seen here: event clients resume from it.
        self.changes.restart(after: through)
        self.publish(delta, changes: [], version: through)
        writer.send(.reset(seeds: self.ingestedSeeds, entries: state.compactionEntries, through: through))
    }
}
