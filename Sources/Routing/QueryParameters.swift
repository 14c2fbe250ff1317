/// The parameters of a query string, decoded, in order, with repeated names kept.
///
/// `a=1&b=x+y&a=2` gives `a` → `["1", "2"]` and `b` → `"x y"`. `+` is a space and `%XX` a
/// byte, as in `application/x-www-form-urlencoded`; decoded bytes must be UTF-8.
public struct QueryParameters: Sendable, Hashable {
    /// The name/value pairs in the order they appeared.
    public let pairs: [(name: String, value: String)]

    /// Parses a raw query string (without `?`).
    ///
    /// Empty pieces (`a=1&&b=2`) are skipped; a piece without `=` has an empty value.
    /// - Throws: `QueryError.invalidEncoding` naming the piece's parameter.
    /// - Complexity: O(*n*) in the query's length.
    public init(parsing query: String) throws(QueryError) {
        var pairs: [(name: String, value: String)] = []
        for piece in query.utf8.split(separator: UInt8(ascii: "&")) {
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let rawName = piece[..<(equals ?? piece.endIndex)]
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? piece[piece.endIndex...]
            guard let name = Self.decode(rawName) else {
                throw .invalidEncoding(parameter: String(Substring(rawName)))
            }
            guard let value = Self.decode(rawValue) else { throw .invalidEncoding(parameter: name) }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// The first value of `name`, or `nil`.
    public subscript(name: String) -> String? {
        self.pairs.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    public func values(for name: String) -> [String] {
        self.pairs.filter { $0.name == name }.map(\.value)
    }

    /// The distinct names, in order of first appearance.
    public var names: [String] {
        var seen = Set<String>()
        return self.pairs.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    /// Decodes `+` and `%XX`; `nil` for a bad escape or bytes that are not UTF-8.
    private static func decode(_ raw: Substring.UTF8View.SubSequence) -> String? {
        guard raw.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(Substring(raw))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                let first = raw.index(after: index)
                guard first < raw.endIndex, raw.index(after: first) < raw.endIndex,
                    let high = hexValue(raw[first]), let low = hexValue(raw[raw.index(after: first)])
                else { return nil }
                bytes.append(high << 4 | low)
                index = raw.index(after: first)
            } else {
                bytes.append(byte)
            }
            index = raw.index(after: index)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        for (name, value) in self.pairs {
            hasher.combine(name)
            hasher.combine(value)
        }
    }
}

/// Why a query string could not be decoded.
public enum QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `%` escape is malformed or the decoded bytes are not UTF-8.
    case invalidEncoding(parameter: String)

    /// A sentence naming the parameter.
    public var description: String {
        switch self {
        case .invalidEncoding(let parameter):
            return "The query parameter '\(parameter)' has an invalid percent-encoding or is not UTF-8."
        }
    }
}
