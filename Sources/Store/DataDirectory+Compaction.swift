extension DataDirectory {
    /// A compaction begun on the writer: the state as of `lastChange` goes into a new snapshot,
    /// and the journal keeps only what was appended after its first `journalOffset` bytes.
    ///
    /// Its snapshot can be written on any queue (`writeSnapshot`), while the writer goes on
    /// appending; only `finishCompaction`, which puts the files in place, runs on the writer.
    /// So a write waits for the renames and for copying the records appended meanwhile, never
    /// for the whole collection to be written.
    public struct Compaction: Sendable {
        /// The change the snapshot is as of.
        public let lastChange: Int
        fileprivate let directoryPath: String
        fileprivate let journalOffset: Int
        fileprivate let journalGeneration: Int
        fileprivate let number: Int

        fileprivate var temporaryPath: String { self.directoryPath + "/snapshot.\(self.number).tmp" }
    }

    /// A compaction's snapshot, written and synced under a temporary name.
    public struct WrittenSnapshot: Sendable {
        fileprivate let compaction: Compaction
    }

    /// Replaces the snapshot with `entries`, the whole live state, then starts a new empty
    /// journal; all on the caller's queue.
    ///
    /// Each file is written under a temporary name, synced, renamed into place, and the
    /// directory synced. A crash between the two leaves the new snapshot and the old journal,
    /// whose entries recovery skips as already in the snapshot; a failure before the
    /// snapshot's rename changes nothing.
    ///
    /// - Parameters:
    ///   - entries: the live state; written in change order.
    ///   - lastChange: the change number the state is as of.
    /// - Precondition: `recover()` has run, the directory is not closed, `lastChange` is at
    ///   least the last change recovered or appended, and the entries' change numbers are
    ///   distinct, positive and at most `lastChange`.
    /// - Throws: `StoreError.io` or `.recordTooLarge`.
    public func compact(_ entries: [JournalEntry], lastChange: Int) throws(StoreError) {
        let compaction = try self.beginCompaction(lastChange: lastChange)
        let written = try Self.writeSnapshot(of: compaction, entries: entries)
        _ = try self.finishCompaction(written)
    }

    /// Begins a compaction of the state as of `lastChange`: everything appended so far.
    ///
    /// - Precondition: as for `compact`; runs on the queue that owns the directory.
    /// - Throws: the failure that stopped writes, if any.
    public func beginCompaction(lastChange: Int) throws(StoreError) -> Compaction {
        try self.checkWritable()
        precondition(lastChange >= self.lastChange, "a snapshot as of change \(lastChange) would lose changes up to \(self.lastChange)")
        self.compactionsBegun += 1
        return Compaction(
            lastChange: lastChange, directoryPath: self.path, journalOffset: self.journalSize, journalGeneration: self.journalGeneration,
            number: self.compactionsBegun)
    }

    /// Writes and syncs the snapshot of `entries` under the compaction's temporary name. Any
    /// queue: it touches no state of the directory, only its own file.
    ///
    /// - Precondition: the entries are the state as of `compaction.lastChange`.
    /// - Throws: `StoreError.io` or `.recordTooLarge`; the temporary file is then removed.
    public static func writeSnapshot(of compaction: Compaction, entries: [JournalEntry]) throws(StoreError) -> WrittenSnapshot {
        let ordered = entries.sorted { $0.change < $1.change }
        precondition(ordered.last.map { $0.change <= compaction.lastChange } ?? true, "a snapshot's entries must be as of its last change")
        do throws(StoreError) {
            let file = try FileSystem.writeTemporaryFile(compaction.temporaryPath) { file throws(StoreError) in
                var bytes = RecordFileHeader.snapshot.commonBytes
                bytes.appendLittleEndian(Int64(compaction.lastChange))
                var offset = 0
                for entry in ordered {
                    try RecordCodec.appendRecord(entry, to: &bytes)
                    // Written a megabyte at a time, so a large corpus is not encoded whole in memory.
                    if bytes.count >= 1 << 20 {
                        try file.write(bytes, at: offset)
                        offset += bytes.count
                        bytes.removeAll(keepingCapacity: true)
                    }
                }
                try file.write(bytes, at: offset)
            }
            file.close()
        } catch {
            _ = FileSystem.remove(compaction.temporaryPath)
            throw error
        }
        return WrittenSnapshot(compaction: compaction)
    }

    /// Puts a written snapshot in place and starts a journal holding only the records
    /// appended since the compaction began. Runs on the queue that owns the directory.
    ///
    /// - Returns: `false`, with the snapshot discarded, when the journal was replaced since
    ///   the compaction began (a newer snapshot is already in place).
    /// - Throws: `StoreError.io`; a failure after the snapshot's rename stops later writes as
    ///   an append's failure does.
    public func finishCompaction(_ written: WrittenSnapshot) throws(StoreError) -> Bool {
        let compaction = written.compaction
        guard compaction.journalGeneration == self.journalGeneration, compaction.journalOffset <= self.journalSize else {
            _ = FileSystem.remove(compaction.temporaryPath)
            return false
        }
        do throws(StoreError) {
            try self.checkWritable()
            try FileSystem.rename(compaction.temporaryPath, to: self.file("snapshot"))
        } catch {
            _ = FileSystem.remove(compaction.temporaryPath)
            throw error
        }
        try FileSystem.syncDirectory(self.path)
        self.lastChange = max(self.lastChange, compaction.lastChange)
        try self.failingPermanently { () throws(StoreError) in try self.replaceJournal(keepingFrom: compaction.journalOffset) }
        return true
    }

    /// Starts a journal holding the current one's records from byte `offset` on.
    private func replaceJournal(keepingFrom offset: Int) throws(StoreError) {
        guard let journal = self.journal, offset < self.journalSize else { return try self.replaceJournal() }
        try self.replaceJournal(records: try journal.read(from: offset, count: self.journalSize - offset))
    }
}
