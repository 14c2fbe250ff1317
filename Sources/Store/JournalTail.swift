import DocumentModel

/// The latest journal entries, so that a follower that reconnects gets only what it missed
/// instead of the whole collection again.
///
/// Bounded by a number of entries and by the bytes of their texts; the oldest go first. It
/// covers the changes after `coveredAfter` through `last`: every entry in that range is kept
/// (change numbers may skip, so the range is tracked, not inferred from the entries).
///
/// - Note: a value type, confined to the store's writer queue like the rest of its state.
struct JournalTail {
    /// Entries kept by default.
    static let defaultCapacity = 10_000
    /// Text bytes kept by default.
    static let defaultTextCapacity = 64 * 1024 * 1024

    /// Kept entries in order; `entries[start...]` are live, earlier slots await reclaiming.
    private var entries: [JournalEntry] = []
    private var start = 0
    private var textBytes = 0
    /// The change after which every entry is kept.
    private(set) var coveredAfter: Int
    /// The latest change number covered.
    private(set) var last: Int
    private let capacity: Int
    private let textCapacity: Int

    /// An empty tail covering nothing after change `last`.
    init(after last: Int, capacity: Int = Self.defaultCapacity, textCapacity: Int = Self.defaultTextCapacity) {
        precondition(capacity > 0, "a journal tail keeps at least one entry")
        self.coveredAfter = last
        self.last = last
        self.capacity = capacity
        self.textCapacity = textCapacity
    }

    /// Keeps `entries`, which continue the sequence, dropping the oldest past the bounds.
    mutating func append(_ entries: some Sequence<JournalEntry>) {
        for entry in entries {
            precondition(entry.change > self.last, "journal entries arrive in change order")
            self.entries.append(entry)
            self.textBytes += Self.textSize(of: entry)
            self.last = entry.change
        }
        while self.entries.count - self.start > self.capacity
            || (self.textBytes > self.textCapacity && self.entries.count - self.start > 1)
        {
            let dropped = self.entries[self.start]
            self.textBytes -= Self.textSize(of: dropped)
            self.coveredAfter = dropped.change
            self.start += 1
        }
        // Reclaim dropped slots once they outnumber the kept ones: amortised O(1) per entry.
        if self.start > self.entries.count - self.start {
            self.entries.removeFirst(self.start)
            self.start = 0
        }
    }

    /// The entries after change `since`, or `nil` when some are no longer kept or `since` is
    /// past the last change (a follower of another collection).
    func entries(after since: Int) -> ArraySlice<JournalEntry>? {
        guard since >= self.coveredAfter, since <= self.last else { return nil }
        let kept = self.entries[self.start...]
        // Numbers increase but may skip: find the first after `since` by binary search.
        return kept[kept.partitionPoint { $0.change > since }...]
    }

    private static func textSize(of entry: JournalEntry) -> Int {
        guard case .created(_, _, _, let submission, _, _) = entry else { return 0 }
        return submission.text.utf8.count
    }
}
