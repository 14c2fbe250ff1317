import Foundation
import Serialization
import Testing
import TestSupport

/// String escaping: whatever the writer emits must parse back to the original string.
struct JSONWriterStringTests {
    static let trickyStrings: [String] = [
        "",
        "plain ascii",
        "\"quoted\"",
        "back\\slash \\\\ \\\"",
        "\u{7F}DEL",
        "line\u{2028}separator\u{2029}paragraph",
        "emoji 😀 flag 🇺🇳 family 👨‍👩‍👧",
        "astral 𝄞 𐍈",
        "e\u{0301} combining, precomposed é, n\u{0303}",
        "CJK 北朝鮮 인권 日本語",
        "RTL עברית العربية",
        "mixed \"q\" \\ \n\t\u{0}\u{1F} 😀",
        "/ forward slash </script>",
    ]

    @Test(arguments: trickyStrings)
    func trickyStringRoundTripsThroughJSONSerialization(_ text: String) throws {
        #expect(try JSONTestSupport.roundTripScalars(text) == Array(text.unicodeScalars))
    }

    @Test(arguments: UInt32(0x00)...UInt32(0x1F))
    func everyControlCharacterRoundTrips(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let text = "a\(Character(scalar))b"
        #expect(try JSONTestSupport.roundTripScalars(text) == Array(text.unicodeScalars))
    }

    @Test(arguments: UInt8(0x00)...UInt8(0x1F))
    func controlCharacterIsNeverWrittenRaw(_ byte: UInt8) {
        let text = String(decoding: [byte], as: UTF8.self)
        let bytes = JSONWriter.serialize(.string(text))
        #expect(!bytes.contains(byte))
    }

    @Test(arguments: [
        ("\n", #""\n""#), ("\r", #""\r""#), ("\t", #""\t""#), ("\u{8}", #""\b""#), ("\u{C}", #""\f""#),
        ("\u{0}", #""\u0000""#), ("\u{1}", #""\u0001""#), ("\u{1F}", #""\u001f""#),
        ("\"", #""\"""#), ("\\", #""\\""#), ("\u{2028}", #""\u2028""#), ("\u{2029}", #""\u2029""#),
        ("\u{7F}", "\"\u{7F}\""), ("/", #""/""#), ("é", "\"é\""), ("€", "\"€\""), ("\u{2027}", "\"\u{2027}\""),
    ])
    func escapesCharacterAsGolden(_ text: String, _ expected: String) {
        #expect(JSONTestSupport.text(.string(text)) == expected)
    }

    /// Escaped line and paragraph separators keep the output safe to embed in JavaScript.
    @Test func lineAndParagraphSeparatorsAreNeverWrittenRaw() throws {
        let written = try #require(JSONTestSupport.text(.string("a\u{2028}b\u{2029}c")))
        #expect(!written.unicodeScalars.contains("\u{2028}"))
        #expect(!written.unicodeScalars.contains("\u{2029}"))
    }

    /// Property: any string round-trips, and the output is valid UTF-8 with no raw controls.
    @Test func randomStringsRoundTrip() throws {
        var generator = SplitMix64(seed: 0x0D05_5132)
        for _ in 0..<500 {
            let text = JSONTestSupport.randomString(length: Int.random(in: 0...40, using: &generator), using: &generator)
            let bytes = JSONWriter.serialize(.string(text))
            #expect(String(validating: bytes, as: UTF8.self) != nil)
            #expect(!bytes.contains { $0 < 0x20 })
            #expect(try JSONTestSupport.roundTripScalars(text) == Array(text.unicodeScalars), "case: \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func randomObjectKeysRoundTrip() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<100 {
            let key = JSONTestSupport.randomString(length: Int.random(in: 1...12, using: &generator), using: &generator)
            let parsed = try JSONTestSupport.parse(JSONWriter.serialize(.object([(key, .int(1))])))
            let object = try #require(parsed as? [String: Any])
            #expect(Array(object.keys) == [key])
        }
    }

    @Test func writeStringAppendsToExistingBytes() {
        var writer = JSONWriter()
        writer.writeString("a")
        writer.writeString("\"")
        #expect(writer.bytes == Array(#""a""\"""#.utf8))
    }
}
