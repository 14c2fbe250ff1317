import DocumentModel

/// What salvaging one record file (the journal or the snapshot) kept and dropped.
public struct SalvageReport: Sendable, Hashable {
    /// A run of bytes that held no intact record, or held records out of change order.
    public struct DroppedRange: Sendable, Hashable {
        /// Where the run starts in the damaged file.
        public let offset: Int
        /// How many bytes it covers.
        public let byteCount: Int
        /// What was wrong at its first byte, e.g. `the record's CRC-32C does not match`.
        public let reason: String
    }

    /// The damaged file's size.
    public let fileBytes: Int
    /// Intact records kept, in change order.
    public let keptRecords: Int
    /// The runs dropped, in file order; empty when the file is intact.
    public let dropped: [DroppedRange]
    /// Journal change numbers that are neither kept nor in the snapshot, found as gaps in the
    /// sequence across a dropped range; empty for the snapshot, whose sequence has gaps anyway.
    public let missingChanges: [ClosedRange<Int>]
    /// Set when a dropped range runs to the end of the journal: changes after this one may
    /// have been lost, how many is unknown.
    public let unknownChangesAfter: Int?

    /// Whether nothing was dropped.
    public var isIntact: Bool { self.dropped.isEmpty }

    /// Bytes dropped in all.
    public var droppedBytes: Int { self.dropped.reduce(0) { $0 + $1.byteCount } }

    /// How many change numbers `missingChanges` names.
    public var missingChangeCount: Int { self.missingChanges.reduce(0) { $0 + $1.count } }
}
