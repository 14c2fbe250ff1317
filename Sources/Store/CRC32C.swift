import DocumentModel

/// CRC-32C (Castagnoli): reflected polynomial 0x82F63B78, initial value and final XOR
/// 0xFFFFFFFF, as in iSCSI, ext4 and LevelDB. `"123456789"` checks to 0xE3069283.
///
/// Slicing-by-8: eight tables let each step fold eight bytes, read as one little-endian
/// word, instead of one (Intel's "slicing-by-8", as zlib and LevelDB's portable path do).
/// Recovery checksums every record of the journal and snapshot, and a start checksums every
/// seed file, so at archive size this is a gigabyte per start.
enum CRC32C {
    /// The checksum of `bytes`.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        // Through buffer pointers: element access on the arrays themselves costs bounds and
        // lazy-initialization checks per byte.
        bytes.withUnsafeBytes { bytes in
            self.tables.withUnsafeBufferPointer { tables in
                var crc: UInt32 = 0xFFFF_FFFF
                var offset = 0
                while bytes.count - offset >= 8 {
                    let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ UInt64(crc)
                    crc = tables[7 * 256 + Int(word & 0xFF)] ^ tables[6 * 256 + Int((word >> 8) & 0xFF)]
                        ^ tables[5 * 256 + Int((word >> 16) & 0xFF)] ^ tables[4 * 256 + Int((word >> 24) & 0xFF)]
                        ^ tables[3 * 256 + Int((word >> 32) & 0xFF)] ^ tables[2 * 256 + Int((word >> 40) & 0xFF)]
                        ^ tables[1 * 256 + Int((word >> 48) & 0xFF)] ^ tables[Int(word >> 56)]
                    offset += 8
                }
                while offset < bytes.count {
                    crc = tables[Int(UInt8(truncatingIfNeeded: crc) ^ bytes[offset])] ^ (crc >> 8)
                    offset += 1
                }
                return ~crc
            }
        }
    }

    /// Table `k` (entries `k * 256 ..< (k + 1) * 256`) holds the remainder of each byte value
    /// followed by `k` zero bytes; table 0 is the one-byte-a-step table.
    private static let tables: [UInt32] = {
        var tables = (0...255).map { (value: UInt32) in
            var remainder = value
            for _ in 0..<8 {
                remainder = remainder & 1 == 1 ? (remainder >> 1) ^ 0x82F6_3B78 : remainder >> 1
            }
            return remainder
        }
        for slice in 1..<8 {
            for value in 0..<256 {
                let previous = tables[(slice - 1) * 256 + value]
                tables.append(tables[Int(previous & 0xFF)] ^ (previous >> 8))
            }
        }
        return tables
    }()
}
