@testable import Corpus
import Testing
import TestSupport

/// The compact encodings of a segment's postings give back exactly what was put in:
/// positions as gap bytes (`PositionList`, `PositionStore`) and counts packed in a byte, or
/// kept aside when they do not fit (`FieldCounts`), on random inputs and at the edges.
struct PostingEncodingTests {
    /// Ascending positions, `count` of them, with gaps drawn from every byte-length class.
    private static func positions(_ count: Int, using random: inout SplitMix64) -> [UInt32] {
        var position: UInt32 = 0
        var result: [UInt32] = []
        let gaps: [ClosedRange<UInt32>] = [1...127, 128...16_383, 16_384...2_097_151, 2_097_152...5_000_000]
        for index in 0..<count {
            let gap = gaps[Int(random.next() % 10 == 0 ? random.next() % 4 : 0)]
            let step = UInt32.random(in: gap, using: &random)
            position = index == 0 && random.next() % 3 == 0 ? 0 : position + step
            result.append(position)
        }
        return result
    }

    @Test func positionListsRoundTripAtTheEdges() {
        for positions: [UInt32] in [[], [0], [127], [128], [0, 127, 128, 16_383, 16_384], [UInt32.max], [0, UInt32.max], [5, 6, 7, UInt32.max - 1, UInt32.max]] {
            var bytes: [UInt8] = []
            PositionList.append(positions, to: &bytes)
            let list = PositionList(bytes: bytes[...])
            #expect(Array(list) == positions)
        }
        var bytes: [UInt8] = []
        PositionList.append([127, 128, 16_384], to: &bytes)
        #expect(bytes.count == 1 + 1 + 2)
    }

    @Test func positionListsRoundTripOnRandomInputs() {
        var random = SplitMix64(seed: 16)
        for _ in 0..<500 {
            let positions = Self.positions(Int(random.next() % 40), using: &random)
            var bytes: [UInt8] = [0xFF, 0x80]  // a list need not start its array
            PositionList.append(positions, to: &bytes)
            let list = PositionList(bytes: bytes[2...])
            #expect(Array(list) == positions)
        }
    }

    @Test func positionStoresFindEveryEntryOnRandomInputs() {
        var random = SplitMix64(seed: 61)
        for round in 0..<40 {
            // Entries of no positions, of a few, and (now and then) of hundreds, whose bytes
            // pass the one-byte length.
            let entries = (0..<Int(random.next() % 50)).map { _ in
                Self.positions(random.next() % 7 == 0 ? 100 + Int(random.next() % 300) : Int(random.next() % 5), using: &random)
            }
            var starts: [UInt32] = [0]
            for entry in entries { starts.append(starts.last! + UInt32(entry.count)) }
            let store = PositionStore(positions: entries.flatMap { $0 }, entryStarts: starts)
            for (number, entry) in entries.enumerated() { #expect(Array(store[number]) == entry, "round \(round), entry \(number)") }
        }
    }

    /// Every entry's three counts back, packed or kept aside, wherever the entry falls
    /// among the words of the rank bits.
    @Test func fieldCountsRoundTripAtTheEdgesAndOnRandomInputs() {
        let edges: [UInt16] = [0, 1, 2, 3, 14, 15, 254, 255, 256, UInt16.max - 1, UInt16.max]
        var random = SplitMix64(seed: 7)
        for entryCount in [0, 1, 63, 64, 65, 200, 1_000] {
            let values = (0..<(3 * entryCount)).map { _ in
                random.next() % 8 == 0 ? edges[Int(random.next() % UInt64(edges.count))] : UInt16(random.next() % 3)
            }
            let counts = FieldCounts(values)
            let back = (0..<entryCount).flatMap { entry in (0..<3).map { counts[entry, $0] } }
            #expect(back == values.map(Int.init), "\(entryCount) entries")
        }
    }
}
