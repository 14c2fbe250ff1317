import DocumentModel

/// The most recent `Idempotency-Key`s and what their requests created, so that a retried
/// request gets the same answer instead of a second document.
///
/// Bounded: the oldest keys are forgotten first. Rebuilt from the journal on start-up, so a
/// retry after a crash or restart is still recognised.
struct IdempotencyLedger {
    /// What a key's first request did.
    struct Record {
        /// The fingerprint of that request, to tell a retry from a different request.
        let fingerprint: UInt64
        /// The document it created, as created.
        let document: Document
        /// Its change.
        let change: Change
    }

    let capacity: Int
    private var records: [String: Record] = [:]
    /// Keys in the order they were recorded; `order[start...]` are live.
    private var order: [String] = []
    private var start = 0

    init(capacity: Int) {
        precondition(capacity > 0, "a ledger keeps at least one key")
        self.capacity = capacity
    }

    /// What the first request with `key` did, if it is still remembered.
    func record(for key: String) -> Record? {
        self.records[key]
    }

    /// Remembers a key's first request, forgetting the oldest key when full.
    mutating func insert(_ record: Record, for key: String) {
        guard self.records.updateValue(record, forKey: key) == nil else { return }
        self.order.append(key)
        if self.order.count - self.start > self.capacity {
            self.records[self.order[self.start]] = nil
            self.start += 1
            if self.start > self.capacity {
                self.order.removeFirst(self.start)
                self.start = 0
            }
        }
    }
}
