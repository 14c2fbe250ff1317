import Corpus
import DocumentModel
import Store

/// Turns the replication feed's bytes into the updates they carry: a `reset` is gathered up
/// to its `synced` and given whole; other entries are given as soon as their bytes are in.
struct FeedReader {
    /// The writer's collection identity, once the feed has given it.
    private(set) var collection: String?
    private var lines: LineSplitter
    /// The reset being gathered, if one is.
    private var reset: (through: Int, seeds: [IngestedDocument]?, entries: [JournalEntry])?

    init(maxLineBytes: Int) {
        self.lines = LineSplitter(maxLineBytes: maxLineBytes)
    }

    /// The updates that `bytes` complete, in order.
    ///
    /// - Throws: `FollowerError.lineTooLong` or `.invalidLine`.
    mutating func read(_ bytes: [UInt8]) throws(FollowerError) -> [ReplicationUpdate] {
        var updates: [ReplicationUpdate] = []
        var entries: [JournalEntry] = []
        for line in try self.lines.push(bytes) {
            let decoded: JournalWire.Line
            do {
                decoded = try JournalWire.decode(line)
            } catch {
                throw .invalidLine(error)
            }
            switch decoded {
            case .collection(let identity):
                self.collection = identity
            case .reset(let through):
                self.reset = (through, nil, [])
            case .seed(let seed):
                guard self.reset != nil else { throw .invalidLine(.malformed("a seed outside a reset")) }
                if self.reset?.seeds == nil { self.reset?.seeds = [] }
                self.reset?.seeds?.append(seed)
            case .entry(let entry):
                if self.reset != nil { self.reset?.entries.append(entry) } else { entries.append(entry) }
            case .synced(let through):
                if let reset = self.reset {
                    updates.append(.reset(seeds: reset.seeds, entries: reset.entries, through: through))
                    self.reset = nil
                } else {
                    updates.append(.resume(entries: entries, through: through))
                    entries = []
                }
            case .heartbeat:
                break
            }
        }
        if !entries.isEmpty { updates.append(.append(entries)) }
        return updates
    }
}
