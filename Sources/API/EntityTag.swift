import HTTPServer

/// Strong entity tags derived from a representation's bytes, and `If-None-Match` evaluation.
enum EntityTag {
    /// A strong tag: the 64-bit FNV-1a hash of the bytes, quoted, e.g. `"9f0c…"`.
    ///
    /// Equal bytes give equal tags; a changed representation changes its tag.
    /// - Complexity: O(*n*) in the body's length.
    static func make(for body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// Whether an `If-None-Match` value matches `tag` (RFC 9110 §13.1.2): `*`, or any listed
    /// tag equal under the weak comparison.
    static func noneMatchHits(_ header: String, tag: String) -> Bool {
        let opaque = self.opaqueTag(Substring(tag))
        for element in header.split(separator: ",") {
            let candidate = element.trimmingASCIIWhitespace()
            if candidate == "*" || self.opaqueTag(candidate) == opaque { return true }
        }
        return false
    }

    private static func opaqueTag(_ tag: Substring) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    func trimmingASCIIWhitespace() -> Substring {
        var trimmed = self
        while let first = trimmed.first, first == " " || first == "\t" { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
