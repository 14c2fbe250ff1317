// libFuzzer target: the strict JSON request-body parser and the writer.
//
// Invariants checked (a violation traps):
//   - a value that parses serialises (compact and pretty) to bytes that parse back to an
//     equal value, and serialising that again gives the same bytes (the writer is canonical);
//   - with a depth limit, a value that parses nests no deeper than the limit;
//   - the parse does not depend on the input's storage (array, slice, non-contiguous copy).
import Serialization

private func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        print("INVARIANT VIOLATED: \(message())")
        fatalError(message())
    }
}

private func depth(_ value: JSONValue) -> Int {
    switch value {
    case .array(let elements): return 1 + (elements.map(depth).max() ?? 0)
    case .object(let members): return 1 + (members.map { depth($0.1) }.max() ?? 0)
    default: return 0
    }
}

private func roundTrip(_ value: JSONValue, pretty: Bool) {
    let bytes = JSONWriter.serialize(value, pretty: pretty)
    do {
        let again = try JSONParser.parse(bytes)
        check(again == value, "round trip (pretty: \(pretty)) changed \(value) into \(again)")
        check(JSONWriter.serialize(again, pretty: pretty) == bytes, "serialising twice gives different bytes")
    } catch {
        check(false, "the writer's output (pretty: \(pretty)) does not parse: \(error); \(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = Result { () throws(JSONParseError) in try JSONParser.parse(bytes) }
    if case .success(let value) = result {
        roundTrip(value, pretty: false)
        roundTrip(value, pretty: true)
    }
    // A slice (offset start index) and a non-contiguous collection must read the same.
    let padded = [UInt8(ascii: " ")] + bytes
    let slice = Result { () throws(JSONParseError) in try JSONParser.parse(padded[1...]) }
    switch (result, slice) {
    case (.success(let a), .success(let b)): check(a == b, "a slice parses differently")
    case (.failure(let a), .failure(let b)): check(a.reason == b.reason && a.offset == b.offset, "a slice fails differently: \(a) vs \(b)")
    default: check(false, "a slice parses to \(slice) but the array to \(result)")
    }
    let lazy = Result { () throws(JSONParseError) in try JSONParser.parse(bytes.lazy.map { $0 }) }
    switch (result, lazy) {
    case (.success(let a), .success(let b)): check(a == b, "a non-contiguous collection parses differently")
    case (.failure(let a), .failure(let b)): check(a == b, "a non-contiguous collection fails differently: \(a) vs \(b)")
    default: check(false, "a non-contiguous collection parses to \(lazy) but the array to \(result)")
    }
    // A tight depth limit, taken from the first byte.
    if let first = bytes.first {
        let limit = Int(first % 8)
        if let value = try? JSONParser.parse(bytes, limits: .init(maxDepth: limit, maxStringLength: 16)) {
            check(depth(value) <= limit, "depth \(depth(value)) passed the limit \(limit)")
        }
    }
    return 0
}
