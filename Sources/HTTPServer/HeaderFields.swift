/// The header fields of a request or response, in the order they were given.
///
/// Names keep the case they were sent or set with; lookups fold ASCII case, as field
/// names are case-insensitive (RFC 9110 §5.1). Repeated fields are kept as separate entries.
///
/// ```swift
/// var headers = HeaderFields()
/// headers.add("Content-Type", "application/json")
/// headers["content-type"]   // "application/json"
/// ```
public struct HeaderFields: Sendable, Hashable, Sequence {
    /// One field line: a name and its value, without surrounding whitespace.
    public struct Field: Sendable, Hashable {
        /// The field name as sent.
        public var name: String
        /// The field value with leading and trailing whitespace removed.
        public var value: String
    }

    private var fields: [Field]

    /// Makes an empty set of fields.
    public init() {
        self.fields = []
    }

    /// Makes fields from name/value pairs, in order.
    ///
    /// - Parameter pairs: the fields, e.g. `[("Content-Type", "text/plain")]`.
    public init(_ pairs: [(String, String)]) {
        self.fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// The number of field lines.
    public var count: Int { self.fields.count }

    /// Appends a field line, keeping any earlier line with the same name.
    ///
    /// - Parameters:
    ///   - name: a field name (a token).
    ///   - value: the value; it must not contain CR, LF or NUL.
    public mutating func add(_ name: String, _ value: String) {
        self.fields.append(Field(name: name, value: value))
    }

    /// Replaces every line named `name` with a single line holding `value`.
    ///
    /// - Parameters:
    ///   - name: a field name, matched case-insensitively.
    ///   - value: the new value.
    public mutating func set(_ name: String, _ value: String) {
        self.remove(name)
        self.add(name, value)
    }

    /// Removes every line named `name`.
    ///
    /// - Parameter name: a field name, matched case-insensitively.
    public mutating func remove(_ name: String) {
        self.fields.removeAll { ASCII.equalsIgnoringCase($0.name, name) }
    }

    /// The value of the first line named `name`, or `nil`.
    ///
    /// - Complexity: O(*n*) in the number of lines.
    public subscript(name: String) -> String? {
        self.fields.first { ASCII.equalsIgnoringCase($0.name, name) }?.value
    }

    /// The values of every line named `name`, in order.
    ///
    /// - Parameter name: a field name, matched case-insensitively.
    /// - Returns: the values, possibly empty.
    public func values(for name: String) -> [String] {
        self.fields.lazy.filter { ASCII.equalsIgnoringCase($0.name, name) }.map(\.value)
    }

    /// Whether any line named `name` lists `token` among its comma-separated elements.
    ///
    /// Used for list-valued fields such as `Connection: keep-alive, Upgrade`; the token
    /// is compared case-insensitively.
    public func contains(token: String, inField name: String) -> Bool {
        for field in self.fields where ASCII.equalsIgnoringCase(field.name, name) {
            for element in field.value.utf8.split(separator: UInt8(ascii: ","))
            where ASCII.equalsIgnoringCase(ASCII.trimmingWhitespace(element), token.utf8) {
                return true
            }
        }
        return false
    }

    /// Iterates over the field lines in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        self.fields.makeIterator()
    }
}
