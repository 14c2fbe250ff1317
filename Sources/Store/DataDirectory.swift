import DocumentModel
import Foundation
import Glibc

/// The data directory of live writes: a lock, the journal of writes and the compacted snapshot.
///
/// Files in the directory:
/// - `LOCK`: held with `flock(LOCK_EX | LOCK_NB)` through a descriptor kept open for this
///   object's life, so one process at a time owns the directory; the kernel releases it when
///   the process dies, even by `kill -9`. It holds the owner's pid, for humans.
/// - `snapshot`: the live state as of its header's `lastChange` (layout in `RecordFileHeader`,
///   records in `RecordCodec`). Written whole by `compact`.
/// - `journal`: every write accepted since (or shortly before) the snapshot, appended and synced
///   once per group of writes.
/// - `ID`: the collection's identity (`CollectionIdentity`), made at the first open.
/// - `*.tmp`: a file being written before its rename into place (`snapshot.N.tmp` by
///   compaction N); stale ones are removed at open.
/// - `journal.damaged-*`, `snapshot.damaged-*`: damaged originals that `repair` kept; never read.
///
/// Use: `open`, then `recover()` once, then `append` and `compact` as writes come, then `close()`.
/// A compaction can also be split (`DataDirectory+Compaction`), so that the snapshot is
/// written off the writer while writes go on.
///
/// - Important: Not thread-safe, and so not `Sendable`: it is confined to the single writer
///   queue that owns it, which orders every call.
public final class DataDirectory {
    /// The directory's path, as opened (without trailing slashes).
    public let path: String
    /// The identity of the collection it holds: the same across restarts, another for a
    /// directory started afresh.
    public let identity: String
    /// Bytes in the current journal, header included; 0 while there is no journal file. Compact
    /// when it grows large.
    public internal(set) var journalSize = 0
    /// Whether the journal holds any record past its header.
    public var journalHoldsRecords: Bool { self.journalSize > RecordFileHeader.journal.commonBytes.count }
    private var lock: FileDescriptor?
    var journal: FileDescriptor?
    /// The highest change number recovered, appended or compacted.
    var lastChange = 0
    /// Counts the journal files made: a compaction that began on one journal puts its
    /// snapshot in place only if that journal is still the current one.
    var journalGeneration = 0
    /// Compactions begun, which number their temporary snapshot files.
    var compactionsBegun = 0
    private var isRecovered = false
    /// Set when a write failed part-way: the journal may hold a torn tail past `journalSize`.
    /// The next write first cuts the journal back to `journalSize` (every byte before it was
    /// synced by an append that succeeded) and syncs that; until that works, every write
    /// throws this. So a full disk refuses writes while it is full, and takes them again
    /// once space is freed, without a restart.
    var failure: StoreError?
    /// What `open` tidied, reported by `recover()`.
    private var openingNotices: [String] = []

    private init(path: String, lock: FileDescriptor, identity: String) {
        self.path = path
        self.lock = lock
        self.identity = identity
    }

    deinit {
        self.close()
    }

    /// Opens and locks the data directory at `path`, creating it and any missing parents (each
    /// made durable by an fsync of its parent directory), and removes stale `*.tmp` files.
    ///
    /// - Throws: `StoreError.locked` when another process (or another open `DataDirectory` of
    ///   this process) holds it; `.cannotCreateDirectory` or `.io` otherwise.
    public static func open(path: String) throws(StoreError) -> DataDirectory {
        let path = self.trimmingTrailingSlashes(path)
        try FileSystem.createDirectory(path)
        let lock = try self.lock(path)
        let identity: String
        do throws(StoreError) {
            identity = try CollectionIdentity.read(in: path)
        } catch {
            lock.close()
            throw error
        }
        let directory = DataDirectory(path: path, lock: lock, identity: identity)
        // For humans only: a failure here does not matter.
        try? lock.truncate(to: 0)
        try? lock.write(Array("\(getpid())\n".utf8), at: 0)
        directory.removeStaleTemporaryFiles()
        return directory
    }

    /// Takes the `LOCK` of the existing directory at `path`, held while the descriptor returned
    /// stays open.
    ///
    /// - Throws: `StoreError.locked` when another open file description holds it; `.io` otherwise.
    static func lock(_ path: String) throws(StoreError) -> FileDescriptor {
        let lock = try FileDescriptor.open(path + "/LOCK", O_RDWR | O_CREAT)
        do throws(StoreError) {
            try lock.lockExclusively()
        } catch {
            lock.close()
            if case .io(_, _, EWOULDBLOCK) = error { throw .locked(path: path) }
            throw error
        }
        return lock
    }

    /// Reads the snapshot, then the journal, and returns every entry they hold.
    ///
    /// A torn or zero-filled final journal record (a crash during an append that never
    /// returned) is cut off with `ftruncate` and `fsync`, and reported in `notices`; so is a
    /// journal whose header was never completed. Journal entries already in the snapshot (a
    /// crash between the two steps of `compact`) are skipped. Call it once, before any write.
    ///
    /// - Throws: `StoreError.corrupt` for damage with data behind it, or in the snapshot;
    ///   `.unsupportedVersion`; `.io`. Start-up must stop on any of them.
    public func recover() throws(StoreError) -> Recovery {
        precondition(!self.isRecovered, "recover() runs once")
        var notices = self.openingNotices
        let snapshot = try self.readSnapshot()
        let journalEntries = try self.openJournal(notices: &notices)
        let replayed = journalEntries.drop { $0.change <= snapshot.lastChange }
        if replayed.count < journalEntries.count {
            notices.append(
                "journal: \(journalEntries.count - replayed.count) records already in the snapshot (changes up to \(snapshot.lastChange)) skipped: a compaction was interrupted before the journal was reset")
        }
        self.lastChange = max(snapshot.lastChange, journalEntries.last?.change ?? 0)
        self.isRecovered = true
        return Recovery(entries: snapshot.entries + replayed, lastChange: self.lastChange, notices: notices, journalRecords: replayed.count)
    }

    /// Appends `entries` to the journal with one write and one `fsync` (group commit),
    /// creating the journal (and syncing the directory) first if there is none.
    ///
    /// When it returns, every entry survives a crash. A crash before it returns leaves a prefix
    /// of the entries, from none to all: recovery keeps the whole records and cuts off a torn one.
    /// After an I/O failure the directory refuses every later write with the same error.
    ///
    /// - Precondition: `recover()` has run, the directory is not closed, and change numbers
    ///   increase strictly from above the last one recovered, appended or compacted.
    /// - Throws: `StoreError.recordTooLarge` (nothing written) or `.io`.
    public func append(_ entries: [JournalEntry]) throws(StoreError) {
        try self.checkWritable()
        try self.checkJournalIsInPlace()
        let lastChange = Self.lastChange(of: entries, after: self.lastChange)
        var bytes: [UInt8] = []
        for entry in entries { try RecordCodec.appendRecord(entry, to: &bytes) }
        guard !bytes.isEmpty else { return }
        try self.failingPermanently { () throws(StoreError) in
            if self.journal == nil { try self.replaceJournal() }
            try self.journal!.write(bytes, at: self.journalSize)
            try self.journal!.sync()
        }
        self.journalSize += bytes.count
        self.lastChange = lastChange
    }

    /// Releases the lock and closes the files; the object is unusable after. Idempotent.
    public func close() {
        self.journal?.close()
        self.journal = nil
        self.lock?.close()
        self.lock = nil
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String {
        self.path + "/" + name
    }

    /// Removes `*.tmp` files left by a crash mid-write (safe: the lock is held).
    private func removeStaleTemporaryFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: self.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".tmp") && FileSystem.remove(self.file(name)) {
            self.openingNotices.append("removed the stale temporary file '\(name)'")
        }
    }

    /// The snapshot's contents, empty when there is none.
    private func readSnapshot() throws(StoreError) -> RecordFileReader.Snapshot {
        let path = self.file("snapshot")
        guard let file = try FileDescriptor.openIfExists(path, O_RDONLY) else { return .init(entries: [], lastChange: 0) }
        defer { file.close() }
        return try RecordFileReader.snapshot(try file.readAll(), file: path)
    }

    /// Opens the journal for appending, cutting off a torn tail, and returns its entries.
    private func openJournal(notices: inout [String]) throws(StoreError) -> [JournalEntry] {
        let path = self.file("journal")
        guard let file = try FileDescriptor.openIfExists(path, O_RDWR) else { return [] }
        do throws(StoreError) {
            let bytes = try file.readAll()
            switch try RecordFileReader.journal(bytes, file: path) {
            case .incompleteHeader:
                file.close()
                notices.append("journal: incomplete header (\(bytes.count) bytes) left by an interrupted creation discarded; the next write makes a new journal")
                return []
            case .records(let entries, let tornTail):
                var size = bytes.count
                if let tornTail {
                    try file.truncate(to: tornTail.offset)
                    try file.sync()
                    size = tornTail.offset
                    notices.append("journal: torn final record at byte \(tornTail.offset) (\(tornTail.byteCount) bytes) truncated: \(tornTail.reason)")
                }
                self.journal = file
                self.journalSize = size
                return entries
            }
        } catch {
            file.close()
            throw error
        }
    }

    /// Makes a new journal the current one, empty or holding `records`: header and records
    /// written to `journal.tmp`, synced, renamed over `journal`, directory synced.
    func replaceJournal(records: [UInt8] = []) throws(StoreError) {
        let header = RecordFileHeader.journal.commonBytes
        let fresh = try self.writeTemporaryFile("journal") { file throws(StoreError) in try file.write(header + records, at: 0) }
        do throws(StoreError) {
            try FileSystem.rename(fresh.path, to: self.file("journal"))
        } catch {
            fresh.close()
            throw error
        }
        self.journal?.close()
        self.journal = fresh
        self.journalSize = header.count + records.count
        self.journalGeneration += 1
        try FileSystem.syncDirectory(self.path)
    }

    /// Creates (or empties) `name.tmp`, lets `write` fill it, syncs it and returns it open.
    func writeTemporaryFile(_ name: String, _ write: (FileDescriptor) throws(StoreError) -> Void) throws(StoreError) -> FileDescriptor {
        try FileSystem.writeTemporaryFile(self.file(name + ".tmp"), write)
    }

    /// Stops on a misuse, and throws the failure that ended writing, if any.
    func checkWritable() throws(StoreError) {
        precondition(self.isRecovered, "recover() must run before any write")
        precondition(self.lock != nil, "the data directory is closed")
        guard let failure = self.failure else { return }
        guard let journal = self.journal else { throw failure }
        do throws(StoreError) {
            try journal.truncate(to: self.journalSize)
            try journal.sync()
        } catch {
            throw failure
        }
        self.failure = nil
    }

    /// Throws `.journalReplaced` when the open journal is no longer the file at its path
    /// (removed, or another file renamed over it): appending to it would acknowledge writes
    /// that the next start never reads. One `fstat` and one `stat` per group commit.
    private func checkJournalIsInPlace() throws(StoreError) {
        guard let journal = self.journal else { return }
        let open = try journal.status()
        var named = stat()
        let path = self.file("journal")
        guard open.st_nlink > 0, stat(path, &named) == 0, named.st_ino == open.st_ino, named.st_dev == open.st_dev else {
            throw .journalReplaced(path: path)
        }
    }

    /// Starts a new journal after the old one was removed or replaced: the whole state goes
    /// into a new snapshot (`compact`), so nothing acknowledged is lost at the next start.
    public func replaceLostJournal(with entries: [JournalEntry], lastChange: Int) throws(StoreError) {
        self.failure = nil
        try self.compact(entries, lastChange: lastChange)
    }

    /// Runs `body`; if it throws, no later write is attempted (see `failure`).
    func failingPermanently(_ body: () throws(StoreError) -> Void) throws(StoreError) {
        do throws(StoreError) {
            try body()
        } catch {
            self.failure = error
            throw error
        }
    }

    /// The last change number of `entries` (`change` when empty).
    ///
    /// - Precondition: their change numbers increase strictly from above `change`.
    private static func lastChange(of entries: [JournalEntry], after change: Int) -> Int {
        entries.reduce(change) { previous, entry in
            precondition(entry.change > previous, "change number \(entry.change) does not follow \(previous)")
            return entry.change
        }
    }
}
