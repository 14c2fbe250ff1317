import DocumentModel

/// What `DataDirectory.recover()` found.
public struct Recovery: Sendable {
    /// The compacted snapshot's entries, then the journal's entries with a change number above
    /// the snapshot's `lastChange`: strictly increasing change numbers, in the order written.
    public let entries: [JournalEntry]
    /// The highest change number seen (the snapshot's `lastChange` when the journal adds
    /// nothing), 0 for a new directory. The next write is `lastChange + 1`.
    public let lastChange: Int
    /// Log lines about what recovery repaired or skipped, e.g.
    /// `journal: torn final record at byte 1234 (57 bytes) truncated: ...`.
    public let notices: [String]
    /// How many records were replayed from the journal (those in `entries` after the snapshot's).
    public let journalRecords: Int

    /// Makes a recovery result (for tests of code that consumes one).
    public init(entries: [JournalEntry], lastChange: Int, notices: [String], journalRecords: Int) {
        self.entries = entries
        self.lastChange = lastChange
        self.notices = notices
        self.journalRecords = journalRecords
    }
}
