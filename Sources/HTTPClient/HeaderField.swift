/// One header or trailer field: a name and its value, as sent or received.
public struct HeaderField: Sendable, Hashable {
    /// The field name, e.g. `Content-Type`; compared without regard to ASCII case.
    public let name: String
    /// The value, without surrounding whitespace.
    public let value: String

    /// Makes a field.
    ///
    /// - Parameters:
    ///   - name: the field name.
    ///   - value: the value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Whether the field is named `name`, ignoring ASCII case.
    ///
    /// - Parameter name: the name to compare with.
    /// - Returns: `true` for `content-length` against `Content-Length`.
    public func hasName(_ name: String) -> Bool {
        self.name.utf8.elementsEqual(name.utf8) { ASCII.lowercased($0) == ASCII.lowercased($1) }
    }
}

extension [HeaderField] {
    /// The values of every field named `name` (ignoring case), in order.
    ///
    /// - Parameter name: the field name.
    /// - Returns: the values; empty when there is no such field.
    public func values(of name: String) -> [String] {
        self.filter { $0.hasName(name) }.map(\.value)
    }

    /// The value of the first field named `name` (ignoring case).
    ///
    /// - Parameter name: the field name.
    /// - Returns: the value, or `nil` when there is no such field.
    public func value(of name: String) -> String? {
        self.first { $0.hasName(name) }?.value
    }
}
