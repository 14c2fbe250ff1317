import DocumentModel

/// The fixed start of the two record files (integers little-endian):
///
/// | bytes | `journal` | `snapshot` |
/// | --- | --- | --- |
/// | 8 | magic `DOSSIERJ` | magic `DOSSIERS` |
/// | 4 | UInt32 format version, 1 | the same |
/// | 4 | UInt32 reserved, 0 | the same |
/// | 8 | | Int64 `lastChange`: the snapshot holds every change up to it |
///
/// Records (see `RecordCodec`) follow the header to the end of the file.
struct RecordFileHeader {
    /// The format version written, and the newest read.
    static let version: UInt32 = 1
    /// The journal's header.
    static let journal = RecordFileHeader(magic: "DOSSIERJ", size: 16)
    /// The snapshot's header.
    static let snapshot = RecordFileHeader(magic: "DOSSIERS", size: 24)

    /// The first eight bytes.
    let magic: [UInt8]
    /// Bytes before the first record.
    let size: Int

    private init(magic: String, size: Int) {
        self.magic = Array(magic.utf8)
        self.size = size
    }

    /// Magic, version and reserved word: the first 16 bytes.
    var commonBytes: [UInt8] {
        var bytes = self.magic
        bytes.appendLittleEndian(Self.version)
        bytes.appendLittleEndian(UInt32(0))
        return bytes
    }

    /// Checks the magic, version and reserved word at the start of `bytes`.
    ///
    /// - Precondition: `bytes` holds at least 16 bytes.
    /// - Throws: `StoreError.corrupt` naming `file` for a wrong magic (offset 0) or a non-zero
    ///   reserved word (offset 12); `StoreError.unsupportedVersion` for any other version.
    func validate(_ bytes: [UInt8], file: String) throws(StoreError) {
        guard bytes.starts(with: self.magic) else {
            throw .corrupt(file: file, offset: 0, reason: "the file does not start with '\(String(decoding: self.magic, as: UTF8.self))'")
        }
        let version = bytes.littleEndian(UInt32.self, at: 8)
        guard version == Self.version else { throw .unsupportedVersion(file: file, version: version) }
        guard bytes.littleEndian(UInt32.self, at: 12) == 0 else {
            throw .corrupt(file: file, offset: 12, reason: "the reserved header word is not 0")
        }
    }
}
