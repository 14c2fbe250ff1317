/// Every posting entry's positions, found by entry number: the entries' `PositionList`s one
/// after another in one byte array, an absolute start every `blockSize` entries, and each
/// entry's length in bytes in one byte (lengths of 255 or more kept aside).
///
/// A `UInt32` start per entry cost four bytes for the one or two bytes most entries'
/// positions take; finding an entry's start now adds at most `blockSize - 1` lengths.
///
/// A class, as `FieldCounts` is, so that a term's `Postings` holds it with one reference.
///
/// - Note: Immutable after `init`, hence `Sendable`.
final class PositionStore: Sendable {
    /// Entries per absolute start.
    static let blockSize = 8

    /// The encoded positions of every entry, in entry order.
    private let bytes: [UInt8]
    /// Where entry `blockSize * b` starts in `bytes`.
    private let blockStarts: [UInt32]
    /// Each entry's length in `bytes`, `UInt8.max` when it is in `largeLengths`.
    private let lengths: [UInt8]
    private let largeLengths: [Int: UInt32]

    /// Encodes the positions of each entry: entry `e`'s are
    /// `positions[entryStarts[e]..<entryStarts[e + 1]]`, ascending.
    init(positions: [UInt32], entryStarts: [UInt32]) {
        let entryCount = entryStarts.count - 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(positions.count + positions.count / 4)
        var blockStarts: [UInt32] = []
        blockStarts.reserveCapacity(entryCount / Self.blockSize + 1)
        var lengths: [UInt8] = []
        lengths.reserveCapacity(entryCount)
        var largeLengths: [Int: UInt32] = [:]
        for entry in 0..<entryCount {
            if entry % Self.blockSize == 0 {
                precondition(bytes.count < UInt32.max, "a segment's positions take fewer than 2^32 bytes")
                blockStarts.append(UInt32(bytes.count))
            }
            let start = bytes.count
            PositionList.append(positions[Int(entryStarts[entry])..<Int(entryStarts[entry + 1])], to: &bytes)
            let length = bytes.count - start
            if length < Int(UInt8.max) {
                lengths.append(UInt8(length))
            } else {
                lengths.append(.max)
                largeLengths[entry] = UInt32(length)
            }
        }
        // Without the spare capacity reserved above.
        self.bytes = bytes.withUnsafeBufferPointer { Array($0) }
        self.blockStarts = blockStarts
        self.lengths = lengths
        self.largeLengths = largeLengths
    }

    /// Entry `entry`'s positions.
    subscript(entry: Int) -> PositionList {
        var start = Int(self.blockStarts[entry / Self.blockSize])
        for before in (entry - entry % Self.blockSize)..<entry { start += self.length(of: before) }
        return PositionList(bytes: self.bytes[start..<(start + self.length(of: entry))])
    }

    private func length(of entry: Int) -> Int {
        let length = self.lengths[entry]
        return length < .max ? Int(length) : Int(self.largeLengths[entry, default: UInt32(length)])
    }

    /// The heap bytes of the store's arrays, estimated (`SearchFootprint`).
    var heapBytes: Int {
        HeapBytes.of(self.bytes) + HeapBytes.of(self.blockStarts) + HeapBytes.of(self.lengths) + HeapBytes.of(self.largeLengths)
    }
}
