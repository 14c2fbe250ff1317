import Foundation
import Serialization
import Testing

/// Structure and numbers: golden compact and pretty output.
struct JSONWriterTests {
    /// Exercises every container shape: nesting, empty containers, and key order that is
    /// deliberately not alphabetical.
    static let nested: JSONValue = .object([
        ("zeta", .int(1)),
        ("alpha", .array([.int(-2), .double(0.5), .bool(true), .null])),
        ("empty_array", .array([])),
        ("empty_object", .object([])),
        ("inner", .object([("b", .string("x")), ("a", .array([.object([("k", .bool(false))])]))])),
    ])

    @Test func writesNestedValueCompactWithKeyOrderPreserved() {
        #expect(JSONTestSupport.text(Self.nested) == #"{"zeta":1,"alpha":[-2,0.5,true,null],"empty_array":[],"empty_object":{},"inner":{"b":"x","a":[{"k":false}]}}"#)
    }

    @Test func writesNestedValuePrettyWithTwoSpaceIndentAndFinalNewline() {
        let expected = """
            {
              "zeta": 1,
              "alpha": [
                -2,
                0.5,
                true,
                null
              ],
              "empty_array": [],
              "empty_object": {},
              "inner": {
                "b": "x",
                "a": [
                  {
                    "k": false
                  }
                ]
              }
            }

            """
        #expect(JSONTestSupport.text(Self.nested, pretty: true) == expected)
    }

    @Test(arguments: [false, true])
    func outputParsesWithJSONSerializationInWrittenOrder(pretty: Bool) throws {
        let parsed = try JSONTestSupport.parse(JSONWriter.serialize(Self.nested, pretty: pretty))
        let object = try #require(parsed as? [String: Any])
        #expect(Set(object.keys) == ["zeta", "alpha", "empty_array", "empty_object", "inner"])
        #expect((object["alpha"] as? [Any])?.count == 4)
        #expect((object["empty_object"] as? [String: Any])?.isEmpty == true)
    }

    @Test(arguments: [
        (JSONValue.int(0), "0"), (.int(-42), "-42"), (.int(Int.max), "9223372036854775807"),
        (.int(Int.min), "-9223372036854775808"),
        (.double(0.5), "0.5"), (.double(1e-7), "1e-07"), (.double(3.0), "3.0"), (.double(-0.25), "-0.25"),
        (.double(1e300), "1e+300"),
        (.double(.infinity), "null"), (.double(-.infinity), "null"), (.double(.nan), "null"),
        (.bool(true), "true"), (.bool(false), "false"), (.null, "null"),
    ])
    func writesScalarAsGolden(_ value: JSONValue, _ expected: String) {
        #expect(JSONTestSupport.text(value) == expected)
    }

    /// Whatever Swift prints for a finite double must be a number a standard parser accepts.
    @Test(arguments: [0.5, 1e-7, 3.0, -0.0, 1e300, 5e-324, Double.greatestFiniteMagnitude, 123_456.789])
    func finiteDoubleParsesBackToSameValue(_ number: Double) throws {
        let parsed = try JSONTestSupport.parse(JSONWriter.serialize(.array([.double(number)])))
        let value = try #require((parsed as? [Any])?.first as? NSNumber)
        #expect(value.doubleValue == number)
    }

    @Test func intMaxParsesBackExactly() throws {
        let parsed = try JSONTestSupport.parse(JSONWriter.serialize(.array([.int(Int.max)])))
        let value = try #require((parsed as? [Any])?.first as? NSNumber)
        #expect(value.int64Value == Int64.max)
    }

    @Test(arguments: [JSONValue.array([]), .object([])])
    func prettyEmptyContainerStaysOnOneLine(_ value: JSONValue) {
        let compact = JSONTestSupport.text(value)
        #expect(JSONTestSupport.text(value, pretty: true) == compact.map { $0 + "\n" })
    }

    @Test func prettyScalarEndsWithNewline() {
        #expect(JSONTestSupport.text(.int(7), pretty: true) == "7\n")
    }

    @Test func duplicateKeysAreWrittenAsGiven() {
        #expect(JSONTestSupport.text(.object([("a", .int(1)), ("a", .int(2))])) == #"{"a":1,"a":2}"#)
    }

    @Test func writerAppendsSuccessiveValuesWithoutSeparator() {
        var writer = JSONWriter()
        writer.write(.int(1))
        writer.write(.array([]))
        #expect(writer.bytes == Array("1[]".utf8))
    }

    @Test func prettyWriterInstanceIndentsWithoutFinalNewline() {
        var writer = JSONWriter(pretty: true)
        writer.write(.object([("a", .int(1))]))
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "{\n  \"a\": 1\n}")
    }

    @Test func deepNestingIsWrittenAndParses() throws {
        var value = JSONValue.null
        for _ in 0..<200 { value = .array([value]) }
        let bytes = JSONWriter.serialize(value)
        #expect(bytes.count == 200 * 2 + 4)
        _ = try JSONTestSupport.parse(bytes)
    }
}
