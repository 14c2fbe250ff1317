@testable import Store
import Testing

extension StoreTests {
    /// `CRC32C.checksum` against published check values (RFC 3720 appendix B.4 and the catalogue's check).
    struct CRC32CTests {
        @Test func checkValueOfTheDigits() {
            #expect(CRC32C.checksum(Array("123456789".utf8)[...]) == 0xE306_9283)
        }

        @Test func emptyInputIsZero() {
            #expect(CRC32C.checksum([]) == 0)
        }

        @Test(arguments: [
            ([UInt8](repeating: 0, count: 32), UInt32(0x8A91_36AA)),
            ([UInt8](repeating: 0xFF, count: 32), UInt32(0x62A8_AB43)),
            ((0..<32).map { UInt8($0) }, UInt32(0x46DD_794E)),
            ((0..<32).map { UInt8(31 - $0) }, UInt32(0x113F_DB5C)),
        ])
        func iSCSIVectors(_ bytes: [UInt8], _ expected: UInt32) {
            #expect(CRC32C.checksum(bytes[...]) == expected)
        }

        /// Eight bytes a step, then the rest one at a time: every length and alignment agrees
        /// with the one-byte-a-step definition.
        @Test func everyLengthAndOffsetMatchesTheBytewiseDefinition() {
            func bytewise(_ bytes: ArraySlice<UInt8>) -> UInt32 {
                var crc: UInt32 = 0xFFFF_FFFF
                for byte in bytes {
                    crc ^= UInt32(byte)
                    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
                }
                return ~crc
            }
            let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            for start in 0..<9 {
                for end in start...(start + 40) {
                    #expect(CRC32C.checksum(bytes[start..<end]) == bytewise(bytes[start..<end]))
                }
            }
        }

        @Test func sliceChecksIndependentlyOfItsPosition() {
            let bytes = Array("xx123456789yy".utf8)
            #expect(CRC32C.checksum(bytes[2..<11]) == 0xE306_9283)
        }
    }
}
