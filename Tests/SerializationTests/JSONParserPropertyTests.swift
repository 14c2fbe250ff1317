import Serialization
import Testing
import TestSupport

/// Seeded random checks: whatever `JSONWriter` writes parses back equal, and damaged
/// documents give an error, never a crash.
struct JSONParserPropertyTests {
    /// A hand-written document using every feature, not in the writer's canonical form.
    static let richDocument = """
        {"id": "dossier-7", "title": "Élection — résultats \\"officiels\\"",
         "text": "Ligne 1\\nLigne 2\\t\\u00e9 \\ud83d\\ude00 \\u2028 北朝鮮 😀\\/",
         "published": "2026-11-02", "score": -12.5e-3, "ratio": 1E+2, "count": 42,
         "big": 12345678901234567890, "tags": ["a", true, false, null, [], {}],
         "nested": {"deep": [[0.5, {"x": -0}]]}}
        """

    /// A random value at most four containers deep.
    static func randomValue(depth: Int = 0, using generator: inout SplitMix64) -> JSONValue {
        switch Int.random(in: 0..<(depth < 4 ? 8 : 6), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Self.randomInt(using: &generator))
        case 3: return .double(Self.randomDouble(using: &generator))
        case 4, 5: return .string(Self.randomString(using: &generator))
        case 6:
            let count = Int.random(in: 0...5, using: &generator)
            return .array((0..<count).map { _ in self.randomValue(depth: depth + 1, using: &generator) })
        default:
            return self.randomObject(depth: depth, using: &generator)
        }
    }

    /// A random object with distinct keys.
    static func randomObject(depth: Int = 0, using generator: inout SplitMix64) -> JSONValue {
        var keys: Set<String> = []
        var members: [(String, JSONValue)] = []
        for _ in 0..<Int.random(in: 0...5, using: &generator) {
            let key = Self.randomString(using: &generator)
            guard keys.insert(key).inserted else { continue }
            members.append((key, self.randomValue(depth: depth + 1, using: &generator)))
        }
        return .object(members)
    }

    static func randomInt(using generator: inout SplitMix64) -> Int {
        guard Bool.random(using: &generator) else { return Int(truncatingIfNeeded: generator.next()) }
        return Int.random(in: -1000...1000, using: &generator)
    }

    /// Any finite double: half from random bits (subnormals and huge exponents included),
    /// half short decimals.
    static func randomDouble(using generator: inout SplitMix64) -> Double {
        guard Bool.random(using: &generator) else {
            return Double(Int.random(in: -100_000...100_000, using: &generator)) / 64
        }
        while true {
            let number = Double(bitPattern: generator.next())
            if number.isFinite { return number }
        }
    }

    static func randomString(using generator: inout SplitMix64) -> String {
        JSONTestSupport.randomString(length: Int.random(in: 0...12, using: &generator), using: &generator)
    }

    // MARK: Properties

    @Test(arguments: [false, true])
    func writerOutputParsesBackEqual(pretty: Bool) throws {
        var generator = SplitMix64(seed: pretty ? 0x5EED_0002 : 0x5EED_0001)
        for _ in 0..<500 {
            let value = Self.randomValue(using: &generator)
            let bytes = JSONWriter.serialize(value, pretty: pretty)
            let parsed = try JSONParser.parse(bytes)
            #expect(parsed == value, "\(String(decoding: bytes, as: UTF8.self))")
            // Bytes, not `==`: string equality would hide a change of scalars.
            #expect(JSONWriter.serialize(parsed, pretty: pretty) == bytes)
        }
    }

    /// Every proper prefix of an object is incomplete, so each must fail, at or before the cut.
    @Test func everyTruncationFailsAtOrBeforeTheCut() throws {
        var generator = SplitMix64(seed: 0x7C07)
        let documents = [Array(Self.richDocument.utf8)]
            + (0..<8).map { _ in JSONWriter.serialize(Self.randomObject(using: &generator)) }
        for document in documents {
            for cut in 0..<document.count {
                let error = try #require(JSONParserTests.failure(document[..<cut]), "cut at \(cut)")
                #expect(error.offset <= cut, "cut at \(cut): \(error)")
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }

    /// Random damage never crashes; what still parses is stable under a second round trip.
    @Test func damagedDocumentsFailCleanlyOrParseConsistently() throws {
        let interesting: [UInt8] = Array(#"{}[]:,"\u0e-+."#.utf8) + [0x00, 0x0A, 0x1F, 0x80, 0xC3, 0xED, 0xF4, 0xFF]
        let original = Array(Self.richDocument.utf8)
        var generator = SplitMix64(seed: 0xDA_4A6E)
        for _ in 0..<3000 {
            var document = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0..<document.count, using: &generator)
                let byte = interesting.randomElement(using: &generator) ?? 0
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: document[position] = byte
                case 1: document.insert(byte, at: position)
                default: document.remove(at: position)
                }
            }
            if let error = JSONParserTests.failure(document) {
                #expect(error.offset <= document.count, "\(error)")
            } else {
                let value = try JSONParser.parse(document)
                #expect(try JSONParser.parse(JSONWriter.serialize(value)) == value)
            }
        }
    }

    @Test func richDocumentParsesToItsValue() throws {
        let value = try JSONParser.parse(Array(Self.richDocument.utf8))
        let expected: JSONValue = .object([
            ("id", .string("dossier-7")),
            ("title", .string("Élection — résultats \"officiels\"")),
            ("text", .string("Ligne 1\nLigne 2\té 😀 \u{2028} 北朝鮮 😀/")),
            ("published", .string("2026-11-02")),
            ("score", .double(-0.0125)), ("ratio", .double(100)), ("count", .int(42)),
            ("big", .double(1.2345678901234567e19)),
            ("tags", .array([.string("a"), .bool(true), .bool(false), .null, .array([]), .object([])])),
            ("nested", .object([("deep", .array([.array([.double(0.5), .object([("x", .int(0))])])]))])),
        ])
        #expect(value == expected)
    }
}
