import DocumentModel

/// The documents ingested from a seeds folder, kept in the data directory (`seeds.cache`) so
/// that a restart on an archive-sized folder reads them instead of ingesting every file again.
///
/// Each entry is keyed by the file's name and fingerprinted by its size and CRC-32C: a file
/// whose bytes changed, or a document another extractor version made, is ingested again. It
/// is derived data: a missing, damaged or foreign file is an empty cache, never an error, and
/// loading costs what reading and checksumming the files costs.
///
/// The file: the 8 bytes `DSSEEDS1`, then one frame per entry, each a UInt32 payload length
/// and the payload's CRC-32C, then the payload: the file name (varint-prefixed), the text's
/// size (varint) and CRC-32C (UInt32), the extractor version (varint) and the document
/// (`DocumentCodec`). Reading stops at the first frame that does not check.
public struct SeedCache: Sendable {
    /// What a seed file's bytes are checked against.
    public struct Fingerprint: Sendable, Hashable {
        /// The file's size in bytes.
        public let byteCount: Int
        /// The CRC-32C of its bytes.
        public let checksum: UInt32

        /// The fingerprint of a file's bytes.
        public init(of bytes: [UInt8]) {
            self.byteCount = bytes.count
            self.checksum = CRC32C.checksum(bytes[...])
        }

        init(byteCount: Int, checksum: UInt32) {
            self.byteCount = byteCount
            self.checksum = checksum
        }
    }

    /// One file's document.
    public struct Entry: Sendable, Hashable {
        /// The bytes it was ingested from.
        public let fingerprint: Fingerprint
        /// What ingestion made of them.
        public let ingested: IngestedDocument

        /// Pairs a file's fingerprint with its document.
        public init(fingerprint: Fingerprint, ingested: IngestedDocument) {
            self.fingerprint = fingerprint
            self.ingested = ingested
        }
    }

    /// The file's first bytes.
    static let magic = Array("DSSEEDS1".utf8)

    /// The entries by file name.
    public private(set) var entries: [String: Entry]

    /// A cache of these entries (none: an empty cache).
    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// The document made from `name` when its bytes have `fingerprint` and `extractorVersion`
    /// made it.
    public func document(for name: String, fingerprint: Fingerprint, extractorVersion: Int) -> Document? {
        guard let entry = self.entries[name], entry.fingerprint == fingerprint, entry.ingested.extractorVersion == extractorVersion else {
            return nil
        }
        return entry.ingested.document
    }

    /// The file's bytes, entries in name order.
    var bytes: [UInt8] {
        var bytes = Self.magic
        var payload: [UInt8] = []
        for (name, entry) in self.entries.sorted(by: { $0.key < $1.key }) {
            payload.removeAll(keepingCapacity: true)
            payload.appendVarintPrefixed(name)
            payload.appendVarint(entry.fingerprint.byteCount)
            payload.appendLittleEndian(entry.fingerprint.checksum)
            payload.appendVarint(entry.ingested.extractorVersion)
            DocumentCodec.append(entry.ingested.document, to: &payload)
            bytes.appendLittleEndian(UInt32(truncatingIfNeeded: payload.count))
            bytes.appendLittleEndian(CRC32C.checksum(payload[...]))
            bytes.append(contentsOf: payload)
        }
        return bytes
    }

    /// Reads a cache file's bytes: the entries before the first defect, none when the bytes
    /// are not a cache at all.
    init(bytes: [UInt8]) {
        self.entries = [:]
        guard bytes.starts(with: Self.magic) else { return }
        var offset = Self.magic.count
        while bytes.count - offset >= 8 {
            let length = Int(bytes.littleEndian(UInt32.self, at: offset))
            let start = offset + 8
            guard length <= bytes.count - start else { return }
            let payload = bytes[start..<(start + length)]
            guard CRC32C.checksum(payload) == bytes.littleEndian(UInt32.self, at: offset + 4),
                let (name, entry) = try? Self.entry(payload)
            else { return }
            self.entries[name] = entry
            offset = start + length
        }
    }

    private static func entry(_ payload: ArraySlice<UInt8>) throws(MalformedPayload) -> (String, Entry) {
        var reader = ByteReader(payload)
        let name = try reader.varintPrefixedString("file name")
        let fingerprint = Fingerprint(byteCount: try reader.varint("file size"), checksum: try reader.integer(UInt32.self, "checksum"))
        let version = try reader.varint("extractor version")
        let document = try DocumentCodec.read(from: &reader)
        guard reader.remaining == 0 else { throw MalformedPayload(reason: "bytes follow the document") }
        return (name, Entry(fingerprint: fingerprint, ingested: IngestedDocument(document: document, extractorVersion: version)))
    }
}
