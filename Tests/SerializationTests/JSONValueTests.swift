import Serialization
import Testing

struct JSONValueTests {
    @Test func optionalWrapsStringOrNull() {
        #expect(JSONValue.optional("x") == .string("x"))
        #expect(JSONValue.optional(nil) == .null)
    }

    @Test func objectsWithSameMembersInDifferentOrderAreNotEqual() {
        let ab: JSONValue = .object([("a", .int(1)), ("b", .int(2))])
        let ba: JSONValue = .object([("b", .int(2)), ("a", .int(1))])
        #expect(ab != ba)
    }

    @Test func structurallyEqualValuesAreEqualAndHashEqually() {
        let make = { JSONValue.object([("a", .array([.int(1), .string("s"), .null])), ("b", .object([]))]) }
        #expect(make() == make())
        #expect(make().hashValue == make().hashValue)
        #expect(Set([make(), make()]).count == 1)
    }

    @Test(arguments: [
        (JSONValue.int(1), JSONValue.double(1)), (.null, .bool(false)), (.string("1"), .int(1)),
        (.array([]), .object([])), (.array([.int(1)]), .array([.int(1), .int(1)])),
        (.object([("a", .int(1))]), .object([("a", .int(2))])), (.object([("a", .int(1))]), .object([("b", .int(1))])),
    ])
    func differentValuesAreNotEqual(_ lhs: JSONValue, _ rhs: JSONValue) {
        #expect(lhs != rhs)
    }

    @Test func positiveAndNegativeZeroAreEqualAndHashEqually() {
        #expect(JSONValue.double(0.0) == .double(-0.0))
        #expect(JSONValue.double(0.0).hashValue == JSONValue.double(-0.0).hashValue)
    }
}
