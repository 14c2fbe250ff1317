import DocumentModel

/// Salvages a damaged journal or snapshot held in memory: keeps every intact record, in change
/// order, and drops the damaged bytes between them.
///
/// Where `RecordFileReader` stops at a damaged record that has data behind it, the salvage
/// resynchronises: from the damaged byte it tries every later offset until an intact record
/// starts there, and reports the bytes it skipped as a `SalvageReport.DroppedRange`. A record
/// is intact when its length fits the file, its leading fields are plausible, its CRC-32C
/// matches and its payload decodes. An intact record whose change number does not follow the
/// last one kept (a repeat, or one going backwards), or in the snapshot one above the header's
/// last change, is dropped too. Kept records are copied byte for byte.
///
/// The journal's header is fixed, so a damaged one is written anew (its 16 bytes reported as
/// dropped), but one with another format version is left alone unless an intact record of
/// this version follows it (then the version word is what is damaged); the snapshot's holds its last change number, so a damaged one cannot be salvaged.
///
/// - Complexity: O(*n*) for a file of *n* bytes in the normal case: each offset tried while
///   resynchronising costs a few comparisons, and only a candidate whose length, kind, change
///   number and first string lengths are plausible costs a checksum. Checksums (and decodes)
///   of candidates that prove not to be records are capped at `hashBudget` bytes (by default four times the
///   file plus 1 MiB); past it, the rest of the file is dropped, the reason saying so.
struct RecordFileSalvage {
    /// Which file is salvaged.
    enum File {
        /// The journal; `snapshotLastChange` (0 without a snapshot) is where its changes
        /// start, for reporting those missing before its first kept record.
        case journal(snapshotLastChange: Int)
        /// The snapshot.
        case snapshot
    }

    /// The salvaged file: a valid header, then the kept records.
    let bytes: [UInt8]
    /// What was kept and dropped.
    let report: SalvageReport

    /// Salvages `bytes`, the contents of `file` at `path`.
    ///
    /// - Parameters:
    ///   - bytes: the whole damaged (or intact) file.
    ///   - file: the journal or the snapshot.
    ///   - path: the file's path, for errors.
    ///   - hashBudget: bytes that checksums of non-records may cover; `nil` for the default.
    /// - Returns: the salvage; an intact file comes back unchanged, with an intact report.
    /// - Throws: `StoreError.unsupportedVersion` for a file of another format version whose
    ///   first record is not one of this version (not touched: a newer build may read it);
    ///   `.corrupt` for a snapshot header that is damaged.
    static func salvage(_ bytes: [UInt8], of file: File, path: String, hashBudget: Int? = nil) throws(StoreError) -> RecordFileSalvage {
        var walk = Walk(bytes: bytes, hashBudget: hashBudget ?? 4 * bytes.count + (1 << 20))
        let start: Int
        switch file {
        case .journal(let snapshotLastChange):
            walk.missingFloor = snapshotLastChange
            let header = RecordFileHeader.journal
            if bytes.count < header.size {
                // What start-up itself discards: an interrupted creation.
                if header.commonBytes.starts(with: bytes) || bytes.allSatisfy({ $0 == 0 }) {
                    return RecordFileSalvage(bytes: bytes, report: walk.report)
                }
                walk.output = header.commonBytes
                walk.openDamage(at: 0, .damagedHeader)
                return walk.finish()
            }
            do throws(StoreError) {
                try header.validate(bytes, file: path)
                walk.output = Array(bytes[..<header.size])
            } catch {
                // Another version with records of this one behind it is a damaged version word.
                if case .unsupportedVersion = error, bytes.count > header.size, !walk.isRecord(at: header.size) { throw error }
                walk.output = header.commonBytes
                walk.openDamage(at: 0, .damagedHeader)
            }
            start = header.size
        case .snapshot:
            walk.ceiling = try RecordFileReader.snapshotLastChange(bytes, file: path)
            start = RecordFileHeader.snapshot.size
            walk.output = Array(bytes[..<start])
        }
        walk.run(from: start)
        return walk.finish()
    }
}

extension RecordFileSalvage {
    /// Why the bytes at an offset are not a record that can be kept.
    private enum Defect {
        case damagedHeader
        case zeroTail
        case incompleteFrame
        case implausibleLength(Int)
        case unknownKind(UInt8)
        case implausibleFields
        case checksumMismatch
        case malformed(String)
        case outOfOrder(change: Int, previous: Int)
        case aboveSnapshot(change: Int, lastChange: Int)
        indirect case gaveUp(after: Defect)

        var reason: String {
            switch self {
            case .damagedHeader: return "the file header is damaged"
            case .zeroTail: return "the rest of the file is zero bytes"
            case .incompleteFrame: return "a record's length and CRC are incomplete"
            case .implausibleLength(let length): return "the declared length of \(length) bytes does not fit"
            case .unknownKind(let kind): return "the record kind \(kind) is unknown"
            case .implausibleFields: return "the record's leading fields do not fit its length"
            case .checksumMismatch: return "the record's CRC-32C does not match"
            case .malformed(let reason): return "the record's payload is malformed: \(reason)"
            case .outOfOrder(let change, let previous): return "change number \(change) does not follow change \(previous)"
            case .aboveSnapshot(let change, let lastChange): return "change number \(change) is above the snapshot's last change \(lastChange)"
            case .gaveUp(let defect):
                return "\(defect.reason); then no record was found within the checksum budget, so the rest of the file is dropped"
            }
        }
    }

    /// What is at an offset.
    private enum Candidate {
        case record(end: Int, change: Int)
        case defect(Defect)
    }

    /// The walk over the records, with what it kept and dropped so far.
    private struct Walk {
        let bytes: [UInt8]
        /// Bytes that checksums of candidates proved not to be records may still cover.
        var hashBudget: Int
        /// The highest change number a record may have (the snapshot's last change).
        var ceiling = Int.max
        /// The change before the journal's first; `nil` for the snapshot (no missing changes).
        var missingFloor: Int?
        var output: [UInt8] = []
        var keptRecords = 0
        var lastChange = 0
        var dropped: [SalvageReport.DroppedRange] = []
        var missingChanges: [ClosedRange<Int>] = []
        var unknownChangesAfter: Int?
        /// The dropped run being extended, if any.
        var damage: (offset: Int, defect: Defect)?

        init(bytes: [UInt8], hashBudget: Int) {
            self.bytes = bytes
            self.hashBudget = hashBudget
        }

        var report: SalvageReport {
            SalvageReport(
                fileBytes: self.bytes.count, keptRecords: self.keptRecords, dropped: self.dropped,
                missingChanges: self.missingChanges, unknownChangesAfter: self.unknownChangesAfter)
        }

        /// Starts a dropped run at `offset` unless one is already open.
        mutating func openDamage(at offset: Int, _ defect: Defect) {
            if self.damage == nil { self.damage = (offset, defect) }
        }

        /// Keeps or drops each record from `start` on.
        mutating func run(from start: Int) {
            // Everything from `dataEnd` on is zero bytes.
            let dataEnd = (self.bytes.lastIndex { $0 != 0 } ?? -1) + 1
            var offset = start
            while offset < self.bytes.count {
                guard offset < dataEnd else {
                    self.openDamage(at: offset, .zeroTail)
                    return
                }
                guard self.damage == nil || self.hashBudget > 0 else {
                    let (started, defect) = self.damage!
                    self.damage = (started, .gaveUp(after: defect))
                    return
                }
                switch self.candidate(at: offset) {
                case .record(let end, let change):
                    if change <= self.lastChange {
                        self.openDamage(at: offset, .outOfOrder(change: change, previous: self.lastChange))
                    } else if change > self.ceiling {
                        self.openDamage(at: offset, .aboveSnapshot(change: change, lastChange: self.ceiling))
                    } else {
                        self.keep(offset..<end, change: change)
                    }
                    offset = end
                case .defect(let defect):
                    self.openDamage(at: offset, defect)
                    offset += 1
                }
            }
        }

        /// Whether an intact record starts at `offset`.
        mutating func isRecord(at offset: Int) -> Bool {
            guard case .record = self.candidate(at: offset) else { return false }
            return true
        }

        /// Closes the open dropped run at the end of the file and returns the salvage.
        mutating func finish() -> RecordFileSalvage {
            if let damage = self.damage {
                self.closeDamage(damage, at: self.bytes.count)
                if let floor = self.missingFloor { self.unknownChangesAfter = max(self.lastChange, floor) }
            }
            return RecordFileSalvage(bytes: self.output, report: self.report)
        }

        /// Copies the record at `range`, closing the dropped run before it.
        private mutating func keep(_ range: Range<Int>, change: Int) {
            if let damage = self.damage {
                self.closeDamage(damage, at: range.lowerBound)
                if let floor = self.missingFloor {
                    let firstMissing = max(self.lastChange, floor) + 1
                    if firstMissing < change { self.missingChanges.append(firstMissing...(change - 1)) }
                }
            }
            self.output.append(contentsOf: self.bytes[range])
            self.keptRecords += 1
            self.lastChange = change
        }

        private mutating func closeDamage(_ damage: (offset: Int, defect: Defect), at end: Int) {
            self.dropped.append(.init(offset: damage.offset, byteCount: end - damage.offset, reason: damage.defect.reason))
            self.damage = nil
        }

        /// The record at `offset`, checked cheapest first: the frame and leading fields, then
        /// the checksum, then the whole payload.
        private mutating func candidate(at offset: Int) -> Candidate {
            let bytes = self.bytes
            let payloadStart = offset + RecordCodec.frameBytes
            guard payloadStart <= bytes.count else { return .defect(.incompleteFrame) }
            let length = Int(bytes.littleEndian(UInt32.self, at: offset))
            guard length >= RecordCodec.minimumPayloadBytes, length <= RecordCodec.maximumPayloadBytes, length <= bytes.count - payloadStart
            else { return .defect(.implausibleLength(length)) }
            let kind = bytes[payloadStart]
            guard RecordCodec.kinds.contains(kind) else { return .defect(.unknownKind(kind)) }
            let change = bytes.littleEndian(Int64.self, at: payloadStart + 1)
            guard change > 0, RecordCodec.leadingFieldsFit(bytes[payloadStart..<(payloadStart + length)]) else {
                return .defect(.implausibleFields)
            }
            let payload = bytes[payloadStart..<(payloadStart + length)]
            guard CRC32C.checksum(payload) == bytes.littleEndian(UInt32.self, at: offset + 4) else {
                self.hashBudget -= length
                return .defect(.checksumMismatch)
            }
            do throws(MalformedPayload) {
                _ = try RecordCodec.decode(payload)
            } catch {
                self.hashBudget -= length
                return .defect(.malformed(error.reason))
            }
            return .record(end: payloadStart + length, change: Int(change))
        }
    }
}
