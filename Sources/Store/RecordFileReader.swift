import Corpus
import DocumentModel

/// The recovery rules: parses whole journal and snapshot files already read into memory.
///
/// A damaged final record of the journal is a torn tail, the trace of a crash during an
/// append that never returned, and is reported for truncation. A damaged record with data
/// behind it is corruption, reported with its offset, never skipped: "data behind it" means
/// any intact record later in the file, so a damaged length field that points past the end
/// cannot pass for a torn tail and cut off the records after it. The snapshot is written
/// to a temporary file, synced and renamed into place, so any damage in it is corruption.
enum RecordFileReader {
    /// A torn final record (or zero-filled tail): the file should end at `offset`.
    struct TornTail: Sendable, Hashable {
        /// Where the torn record starts.
        let offset: Int
        /// Bytes from `offset` to the end of the file.
        let byteCount: Int
        /// Why it counts as torn.
        let reason: String
    }

    /// What the journal holds.
    enum Journal {
        /// Shorter than its header, the bytes being a prefix of one or zeros: a crash while
        /// the journal was being created. It holds no records.
        case incompleteHeader
        /// The records in order, and the torn tail after them if any.
        case records([JournalEntry], tornTail: TornTail?)
    }

    /// What the snapshot holds.
    struct Snapshot {
        /// The records in order.
        let entries: [JournalEntry]
        /// Every change up to this is in `entries` (or was deleted before compaction).
        let lastChange: Int
    }

    /// Parses the journal named `file`.
    ///
    /// - Throws: `StoreError.corrupt` or `.unsupportedVersion`.
    static func journal(_ bytes: [UInt8], file: String) throws(StoreError) -> Journal {
        let header = RecordFileHeader.journal
        if bytes.count < header.size {
            guard header.commonBytes.starts(with: bytes) || bytes.allSatisfy({ $0 == 0 }) else {
                throw .corrupt(file: file, offset: 0, reason: "the header is incomplete (\(bytes.count) bytes) and not a journal's")
            }
            return .incompleteHeader
        }
        try header.validate(bytes, file: file)
        let (entries, tornTail) = try self.records(bytes, from: header.size, upTo: Int.max, file: file)
        return .records(entries, tornTail: tornTail)
    }

    /// Parses the snapshot named `file`.
    ///
    /// - Throws: `StoreError.corrupt` or `.unsupportedVersion`.
    static func snapshot(_ bytes: [UInt8], file: String) throws(StoreError) -> Snapshot {
        let lastChange = try self.snapshotLastChange(bytes, file: file)
        let (entries, tornTail) = try self.records(bytes, from: RecordFileHeader.snapshot.size, upTo: lastChange, file: file)
        if let tornTail { throw .corrupt(file: file, offset: tornTail.offset, reason: "the final record is torn: \(tornTail.reason)") }
        return Snapshot(entries: entries, lastChange: lastChange)
    }

    /// Checks the header of the snapshot named `file` and returns its last change number.
    ///
    /// - Throws: `StoreError.corrupt` or `.unsupportedVersion`.
    static func snapshotLastChange(_ bytes: [UInt8], file: String) throws(StoreError) -> Int {
        let header = RecordFileHeader.snapshot
        guard bytes.count >= header.size else {
            throw .corrupt(file: file, offset: 0, reason: "the header is incomplete (\(bytes.count) of \(header.size) bytes)")
        }
        try header.validate(bytes, file: file)
        let lastChange = Int(bytes.littleEndian(Int64.self, at: 16))
        guard lastChange >= 0 else { throw .corrupt(file: file, offset: 16, reason: "the last change number \(lastChange) is negative") }
        return lastChange
    }

    /// The records from `start` on, whose change numbers must increase from 1 and stay at most
    /// `ceiling`, and the torn tail if the file has one.
    ///
    /// The frames are walked and checksummed in order; their payloads, which hold whole
    /// documents, are decoded on every core. A fault is reported where a one-pass reading
    /// would have met it first: a payload that does not decode, or a change number out of
    /// order, before any damaged frame after it.
    private static func records(
        _ bytes: [UInt8], from start: Int, upTo ceiling: Int, file: String
    ) throws(StoreError) -> ([JournalEntry], TornTail?) {
        // Everything from `dataEnd` on is zero bytes.
        let dataEnd = (bytes.lastIndex { $0 != 0 } ?? -1) + 1
        let (frames, fault) = self.frames(bytes, from: start, dataEnd: dataEnd)
        let decoded = ConcurrentMap.map(frames) { frame in
            Result { () throws(MalformedPayload) in try RecordCodec.decode(bytes[frame.payload]) }
        }
        var entries: [JournalEntry] = []
        entries.reserveCapacity(frames.count)
        var previousChange = 0
        for (frame, result) in zip(frames, decoded) {
            let entry: JournalEntry
            switch result {
            case .success(let decodedEntry): entry = decodedEntry
            case .failure(let error):
                throw .corrupt(file: file, offset: frame.offset, reason: "the record's payload is malformed: \(error.reason)")
            }
            guard entry.change > previousChange else {
                throw .corrupt(file: file, offset: frame.offset, reason: "change number \(entry.change) does not follow change \(previousChange)")
            }
            guard entry.change <= ceiling else {
                throw .corrupt(file: file, offset: frame.offset, reason: "change number \(entry.change) is above the snapshot's last change \(ceiling)")
            }
            entries.append(entry)
            previousChange = entry.change
        }
        switch fault {
        case nil:
            return (entries, nil)
        case .torn(let offset, let reason):
            if let later = self.firstIntactRecord(in: bytes, after: offset, before: dataEnd) {
                throw .corrupt(file: file, offset: offset, reason: "the record is damaged (\(reason)) and an intact record follows at byte \(later)")
            }
            return (entries, TornTail(offset: offset, byteCount: bytes.count - offset, reason: reason))
        case .corrupt(let offset, let reason):
            throw .corrupt(file: file, offset: offset, reason: reason)
        }
    }

    /// One whole record whose CRC checks.
    private struct Frame: Sendable {
        /// Where its frame starts.
        let offset: Int
        /// Where its payload lies in the file.
        let payload: Range<Int>
    }

    /// What ended a walk of the frames before the end of the file.
    private enum FrameFault {
        /// A record that may be the trace of a crash mid-append, if nothing intact follows.
        case torn(offset: Int, reason: String)
        /// Damage that cannot be a torn tail.
        case corrupt(offset: Int, reason: String)
    }

    /// The whole, checksummed frames from `start` on, and what stopped the walk early, if
    /// anything; `dataEnd` is where the file's trailing zero bytes start. A length over the cap is corruption, never a torn tail: no write makes one,
    /// not even a torn one.
    private static func frames(_ bytes: [UInt8], from start: Int, dataEnd: Int) -> ([Frame], FrameFault?) {
        var frames: [Frame] = []
        var offset = start
        while offset < bytes.count {
            if offset >= dataEnd { return (frames, .torn(offset: offset, reason: "the rest of the file is zero bytes")) }
            guard bytes.count - offset >= RecordCodec.frameBytes else {
                return (frames, .torn(offset: offset, reason: "its length and CRC are incomplete"))
            }
            let length = Int(bytes.littleEndian(UInt32.self, at: offset))
            guard length <= RecordCodec.maximumPayloadBytes else {
                return (frames, .corrupt(offset: offset, reason: "the declared length of \(length) bytes is over the 64 MiB cap"))
            }
            let end = offset + RecordCodec.frameBytes + length
            guard end <= bytes.count else {
                return (frames, .torn(offset: offset, reason: "its declared length of \(length) bytes runs past the end of the file"))
            }
            let payload = (offset + RecordCodec.frameBytes)..<end
            guard CRC32C.checksum(bytes[payload]) == bytes.littleEndian(UInt32.self, at: offset + 4) else {
                if end >= dataEnd { return (frames, .torn(offset: offset, reason: "its CRC-32C does not match and nothing but zero bytes follows it")) }
                return (frames, .corrupt(offset: offset, reason: "the record's CRC-32C does not match and \(bytes.count - end) bytes follow it"))
            }
            frames.append(Frame(offset: offset, payload: payload))
            offset = end
        }
        return (frames, nil)
    }

    /// The offset of the first whole record with a matching CRC that starts after `offset` and
    /// before `dataEnd`, if any.
    ///
    /// Every byte offset is a candidate; the checksum, the costly part, is only computed for
    /// candidates whose length fits the file and whose payload starts with a known kind, so
    /// the scan is linear in practice.
    private static func firstIntactRecord(in bytes: [UInt8], after offset: Int, before dataEnd: Int) -> Int? {
        var candidate = offset + 1
        while candidate + RecordCodec.frameBytes < dataEnd {
            let length = Int(bytes.littleEndian(UInt32.self, at: candidate))
            let end = candidate + RecordCodec.frameBytes + length
            if length > 0, end <= bytes.count, RecordCodec.kinds.contains(bytes[candidate + RecordCodec.frameBytes]),
                CRC32C.checksum(bytes[(candidate + RecordCodec.frameBytes)..<end]) == bytes.littleEndian(UInt32.self, at: candidate + 4)
            {
                return candidate
            }
            candidate += 1
        }
        return nil
    }
}
