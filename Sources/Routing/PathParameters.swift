/// The values captured by `{name}` segments of a matched route.
public struct PathParameters: Sendable, Hashable {
    private var values: [(name: String, value: String)] = []

    /// Makes an empty set.
    public init() {}

    mutating func append(name: String, value: String) {
        self.values.append((name, value))
    }

    /// The value captured for `name`, or `nil`.
    public subscript(name: String) -> String? {
        self.values.first { $0.name == name }?.value
    }

    public static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
        lhs.values.elementsEqual(rhs.values) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        for (name, value) in self.values {
            hasher.combine(name)
            hasher.combine(value)
        }
    }
}
