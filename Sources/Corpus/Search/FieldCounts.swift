/// Each posting entry's occurrences per field (`SearchSegment.Field.allCases.count` slots an
/// entry), a byte each: the rare counts of 255 or more are kept aside, capped at `UInt16.max`
/// as the builder counts them.
///
/// Most counts are 0 (a word in neither the title nor the extras) or small, so a `UInt16`
/// per slot spent a byte on nothing.
struct FieldCounts: Sendable {
    /// Each slot's count, `UInt8.max` when it is in `large`.
    private let small: [UInt8]
    private let large: [Int: UInt16]

    /// Narrows `counts`, a count per slot.
    init(_ counts: [UInt16]) {
        var large: [Int: UInt16] = [:]
        self.small = counts.enumerated().map { slot, count in
            guard count >= UInt8.max else { return UInt8(count) }
            large[slot] = count
            return .max
        }
        self.large = large
    }

    /// The count in slot `slot`.
    subscript(slot: Int) -> Int {
        let count = self.small[slot]
        return count < .max ? Int(count) : Int(self.large[slot, default: UInt16(count)])
    }

    /// The heap bytes of the counts, estimated (`SearchFootprint`).
    var heapBytes: Int {
        HeapBytes.of(self.small) + HeapBytes.of(self.large)
    }
}
