@testable import HTTPClient
import Testing

/// `ChunkSizeLine.size(of:)`: hexadecimal sizes and well-formed extensions (RFC 9112 §7.1).
struct ChunkSizeLineTests {
    private func size(_ line: String) throws(HTTPClientError) -> Int {
        try ChunkSizeLine.size(of: ArraySlice(line.utf8))
    }

    @Test(arguments: [("0", 0), ("1a", 26), ("FF", 255), ("00010", 16), ("fffffffffffffff", 0xfff_ffff_ffff_ffff)])
    func readsHexadecimalSize(_ line: String, expected: Int) throws {
        #expect(try self.size(line) == expected)
    }

    @Test(arguments: ["5;name", "5;name=value", "5 ; a=1 ;b", "5;a=\"quoted ; value\"", "5;a=\"esc \\\" aped\"", "5;a = b"])
    func acceptsExtensions(_ line: String) throws {
        #expect(try self.size(line) == 5)
    }

    @Test(arguments: ["", ";a", "x", "-1", "+1", "5x", "5 x", "5;", "5;=v", "5;a=", "5;a=\"open", "5;a=b c", "5;a\u{1}"])
    func rejectsMalformedLine(_ line: String) {
        let error = #expect(throws: HTTPClientError.self) { try self.size(line) }
        #expect(error?.description.hasPrefix("malformed chunk: ") == true)
    }

    @Test func rejectsSizeOfSixteenDigits() {
        #expect(throws: HTTPClientError.malformedChunk("chunk size too large")) { try self.size("1000000000000000") }
    }
}
