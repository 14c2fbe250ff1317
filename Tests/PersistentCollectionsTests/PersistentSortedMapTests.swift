import PersistentCollections
import Testing

/// The persistent map against a plain dictionary: the same answers after any sequence of
/// updates, and earlier versions unchanged by later ones.
struct PersistentSortedMapTests {
    /// A deterministic generator (SplitMix64), so a failure reproduces.
    struct Random {
        var state: UInt64
        mutating func next(below bound: Int) -> Int {
            self.state &+= 0x9E37_79B9_7F4A_7C15
            var z = self.state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Every lookup, the order, the positions and the count match a dictionary's through
    /// thousands of random inserts, replacements and removals (enough to split and empty
    /// leaves and inner nodes).
    @Test(arguments: [1, 2, 3])
    func matchesADictionary(seed: UInt64) {
        var random = Random(state: seed)
        var map = PersistentSortedMap<Int, String>()
        var model: [Int: String] = [:]
        for step in 0..<20_000 {
            let key = random.next(below: 6_000)
            if random.next(below: 3) == 0 {
                #expect(map.removeValue(forKey: key) == model.removeValue(forKey: key))
            } else {
                #expect(map.updateValue("\(key)@\(step)", forKey: key) == model.updateValue("\(key)@\(step)", forKey: key))
            }
        }
        let sorted = model.keys.sorted()
        #expect(map.count == model.count)
        #expect(Array(map.keys) == sorted)
        #expect(Array(map.values) == sorted.map { model[$0]! })
        for probe in stride(from: -1, to: 6_001, by: 7) {
            #expect(map[probe] == model[probe])
            #expect(map.position(of: probe) == sorted.firstIndex { $0 >= probe } ?? sorted.count)
        }
        for position in stride(from: 0, to: sorted.count, by: 13) {
            #expect(map.entries[position].key == sorted[position])
            #expect(map.values[position] == model[sorted[position]])
        }
    }

    /// A version taken before updates still has its own entries afterwards.
    @Test func earlierVersionsDoNotChange() {
        var first = PersistentSortedMap<Int, Int>()
        for key in 0..<1_000 { first[key] = key }
        var second = first
        for key in stride(from: 0, to: 1_000, by: 2) { second[key] = nil }
        second[5] = -5
        second[2_000] = 2_000

        #expect(first.count == 1_000)
        #expect(Array(first.values) == Array(0..<1_000))
        #expect(second.count == 501)
        #expect(second[5] == -5 && first[5] == 5)
        #expect(second[4] == nil && first[4] == 4)
        #expect(first[2_000] == nil)
    }

    /// A bulk build from sorted entries is the same map as one built by inserting them, and
    /// takes updates afterwards.
    @Test func bulkBuildEqualsInsertion() {
        let entries = (0..<5_000).map { ($0 * 3, "v\($0)") }
        var built = PersistentSortedMap<Int, String>(sortedUniqueEntries: entries)
        var inserted = PersistentSortedMap<Int, String>()
        for (key, value) in entries { inserted[key] = value }

        #expect(Array(built.keys) == Array(inserted.keys))
        #expect(Array(built.values) == Array(inserted.values))
        built[1] = "new"
        #expect(built.position(of: 1) == 1)
        #expect(built.count == 5_001)
    }

    /// Emptying a map and filling it again works, and an empty map has no entries.
    @Test func emptiesAndRefills() {
        var map = PersistentSortedMap<String, Int>()
        #expect(map.isEmpty && map.count == 0 && Array(map.entries).isEmpty)
        for key in 0..<300 { map["k\(key)"] = key }
        for key in 0..<300 { #expect(map.removeValue(forKey: "k\(key)") == key) }
        #expect(map.isEmpty && map.count == 0)
        #expect(map.removeValue(forKey: "k1") == nil)
        map["again"] = 1
        #expect(Array(map.keys) == ["again"])
    }
}
