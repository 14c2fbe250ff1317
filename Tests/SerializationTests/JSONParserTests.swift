import Foundation
import Serialization
import Testing

/// What `JSONParser` accepts: every kind of value, key order, round trips through
/// `JSONWriter`, limits and the kinds of byte collections it reads.
struct JSONParserTests {
    /// Parses UTF-8 text.
    static func parse(_ text: String, limits: JSONParser.Limits = .init()) throws(JSONParseError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), limits: limits)
    }

    /// The error the parser throws for `bytes`, or `nil` if it accepts them.
    static func failure(_ bytes: some Collection<UInt8>, limits: JSONParser.Limits = .init()) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    /// The error the parser throws for UTF-8 text, or `nil` if it accepts it.
    static func failure(_ text: String, limits: JSONParser.Limits = .init()) -> JSONParseError? {
        self.failure(Array(text.utf8), limits: limits)
    }

    // MARK: Values

    @Test(arguments: [
        ("null", JSONValue.null), ("true", .bool(true)), ("false", .bool(false)),
        ("0", .int(0)), ("-0", .int(0)), ("7", .int(7)), ("-42", .int(-42)), ("1234567890", .int(1_234_567_890)),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("9223372036854775808", .double(0x1p63)),
        ("-9223372036854775809", .double(-0x1p63)),
        ("1.5", .double(1.5)), ("-0.25", .double(-0.25)), ("0.0", .double(0)), ("1e3", .double(1000)),
        ("1E+3", .double(1000)), ("2.5e-3", .double(0.0025)), ("10E-1", .double(1)), ("1e-400", .double(0)),
        ("1.7976931348623157e308", .double(.greatestFiniteMagnitude)), ("5e-324", .double(.leastNonzeroMagnitude)),
        (#""""#, .string("")), (#""hi""#, .string("hi")), ("[]", .array([])), ("{}", .object([])),
    ])
    func parsesScalarOrEmptyContainer(_ text: String, _ expected: JSONValue) throws {
        #expect(try Self.parse(text) == expected)
    }

    @Test func parsesNestedContainersWithWhitespaceEverywhereAllowed() throws {
        let text = " \t\r\n{ \"a\" :\t[ 1 ,\r\n{ } , [ ] , \"x\" ] , \"b\" : { \"c\" : null } }\n "
        let expected: JSONValue = .object([
            ("a", .array([.int(1), .object([]), .array([]), .string("x")])),
            ("b", .object([("c", .null)])),
        ])
        #expect(try Self.parse(text) == expected)
    }

    @Test func objectKeepsMembersInDocumentOrder() throws {
        let value = try Self.parse(#"{"zeta":1,"alpha":2,"mu":3,"beta":4}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(members.map(\.0) == ["zeta", "alpha", "mu", "beta"])
        #expect(members.map(\.1) == [.int(1), .int(2), .int(3), .int(4)])
    }

    @Test func decodesEveryEscape() throws {
        let value = try Self.parse(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\ud834\udd1e\u0000""#)
        let expected = "\"\\/\u{8}\u{C}\n\r\tAé€𝄞\u{0}"
        guard case .string(let text) = value else {
            Issue.record("not a string: \(value)")
            return
        }
        #expect(Array(text.unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func keepsRawNonASCIIScalarsUnnormalised() throws {
        let text = "e\u{301} é 北朝鮮 😀 \u{2028} \u{10FFFF}"
        let value = try JSONParser.parse(Array("\"\(text)\"".utf8))
        guard case .string(let parsed) = value else {
            Issue.record("not a string: \(value)")
            return
        }
        #expect(Array(parsed.unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test func surrogatePairEscapeEqualsRawEmoji() throws {
        let escaped = try Self.parse(#""\ud83d\ude00 \uD83C\uDDFA\uD83C\uDDF3""#)
        #expect(escaped == .string("😀 🇺🇳"))
        #expect(JSONWriter.serialize(escaped) == Array(#""😀 🇺🇳""#.utf8))
    }

    // MARK: Round trips

    /// Documents written exactly as `JSONWriter` writes them.
    static let canonicalDocuments: [String] = [
        #"{"id":"a1","text":"Le président a dit \"non\".\nFin.","n":[1,-2,0.5,1e+300,true,false,null],"e":{},"a":[]}"#,
        #"["line\u2028separator\u2029paragraph"]"#,
        #""emoji 😀 flag 🇺🇳 北朝鮮 عربي""#,
        #""\u0000\u001f\b\f\n\r\t\\\"/""#,
        "\"\u{7F}\"",
        #"[-9223372036854775808,9223372036854775807,0]"#,
        #"[1.0,-0.25,1e-07,5e-324,-0.0,1.7976931348623157e+308,123456.789]"#,
        #"{"z":{"y":{"x":[[[]],{}]}}}"#,
        "{\"\":\"\",\"é\":\"e\u{301}\"}",
        "null", "true", "0", #""plain""#,
    ]

    @Test(arguments: canonicalDocuments)
    func canonicalDocumentRoundTripsByteForByte(_ text: String) throws {
        #expect(JSONWriter.serialize(try Self.parse(text)) == Array(text.utf8))
    }

    @Test func prettyDocumentRoundTripsByteForByte() throws {
        let value = try Self.parse(Self.canonicalDocuments[0])
        let pretty = JSONWriter.serialize(value, pretty: true)
        #expect(JSONWriter.serialize(try JSONParser.parse(pretty), pretty: true) == pretty)
    }

    // MARK: Limits

    @Test func nestingUpToTheDepthLimitIsAccepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try Self.parse(text) }
        #expect(Self.failure("[" + text + "]")?.reason == .nestingTooDeep(limit: 64))
    }

    @Test func hundredThousandOpenBracketsFailCleanlyAtTheLimit() throws {
        let error = try #require(Self.failure(String(repeating: "[", count: 100_000)))
        #expect(error.reason == .nestingTooDeep(limit: 64))
        #expect(error.offset == 64)
        #expect(error.column == 65)
    }

    @Test func deeplyNestedObjectsFailAtTheLimit() throws {
        let error = try #require(Self.failure(String(repeating: #"{"a":"#, count: 100)))
        #expect(error.reason == .nestingTooDeep(limit: 64))
        #expect(error.offset == 5 * 64)
    }

    @Test func customDepthLimitCountsEmptyContainers() {
        let limits = JSONParser.Limits(maxDepth: 2)
        #expect(Self.failure("[[1],{}]", limits: limits) == nil)
        #expect(Self.failure("[[[]]]", limits: limits)?.reason == .nestingTooDeep(limit: 2))
        #expect(Self.failure("[[[]]]", limits: limits)?.offset == 2)
        #expect(Self.failure("1", limits: .init(maxDepth: 0)) == nil)
        #expect(Self.failure("{}", limits: .init(maxDepth: 0))?.offset == 0)
    }

    /// Open containers live on the heap, so a large limit is safe.
    @Test func largeDepthLimitDoesNotUseTheCallStack() throws {
        let text = String(repeating: "[", count: 1000) + "1" + String(repeating: "]", count: 1000)
        var value = try Self.parse(text, limits: .init(maxDepth: 1000))
        var depth = 0
        while case .array(let elements) = value, let first = elements.first {
            value = first
            depth += 1
        }
        #expect(depth == 1000)
        #expect(value == .int(1))
    }

    @Test func stringLengthLimitCountsUnescapedUTF8Bytes() {
        let limits = JSONParser.Limits(maxStringLength: 5)
        #expect(Self.failure(#"["hello","\u00e9\u00e9","12\n45"]"#, limits: limits) == nil)
        #expect(Self.failure(#"["ab","\u00e9\u00e9\u00e9"]"#, limits: limits)?.reason == .stringTooLong(limit: 5))
        #expect(Self.failure(#"["ab","\u00e9\u00e9\u00e9"]"#, limits: limits)?.offset == 6)
        #expect(Self.failure(#"{"hello!":1}"#, limits: limits)?.offset == 1)
        #expect(Self.failure(#""ééé""#, limits: limits)?.reason == .stringTooLong(limit: 5))
    }

    // MARK: Duplicate keys

    @Test func sameKeyInDifferentObjectsIsAllowed() {
        #expect(Self.failure(#"{"a":{"a":1},"b":[{"a":1},{"a":2}]}"#) == nil)
    }

    @Test func keysEqualAfterUnescapingAreDuplicates() throws {
        let error = try #require(Self.failure(#"{"a":1,"\u0061":2}"#))
        #expect(error.reason == .duplicateKey("a"))
        #expect(error.offset == 7)
    }

    /// Keys are compared as Swift strings, so canonically equivalent spellings clash: a
    /// caller looking a key up by `String` could not tell them apart either.
    @Test func canonicallyEquivalentKeysAreDuplicates() {
        #expect(Self.failure(#"{"é":1,"e\u0301":2}"#)?.reason == .duplicateKey("é"))
    }

    // MARK: Inputs

    @Test func readsEveryKindOfByteCollection() throws {
        let text = #"{"k":[1,"é"]}"#
        let expected = try Self.parse(text)
        let framed = Array("xx\(text)yy".utf8)
        #expect(try JSONParser.parse(text.utf8) == expected)
        #expect(try JSONParser.parse(Data(text.utf8)) == expected)
        #expect(try JSONParser.parse(framed[2..<(framed.count - 2)]) == expected)
        #expect(try JSONParser.parse(Array(text.utf8).lazy.map { $0 }) == expected)
        #expect(try Array(text.utf8).withUnsafeBytes { bytes throws(JSONParseError) in try JSONParser.parse(bytes) } == expected)
    }

    @Test func offsetsInASliceCountFromTheSliceStart() {
        let framed = Array("xx[1,]".utf8)
        #expect(Self.failure(framed[2...]) == Self.failure("[1,]"))
        #expect(Self.failure(framed[2...])?.offset == 3)
    }
}
