/// Each posting entry's occurrences in the title, body and extras, mostly in one byte: the
/// title's and the extras' counts (0–2) in two bits each and the body's (0–14) in four. An
/// entry whose counts do not fit (a word in a title three times, or fifteen times in a body)
/// has its three counts kept aside as `UInt16`s, found by rank: a bit per entry marks them,
/// and the marked entries before every 64th are counted.
///
/// A `UInt16` per field spent six bytes an entry where most have a small body count and
/// nothing else.
///
/// A class, so that each term's `Postings` shares it with one reference (copying its arrays
/// cost a retain each, per term read, in phrase matching).
///
/// - Note: Immutable after `init`, hence `Sendable`.
final class FieldCounts: Sendable {
    /// The byte of an entry whose counts are kept aside.
    private static let aside: UInt8 = 0xFF

    /// Each entry's counts, packed, or `aside`.
    private let packed: [UInt8]
    /// A bit per entry, set when its counts are kept aside.
    private let asideBits: [UInt64]
    /// How many entries before `64 * w` are kept aside.
    private let asideRanks: [UInt32]
    /// The counts kept aside, three per entry (by `SearchSegment.Field.rawValue`), in entry order.
    private let asideCounts: [UInt16]

    /// Packs `counts`: three per entry, by `SearchSegment.Field.rawValue`.
    init(_ counts: [UInt16]) {
        precondition(SearchSegment.Field.allCases.map(\.rawValue) == [0, 1, 2], "title, body and extras")
        let entryCount = counts.count / 3
        var packed = [UInt8](repeating: 0, count: entryCount)
        var asideBits = [UInt64](repeating: 0, count: (entryCount + 63) / 64)
        var asideRanks: [UInt32] = []
        asideRanks.reserveCapacity(asideBits.count)
        var asideCounts: [UInt16] = []
        for entry in 0..<entryCount {
            if entry % 64 == 0 { asideRanks.append(UInt32(asideCounts.count / 3)) }
            let (title, body, extras) = (counts[3 * entry], counts[3 * entry + 1], counts[3 * entry + 2])
            if title < 3 && extras < 3 && body < 15 {
                packed[entry] = UInt8(title) << 6 | UInt8(extras) << 4 | UInt8(body)
            } else {
                packed[entry] = Self.aside
                asideBits[entry / 64] |= 1 << UInt64(entry % 64)
                asideCounts += [title, body, extras]
            }
        }
        self.packed = packed
        self.asideBits = asideBits
        self.asideRanks = asideRanks
        self.asideCounts = asideCounts.withUnsafeBufferPointer { Array($0) }
    }

    /// Entry `entry`'s count in field `field` (a `SearchSegment.Field.rawValue`).
    subscript(entry: Int, field: Int) -> Int {
        let byte = self.packed[entry]
        guard byte == Self.aside else {
            switch field {
            case 0: return Int(byte >> 6)
            case 1: return Int(byte & 0x0F)
            default: return Int(byte >> 4 & 0x03)
            }
        }
        let below = self.asideBits[entry / 64] & ((1 << UInt64(entry % 64)) - 1)
        let rank = Int(self.asideRanks[entry / 64]) + below.nonzeroBitCount
        return Int(self.asideCounts[3 * rank + field])
    }

    /// The heap bytes of the counts, estimated (`SearchFootprint`).
    var heapBytes: Int {
        HeapBytes.of(self.packed) + HeapBytes.of(self.asideBits) + HeapBytes.of(self.asideRanks) + HeapBytes.of(self.asideCounts)
    }
}
