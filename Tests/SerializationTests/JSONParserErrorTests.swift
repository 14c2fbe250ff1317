import Serialization
import Testing

/// What `JSONParser` rejects, and exactly where it says the fault is.
struct JSONParserErrorTests {
    /// An input, the error it must give and where.
    struct Case: Sendable, CustomTestStringConvertible {
        let input: [UInt8]
        let reason: JSONParseError.Reason
        let offset: Int
        let line: Int
        let column: Int

        init(_ input: [UInt8], _ reason: JSONParseError.Reason, offset: Int, line: Int = 1, column: Int) {
            self.input = input
            self.reason = reason
            self.offset = offset
            self.line = line
            self.column = column
        }

        init(_ text: String, _ reason: JSONParseError.Reason, offset: Int, line: Int = 1, column: Int) {
            self.init(Array(text.utf8), reason, offset: offset, line: line, column: column)
        }

        var testDescription: String {
            String(validating: self.input, as: UTF8.self).map { String(reflecting: $0) } ?? "\(self.input)"
        }
    }

    static let syntaxCases: [Case] = [
        Case("", .emptyInput, offset: 0, column: 1),
        Case(" \n\t", .emptyInput, offset: 3, line: 2, column: 2),
        Case("[1, 2", .unexpectedEndOfInput, offset: 5, column: 6),
        Case(#"{"a":"#, .unexpectedEndOfInput, offset: 5, column: 6),
        Case(#"{'a': 1}"#, .unexpectedCharacter("'"), offset: 1, column: 2),
        Case("[1,]", .unexpectedCharacter("]"), offset: 3, column: 4),
        Case(#"{"a":1,}"#, .unexpectedCharacter("}"), offset: 7, column: 8),
        Case("[1 2]", .unexpectedCharacter("2"), offset: 3, column: 4),
        Case(#"{"a" 1}"#, .unexpectedCharacter("1"), offset: 5, column: 6),
        Case(#"{"a":}"#, .unexpectedCharacter("}"), offset: 5, column: 6),
        Case("{1:2}", .unexpectedCharacter("1"), offset: 1, column: 2),
        Case("// comment\n1", .unexpectedCharacter("/"), offset: 0, column: 1),
        Case("[1 /* c */]", .unexpectedCharacter("/"), offset: 3, column: 4),
        Case("[NaN]", .unexpectedCharacter("N"), offset: 1, column: 2),
        Case("Infinity", .unexpectedCharacter("I"), offset: 0, column: 1),
        Case("+1", .unexpectedCharacter("+"), offset: 0, column: 1),
        Case(".5", .unexpectedCharacter("."), offset: 0, column: 1),
        Case("[\u{A0}1]", .unexpectedCharacter("\u{A0}"), offset: 1, column: 2),
        Case("\u{FEFF}{}", .byteOrderMark, offset: 0, column: 1),
        Case("[\u{000B}1]", .unexpectedCharacter("\u{0B}"), offset: 1, column: 2),
        Case("[tru]", .invalidLiteral, offset: 4, column: 5),
        Case("[fals e]", .invalidLiteral, offset: 5, column: 6),
        Case("nul", .unexpectedEndOfInput, offset: 3, column: 4),
        Case("[True]", .unexpectedCharacter("T"), offset: 1, column: 2),
        Case("-Infinity", .invalidNumber, offset: 1, column: 2),
        Case("[-]", .invalidNumber, offset: 2, column: 3),
        Case("[1.]", .invalidNumber, offset: 3, column: 4),
        Case("1.", .unexpectedEndOfInput, offset: 2, column: 3),
        Case("[1.e5]", .invalidNumber, offset: 3, column: 4),
        Case("[1e]", .invalidNumber, offset: 3, column: 4),
        Case("[1E+]", .invalidNumber, offset: 4, column: 5),
        Case("01", .leadingZero, offset: 1, column: 2),
        Case("[-007]", .leadingZero, offset: 3, column: 4),
        Case("1e999", .numberOutOfRange, offset: 0, column: 1),
        Case("[-1.5e999]", .numberOutOfRange, offset: 1, column: 2),
        Case(#""a\x""#, .invalidEscape, offset: 2, column: 3),
        Case(#""\'""#, .invalidEscape, offset: 1, column: 2),
        Case(#""\U0041""#, .invalidEscape, offset: 1, column: 2),
        Case(#""\u12G4""#, .invalidUnicodeEscape, offset: 1, column: 2),
        Case(#""\u00e""#, .invalidUnicodeEscape, offset: 1, column: 2),
        Case(#""\uD800""#, .loneSurrogate(0xD800), offset: 1, column: 2),
        Case(#""\udc00\ud800""#, .loneSurrogate(0xDC00), offset: 1, column: 2),
        Case(#""x\uD800\u0041""#, .loneSurrogate(0xD800), offset: 2, column: 3),
        Case(#""\uD800\uD800\uDC00""#, .loneSurrogate(0xD800), offset: 1, column: 2),
        Case(#""\uD800x""#, .loneSurrogate(0xD800), offset: 1, column: 2),
        Case(#""\uD800\n""#, .loneSurrogate(0xD800), offset: 1, column: 2),
        Case(#""\uD800\u12G4""#, .invalidUnicodeEscape, offset: 7, column: 8),
        Case(#""\uD800"#, .unexpectedEndOfInput, offset: 7, column: 8),
        Case(#""\uD800\"#, .unexpectedEndOfInput, offset: 8, column: 9),
        Case("\"a\nb\"", .controlCharacterInString(0x0A), offset: 2, column: 3),
        Case("\"\t\"", .controlCharacterInString(0x09), offset: 1, column: 2),
        Case("\"\u{0}\"", .controlCharacterInString(0x00), offset: 1, column: 2),
        Case("\"\u{1F}\"", .controlCharacterInString(0x1F), offset: 1, column: 2),
        Case(#"{"a":1,"b":2,"a":3}"#, .duplicateKey("a"), offset: 13, column: 14),
        Case(String(repeating: "[", count: 65), .nestingTooDeep(limit: 64), offset: 64, column: 65),
        Case("{} x", .trailingContent, offset: 3, column: 4),
        Case("1 2", .trailingContent, offset: 2, column: 3),
        Case("[]]", .trailingContent, offset: 2, column: 3),
        Case("nulll", .trailingContent, offset: 4, column: 5),
        Case(#""a""b""#, .trailingContent, offset: 3, column: 4),
    ]

    /// Ill-formed UTF-8, inside strings and out.
    static let utf8Cases: [Case] = [
        Case([0x22, 0xC0, 0x80, 0x22], .invalidUTF8, offset: 1, column: 2),  // overlong NUL
        Case([0x22, 0xC1, 0xBF, 0x22], .invalidUTF8, offset: 1, column: 2),  // overlong DEL
        Case([0x22, 0xE0, 0x9F, 0xBF, 0x22], .invalidUTF8, offset: 1, column: 2),  // overlong 3-byte
        Case([0x22, 0xF0, 0x8F, 0xBF, 0xBF, 0x22], .invalidUTF8, offset: 1, column: 2),  // overlong 4-byte
        Case([0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, offset: 1, column: 2),  // U+D800 encoded
        Case([0x22, 0xED, 0xBF, 0xBF, 0x22], .invalidUTF8, offset: 1, column: 2),  // U+DFFF encoded
        Case([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, offset: 1, column: 2),  // U+110000
        Case([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], .invalidUTF8, offset: 1, column: 2),
        Case([0x22, 0xFF, 0x22], .invalidUTF8, offset: 1, column: 2),
        Case([0x22, 0x61, 0x80, 0x22], .invalidUTF8, offset: 2, column: 3),  // stray continuation
        Case([0x22, 0xC3, 0xA9, 0xC3, 0x22], .invalidUTF8, offset: 3, column: 3),  // cut short by '"'
        Case([0x22, 0xE2, 0x82, 0x41, 0x22], .invalidUTF8, offset: 1, column: 2),
        Case([0x22, 0xF0, 0x9F, 0x98, 0x22], .invalidUTF8, offset: 1, column: 2),
        Case([0x22, 0xE2, 0x82], .unexpectedEndOfInput, offset: 3, column: 3),  // cut short by the end
        Case([0x5B, 0xFF, 0x5D], .invalidUTF8, offset: 1, column: 2),
        Case([0x5B, 0xC3, 0xA9, 0x5D], .unexpectedCharacter("é"), offset: 1, column: 2),
        Case([0x5B, 0xE2, 0x82, 0x5D], .invalidUTF8, offset: 1, column: 2),
        Case([0xEF, 0xBB], .invalidUTF8, offset: 0, column: 1),  // half a byte order mark
    ]

    @Test(arguments: syntaxCases + utf8Cases)
    func rejectsWithReasonAtExactPosition(_ testCase: Case) throws {
        let error = try #require(JSONParserTests.failure(testCase.input))
        #expect(error.reason == testCase.reason)
        #expect(error.offset == testCase.offset)
        #expect(error.line == testCase.line)
        #expect(error.column == testCase.column)
    }

    // MARK: Lines and columns

    /// Columns count scalars, not bytes: É, — and é are two or three bytes, 北朝鮮 three each,
    /// 😀 four.
    @Test func columnCountsScalarsAfterNonASCIILines() throws {
        let text = """
            {
              "titre": "Élysée — réunion",
              "texte": "北朝鮮 😀", "x": @
            }
            """
        let error = try #require(JSONParserTests.failure(text))
        #expect(error.reason == .unexpectedCharacter("@"))
        #expect(error.offset == 72)
        #expect(error.line == 3)
        #expect(error.column == 26)
    }

    @Test(arguments: [
        ("[\r\n1,\r\n@]", 3, 1), ("[\r1,\r@]", 3, 1), ("[\n\n\r\n\r @]", 5, 2), ("[\r\n\r\n  @]", 3, 3),
    ])
    func crLFAndLoneCREachEndOneLine(_ text: String, _ line: Int, _ column: Int) throws {
        let error = try #require(JSONParserTests.failure(text))
        #expect(error.reason == .unexpectedCharacter("@"))
        #expect(error.line == line)
        #expect(error.column == column)
    }

    // MARK: Descriptions

    @Test func descriptionSaysWhatWhereAndWhatWasExpected() throws {
        let text = "{\n  \"headline\": \"Lockdown\",\n  \"id\": \"ab\",}"
        let error = try #require(JSONParserTests.failure(text))
        #expect(error.expected == "a string key")
        #expect(error.description == "Unexpected character '}' at line 3, column 14 (byte 41): expected a string key.")
    }

    @Test(arguments: [
        (
            [0xEF, 0xBB, 0xBF, 0x7B, 0x7D],
            "Byte order mark at line 1, column 1 (byte 0): remove the byte order mark (EF BB BF) from the start of the body."
        ),
        (
            Array("\"a\tb\"".utf8),
            "Unescaped control character U+0009 in string at line 1, column 3 (byte 2): escape it as \\t."
        ),
        (
            Array("\"\u{1}\"".utf8),
            "Unescaped control character U+0001 in string at line 1, column 2 (byte 1): escape it as \\u0001."
        ),
        (
            Array(#"{"a":1,"b":2,"a":3}"#.utf8),
            #"Duplicate key "a" at line 1, column 14 (byte 13): each key may appear only once in an object."#
        ),
        (Array("[\u{A0}1]".utf8), "Unexpected character U+00A0 at line 1, column 2 (byte 1): expected a value."),
        (Array("[1,2".utf8), "Unexpected end of input at line 1, column 5 (byte 4): expected ',' or ']'."),
        (Array("[tru]".utf8), "Invalid literal at line 1, column 5 (byte 4): expected 'true'."),
        (
            Array(#""\uDE00""#.utf8),
            #"Lone surrogate \uDE00 at line 1, column 2 (byte 1): "#
                + #"a surrogate escape must be a high one (\uD800-\uDBFF) followed by a low one (\uDC00-\uDFFF)."#
        ),
        (
            Array("{}}".utf8),
            "Unexpected content after the JSON value at line 1, column 3 (byte 2): expected the end of the input."
        ),
    ])
    func descriptionIsOneSentence(_ input: [UInt8], _ expected: String) throws {
        #expect(try #require(JSONParserTests.failure(input)).description == expected)
    }
}
