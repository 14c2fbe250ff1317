@testable import Access
import Testing

/// `SHA256` against the FIPS 180-4 example vectors, across block-boundary lengths.
struct SHA256Tests {
    @Test func emptyMessage() {
        #expect(SHA256.hexDigest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func oneBlockMessage() {
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func messageWhosePaddingNeedsASecondBlock() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)  // 56 bytes
        #expect(SHA256.hexDigest(of: message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func twoBlockMessage() {
        let message = Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8)
        #expect(SHA256.hexDigest(of: message) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func millionBytes() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(of: message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func digestIs32Bytes() {
        #expect(SHA256.digest(of: Array("dsk_".utf8)).count == 32)
    }
}

/// `Hex` round trips and rejects what is not hexadecimal.
struct HexTests {
    @Test func roundTrip() {
        let bytes: [UInt8] = [0x00, 0x0F, 0xA5, 0xFF]
        #expect(Hex.encode(bytes) == "000fa5ff")
        #expect(Hex.decode("000FA5ff") == bytes)
    }

    @Test(arguments: ["0", "0g", "zz", "12 4"])
    func rejectsNonHexadecimal(_ text: String) {
        #expect(Hex.decode(text) == nil)
    }
}
