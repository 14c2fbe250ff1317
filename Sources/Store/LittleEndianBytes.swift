import DocumentModel

/// Little-endian integers in byte arrays, the byte order of every store file.
extension Array<UInt8> {
    /// Appends `value`'s bytes, least significant first.
    mutating func appendLittleEndian<Value: FixedWidthInteger>(_ value: Value) {
        Swift.withUnsafeBytes(of: value.littleEndian) { self.append(contentsOf: $0) }
    }

    /// Appends a UInt32 byte count, then the string's UTF-8 bytes.
    ///
    /// - Precondition: the string is shorter than 4 GiB (records are capped far below).
    mutating func appendLengthPrefixed(_ string: String) {
        let utf8 = string.utf8
        self.appendLittleEndian(UInt32(utf8.count))
        self.append(contentsOf: utf8)
    }

    /// Appends `value` as an unsigned LEB128 varint: seven bits a byte, least significant
    /// first, the high bit set on every byte but the last. Small numbers (offsets, counts,
    /// indexes) take one or two bytes.
    private mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            self.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        self.append(UInt8(rest))
    }

    /// Appends a non-negative `Int` as a varint.
    ///
    /// - Precondition: `value >= 0`.
    mutating func appendVarint(_ value: Int) {
        precondition(value >= 0, "a varint is never negative")
        self.appendVarint(UInt64(value))
    }

    /// Appends a varint byte count, then the string's UTF-8 bytes.
    mutating func appendVarintPrefixed(_ string: String) {
        let utf8 = string.utf8
        self.appendVarint(utf8.count)
        self.append(contentsOf: utf8)
    }
}

extension Collection<UInt8> where Index == Int {
    /// The integer stored least significant byte first at `offset`.
    ///
    /// - Precondition: `offset ..< offset + size` lies inside the collection.
    func littleEndian<Value: FixedWidthInteger>(_: Value.Type, at offset: Int) -> Value {
        var value: Value = 0
        for position in 0..<MemoryLayout<Value>.size {
            value |= Value(truncatingIfNeeded: self[offset + position]) << (8 * position)
        }
        return value
    }
}

/// Why a record's payload (or a stored document's bytes) could not be decoded.
public struct MalformedPayload: Error, Sendable, Hashable {
    /// A phrase saying what is wrong, e.g. `the payload ends inside the title`.
    public let reason: String
}

/// Reads fields in order from a record's payload, failing when one runs past its end.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    /// Reads `bytes` from its start.
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// The bytes not read yet.
    var remaining: Int { self.bytes.endIndex - self.position }

    /// The next integer; `field` names it in the error.
    mutating func integer<Value: FixedWidthInteger>(_: Value.Type, _ field: @autoclosure () -> String) throws(MalformedPayload) -> Value {
        self.bytes.littleEndian(Value.self, at: try self.advance(MemoryLayout<Value>.size, field()))
    }

    /// A UInt32 byte count, then that many bytes of UTF-8.
    mutating func string(_ field: @autoclosure () -> String) throws(MalformedPayload) -> String {
        try self.utf8(count: Int(try self.integer(UInt32.self, "length of the \(field())")), field)
    }

    /// A varint byte count, then that many bytes of UTF-8.
    mutating func varintPrefixedString(_ field: @autoclosure () -> String) throws(MalformedPayload) -> String {
        try self.utf8(count: try self.varint("length of the \(field())"), field)
    }

    /// An unsigned LEB128 varint (see `appendVarint`) that fits an `Int`.
    mutating func varint(_ field: @autoclosure () -> String) throws(MalformedPayload) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try self.integer(UInt8.self, field())
            guard shift < 63, shift < 56 || byte < 0x80 else { throw MalformedPayload(reason: "the \(field()) is out of range") }
            value |= UInt64(byte & 0x7F) << shift
            guard byte >= 0x80 else { break }
            shift += 7
        }
        guard value <= UInt64(Int.max) else { throw MalformedPayload(reason: "the \(field()) is out of range") }
        return Int(value)
    }

    /// A byte that is 0 or 1.
    mutating func flag(_ field: @autoclosure () -> String) throws(MalformedPayload) -> Bool {
        switch try self.integer(UInt8.self, field()) {
        case 0: return false
        case 1: return true
        case let other: throw MalformedPayload(reason: "the \(field()) is \(other), not 0 or 1")
        }
    }

    /// A byte indexing `table`: how stored enumerations are read.
    mutating func choice<Value>(_ table: [Value], _ field: @autoclosure () -> String) throws(MalformedPayload) -> Value {
        let index = Int(try self.integer(UInt8.self, field()))
        guard index < table.count else { throw MalformedPayload(reason: "the \(field()) is \(index), past the \(table.count) known") }
        return table[index]
    }

    /// A varint count of items, then each item read by `item`: at most one item per byte left,
    /// so a corrupt count fails instead of reserving memory.
    mutating func list<Item>(
        _ field: @autoclosure () -> String, _ item: (inout ByteReader) throws(MalformedPayload) -> Item
    ) throws(MalformedPayload) -> [Item] {
        let count = try self.varint("count of \(field())")
        guard count <= self.remaining else { throw MalformedPayload(reason: "the count of \(field()) is \(count), more than the bytes left") }
        var items: [Item] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try item(&self)) }
        return items
    }

    /// `count` bytes of UTF-8.
    private mutating func utf8(count: Int, _ field: () -> String) throws(MalformedPayload) -> String {
        let start = try self.advance(count, field())
        guard let string = String(validating: self.bytes[start..<start + count], as: UTF8.self) else {
            throw MalformedPayload(reason: "the \(field()) is not valid UTF-8")
        }
        return string
    }

    /// A presence byte (0 absent, 1 present), then the string when present.
    mutating func optionalString(_ field: @autoclosure () -> String) throws(MalformedPayload) -> String? {
        try self.flag("presence byte of the \(field())") ? try self.string(field()) : nil
    }

    /// Moves past `count` bytes and returns where they start.
    private mutating func advance(_ count: Int, _ field: @autoclosure () -> String) throws(MalformedPayload) -> Int {
        guard count <= self.remaining else { throw MalformedPayload(reason: "the payload ends inside the \(field())") }
        defer { self.position += count }
        return self.position
    }
}
