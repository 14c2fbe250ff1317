import Serialization

/// A JSON object's members by name, read with the type each must have (for `JournalWire`).
struct Fields {
    private let values: [String: JSONValue]

    init(_ pairs: [(String, JSONValue)]) {
        self.values = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    func string(_ name: String) throws(JournalWireError) -> String {
        guard case .string(let text) = self.values[name] else { throw .invalidMember(name) }
        return text
    }

    func optionalString(_ name: String) throws(JournalWireError) -> String? {
        switch self.values[name] {
        case nil, .null: return nil
        case .string(let text): return text
        default: throw .invalidMember(name)
        }
    }

    func int(_ name: String) throws(JournalWireError) -> Int {
        guard case .int(let number) = self.values[name] else { throw .invalidMember(name) }
        return number
    }
}
