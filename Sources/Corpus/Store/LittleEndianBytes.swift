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

/// Why a record's payload could not be decoded.
struct MalformedPayload: Error {
    /// A phrase for `StoreError.corrupt`.
    let reason: String
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
    mutating func integer<Value: FixedWidthInteger>(_: Value.Type, _ field: String) throws(MalformedPayload) -> Value {
        self.bytes.littleEndian(Value.self, at: try self.advance(MemoryLayout<Value>.size, field))
    }

    /// A UInt32 byte count, then that many bytes of UTF-8.
    mutating func string(_ field: String) throws(MalformedPayload) -> String {
        let count = Int(try self.integer(UInt32.self, "length of the \(field)"))
        let start = try self.advance(count, field)
        guard let string = String(validating: self.bytes[start..<start + count], as: UTF8.self) else {
            throw MalformedPayload(reason: "the \(field) is not valid UTF-8")
        }
        return string
    }

    /// A presence byte (0 absent, 1 present), then the string when present.
    mutating func optionalString(_ field: String) throws(MalformedPayload) -> String? {
        switch try self.integer(UInt8.self, "presence byte of the \(field)") {
        case 0: return nil
        case 1: return try self.string(field)
        case let other: throw MalformedPayload(reason: "the presence byte of the \(field) is \(other), not 0 or 1")
        }
    }

    /// Moves past `count` bytes and returns where they start.
    private mutating func advance(_ count: Int, _ field: String) throws(MalformedPayload) -> Int {
        guard count <= self.remaining else { throw MalformedPayload(reason: "the payload ends inside the \(field)") }
        defer { self.position += count }
        return self.position
    }
}
