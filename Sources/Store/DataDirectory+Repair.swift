import DocumentModel
import Glibc

extension DataDirectory {
    /// What `repair` found and did.
    public struct Repair: Sendable, Hashable {
        /// One for each record file there is, the snapshot first.
        public let files: [FileRepair]
        /// The collection's new identity, when a file was rewritten: writes it had numbered
        /// are gone, and a number may now name another write, so read replicas must start
        /// again rather than resume. `nil` when nothing was written.
        public let newIdentity: String?
    }

    /// What `repair` found in one record file, and did about it.
    public struct FileRepair: Sendable, Hashable {
        /// `snapshot` or `journal`.
        public let name: String
        /// What the salvage kept and dropped.
        public let report: SalvageReport
        /// The name the damaged original now has beside the repaired file; `nil` when the file
        /// was intact or nothing was written (a dry run).
        public let damagedCopy: String?
    }

    /// Salvages the snapshot and the journal of the data directory at `path` (see
    /// `RecordFileSalvage`) and, unless `dryRun`, puts each damaged one right.
    ///
    /// The directory's `LOCK` is held throughout, so no server runs on it meanwhile. A damaged
    /// file is replaced atomically: the salvaged bytes are written to `NAME.tmp` and synced,
    /// the original gets the further name `NAME.damaged-SUFFIX` (a hard link, so it is never
    /// copied nor lost), the temporary file is renamed over `NAME`, and the directory synced.
    /// Intact files are not touched. When a file was rewritten the collection gets a new
    /// identity (`ID`), so that read replicas start again instead of resuming change numbers
    /// that the writer has lost, or will give to other writes.
    ///
    /// - Parameters:
    ///   - path: an existing data directory; it is never created.
    ///   - dryRun: only report.
    ///   - damagedSuffix: ends the names of the damaged originals, e.g. a UTC timestamp.
    /// - Returns: what was found in each file and done.
    /// - Throws: `StoreError.locked` when a server holds the directory; `.io` when it does not
    ///   exist or a call fails; `.corrupt` for a snapshot whose header is damaged, and
    ///   `.unsupportedVersion`: nothing is written then.
    public static func repair(path: String, dryRun: Bool, damagedSuffix: String) throws(StoreError) -> Repair {
        let path = self.trimmingTrailingSlashes(path)
        // Open it first: a mistyped path must not become a new data directory.
        try FileDescriptor.open(path, O_RDONLY | O_DIRECTORY).close()
        let lock = try self.lock(path)
        defer { lock.close() }
        var salvages: [(name: String, salvage: RecordFileSalvage)] = []
        var snapshotLastChange = 0
        if let bytes = try self.contents(of: path + "/snapshot") {
            salvages.append(("snapshot", try RecordFileSalvage.salvage(bytes, of: .snapshot, path: path + "/snapshot")))
            snapshotLastChange = try RecordFileReader.snapshotLastChange(bytes, file: path + "/snapshot")
        }
        if let bytes = try self.contents(of: path + "/journal") {
            let journal = RecordFileSalvage.File.journal(snapshotLastChange: snapshotLastChange)
            salvages.append(("journal", try RecordFileSalvage.salvage(bytes, of: journal, path: path + "/journal")))
        }
        var repairs: [FileRepair] = []
        for (name, salvage) in salvages {
            var damagedCopy: String?
            if !salvage.report.isIntact && !dryRun {
                damagedCopy = "\(name).damaged-\(damagedSuffix)"
                try self.replace(name, in: path, with: salvage.bytes, keepingOriginalAs: damagedCopy!)
            }
            repairs.append(FileRepair(name: name, report: salvage.report, damagedCopy: damagedCopy))
        }
        let isRewritten = repairs.contains { $0.damagedCopy != nil }
        return Repair(files: repairs, newIdentity: isRewritten ? try CollectionIdentity.renew(in: path) : nil)
    }

    /// `path` without trailing slashes (`/` stays).
    static func trimmingTrailingSlashes(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The whole file at `path`, `nil` when there is none.
    private static func contents(of path: String) throws(StoreError) -> [UInt8]? {
        guard let file = try FileDescriptor.openIfExists(path, O_RDONLY) else { return nil }
        defer { file.close() }
        return try file.readAll()
    }

    /// Replaces `name` in the directory at `path` with `bytes`, the original kept as `copy`.
    private static func replace(_ name: String, in path: String, with bytes: [UInt8], keepingOriginalAs copy: String) throws(StoreError) {
        let file = path + "/" + name
        let fresh = try FileSystem.writeTemporaryFile(file + ".tmp") { fresh throws(StoreError) in try fresh.write(bytes, at: 0) }
        fresh.close()
        try FileSystem.link(file, as: path + "/" + copy)
        try FileSystem.rename(fresh.path, to: file)
        try FileSystem.syncDirectory(path)
    }
}
