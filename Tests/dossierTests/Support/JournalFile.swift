import Foundation

/// The records of a data directory's `journal`, read from its bytes as `RecordCodec`
/// documents them: after the 16-byte header, each record is a UInt32 LE payload length, a
/// UInt32 LE CRC-32C, then the payload (UInt8 kind, Int64 change, Int64 time, then the id as a
/// UInt32 byte count and UTF-8).
///
/// Only the frames and the leading fields are read: enough for a test to cut the file at a
/// chosen record, or damage one, and to know which write each record holds. CRCs are not checked.
///
/// ```swift
/// let journal = try JournalFile(path: directory + "/journal")
/// try journal.truncate(to: journal.records.last!.offset + 3)  // inside the last frame
/// ```
struct JournalFile {
    /// One record.
    struct Record: Sendable, Hashable {
        /// What the record holds.
        enum Kind: UInt8, Sendable, Hashable {
            /// A creation without its document, as older stores wrote.
            case created = 1
            case deleted = 2
            /// A creation with its ingested document.
            case createdWithDocument = 3
        }

        /// Where its frame starts.
        let offset: Int
        /// Where its payload starts: after the length and the CRC.
        var payloadOffset: Int { self.offset + JournalFile.frameBytes }
        /// Where the next record starts.
        let end: Int
        let kind: Kind
        /// The change number.
        let change: Int
        /// The document's id.
        let id: String
    }

    /// The file header's size.
    static let headerBytes = 16
    /// The length and CRC before each payload.
    static let frameBytes = 8

    /// The file's path.
    let path: String
    /// The whole file.
    let bytes: [UInt8]
    /// Its whole records, in order.
    let records: [Record]

    /// Reads the journal at `path`.
    ///
    /// - Throws: `CocoaError` when the file cannot be read; `JournalFileError` when a whole
    ///   record cannot be parsed (a torn tail just ends the list).
    init(path: String) throws {
        self.path = path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        self.bytes = bytes
        var records: [Record] = []
        var offset = Self.headerBytes
        while offset + Self.frameBytes <= bytes.count {
            let end = offset + Self.frameBytes + Int(Self.integer(UInt32.self, at: offset, in: bytes))
            guard end <= bytes.count else { break }
            let payload = offset + Self.frameBytes
            let idLength = Int(Self.integer(UInt32.self, at: payload + 17, in: bytes))
            guard let kind = Record.Kind(rawValue: bytes[payload]), payload + 21 + idLength <= end else {
                throw JournalFileError(offset: offset)
            }
            records.append(
                Record(
                    offset: offset, end: end, kind: kind, change: Int(Self.integer(Int64.self, at: payload + 1, in: bytes)),
                    id: String(decoding: bytes[(payload + 21)..<(payload + 21 + idLength)], as: UTF8.self)))
            offset = end
        }
        self.records = records
    }

    /// Cuts the file to its first `length` bytes.
    func truncate(to length: Int) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: self.path))
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(length))
    }

    /// Writes `bytes` over the file.
    func overwrite(with bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: self.path))
    }

    /// The little-endian integer at `offset` of `bytes`.
    private static func integer<Integer: FixedWidthInteger>(_: Integer.Type, at offset: Int, in bytes: [UInt8]) -> Integer {
        bytes[offset..<(offset + MemoryLayout<Integer>.size)].reversed().reduce(0) { $0 << 8 | Integer($1) }
    }
}

/// A whole record of a journal whose payload does not start as a record's should.
struct JournalFileError: Error, CustomStringConvertible {
    /// Where the record starts.
    let offset: Int

    var description: String { "the journal record at byte \(self.offset) is not a created or deleted record" }
}
