import Corpus
import Locking
import Replication
import Store

/// Encodes each committed group of writes once for every follower it goes to.
///
/// The store hands each open `/v1/journal` feed the same `.append` in turn, on its writer
/// queue; the first feed encodes it and the others share the bytes (an array is copied only
/// when written to). So the work a write costs does not grow with each follower's encoding.
///
/// - Note: `Sendable`: the last group encoded is guarded by a mutex.
final class JournalAppendEncoding: Sendable {
    private let last = Locked<(entries: [JournalEntry], bytes: [UInt8])?>(nil)

    /// Makes an encoder that remembers nothing yet.
    init() {}

    /// The lines of `entries`, line feeds included.
    ///
    /// - Complexity: O(1) when `entries` is the group encoded last (the same array: arrays
    ///   compare their storage first), else O(*n*) in its encoded size.
    func bytes(of entries: [JournalEntry]) -> [UInt8] {
        self.last.withLock { last in
            if let last, last.entries == entries { return last.bytes }
            let bytes = entries.flatMap { JournalWire.encode(.entry($0)) }
            last = (entries, bytes)
            return bytes
        }
    }
}
