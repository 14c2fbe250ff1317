import Foundation
import Serialization
import TestSupport

/// Helpers that check `JSONWriter` output against Foundation's `JSONSerialization`, a parser
/// we did not write.
enum JSONTestSupport {
    /// The serialised value as a `String`; `nil` if the bytes are not valid UTF-8.
    static func text(_ value: JSONValue, pretty: Bool = false) -> String? {
        String(validating: JSONWriter.serialize(value, pretty: pretty), as: UTF8.self)
    }

    /// Parses writer output with `JSONSerialization` (fragments allowed).
    static func parse(_ bytes: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// Writes `text` as a JSON string inside an array, reads it back with `JSONSerialization`
    /// and returns the parsed string's scalars.
    ///
    /// Scalars, not `String`s, are compared by callers: `String ==` uses canonical equivalence,
    /// which would hide a writer that normalised `e\u{301}` to `é`.
    static func roundTripScalars(_ text: String) throws -> [Unicode.Scalar]? {
        let parsed = try self.parse(JSONWriter.serialize(.array([.string(text)])))
        return ((parsed as? [Any])?.first as? String).map { Array($0.unicodeScalars) }
    }

    /// A random string mixing ASCII (controls included), Latin-1, the rest of the BMP and
    /// astral characters, so that every escaping branch of the writer is exercised.
    static func randomString(length: Int, using generator: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            let range: ClosedRange<UInt32>
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: range = 0x00...0x1F
            case 1: range = 0x20...0x7F
            case 2: range = 0x80...0x7FF
            case 3: range = 0x2000...0x206F  // general punctuation, U+2028 and U+2029 included
            case 4: range = 0x800...0xFFFD
            default: range = 0x1_0000...0x10_FFFF
            }
            // Surrogate code points are not scalars; those draws become `?`.
            let value = UInt32.random(in: range, using: &generator)
            scalars.append(Unicode.Scalar(value) ?? "?")
        }
        return String(scalars)
    }
}
