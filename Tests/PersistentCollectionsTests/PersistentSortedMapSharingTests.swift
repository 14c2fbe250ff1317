import PersistentCollections
import Testing

/// Updates change nodes in place only where no other version holds them: every version kept
/// while another is written keeps its own entries, however the two share nodes.
struct PersistentSortedMapSharingTests {
    typealias Random = PersistentSortedMapTests.Random

    /// A map and the dictionary it should equal.
    struct Version {
        var map: PersistentSortedMap<Int, Int>
        var model: [Int: Int]

        /// Whether the map has exactly the model's entries, in increasing key order, with the
        /// right count, lookups and positions.
        func isFaithful(probing probes: [Int]) -> Bool {
            guard self.map.count == self.model.count, self.map.entries.allSatisfy({ self.model[$0.key] == $0.value }),
                zip(self.map.keys, self.map.keys.dropFirst()).allSatisfy({ $0 < $1 })
            else { return false }
            return probes.allSatisfy { probe in
                self.map[probe] == self.model[probe] && self.map.position(of: probe) == self.model.keys.count { $0 < probe }
            }
        }
    }

    /// Random inserts, replacements, removals and in-place changes on a three-level map, a batch
    /// per step, while an earlier version is kept (taken anew now and then, so the two share
    /// nodes in every pattern): after every step both equal their dictionaries.
    @Test(arguments: [1, 2, 3])
    func keptVersionsStayWhole(seed: UInt64) {
        var random = Random(state: seed)
        let start = (0..<2_500).map { ($0 * 2, $0) }
        var current = Version(map: PersistentSortedMap(sortedUniqueEntries: start), model: Dictionary(uniqueKeysWithValues: start))
        var kept = current
        for step in 0..<200 {
            if random.next(below: 20) == 0 { kept = current }
            // Nearby keys, as a write's are, so that later updates find nodes the first copied.
            let base = random.next(below: 5_200)
            for _ in 0..<8 {
                let key = base + random.next(below: 300)
                switch random.next(below: 4) {
                case 0: #expect(current.map.removeValue(forKey: key) == current.model.removeValue(forKey: key))
                case 1:
                    current.map.modifyValue(forKey: key, default: -1) { $0 += step }
                    current.model[key, default: -1] += step
                default: #expect(current.map.updateValue(step, forKey: key) == current.model.updateValue(step, forKey: key))
                }
            }
            let probes = (0..<4).map { _ in random.next(below: 5_600) - 100 }
            #expect(current.isFaithful(probing: probes), "current version, step \(step)")
            #expect(kept.isFaithful(probing: probes), "kept version, step \(step)")
        }
    }

    /// A map emptied key by key while a full version is kept: the kept one is whole, the
    /// emptied one empty, and both take new entries.
    @Test func emptyingLeavesTheKeptVersionWhole() {
        var map = PersistentSortedMap(sortedUniqueEntries: (0..<5_000).map { ($0, $0) })
        let kept = map
        for key in (0..<5_000).reversed() where key % 3 != 0 { map[key] = nil }
        for key in stride(from: 0, to: 5_000, by: 3) { #expect(map.removeValue(forKey: key) == key) }
        #expect(map.isEmpty && map.count == 0)
        map[7] = 7
        #expect(Array(map.keys) == [7])
        #expect(kept.count == 5_000 && Array(kept.values) == Array(0..<5_000))
    }

    /// A value that is itself a persistent map, changed in place through `modifyValue`: the
    /// version kept before sees its old inner map.
    @Test func nestedMapsChangeInPlaceOnlyInTheirVersion() {
        var outer = PersistentSortedMap<String, PersistentSortedMap<Int, Int>>()
        for key in 0..<200 { outer.modifyValue(forKey: "k\(key % 3)", default: PersistentSortedMap()) { $0[key] = key } }
        let kept = outer
        for key in 0..<200 { outer.modifyValue(forKey: "k\(key % 3)", default: PersistentSortedMap()) { $0[key] = -key } }
        outer.modifyValue(forKey: "new", default: PersistentSortedMap()) { $0[1] = 1 }

        #expect(Array(outer.keys) == ["k0", "k1", "k2", "new"])
        #expect(Array(outer["k1"]!.values) == stride(from: 1, to: 200, by: 3).map { -$0 })
        #expect(Array(kept.keys) == ["k0", "k1", "k2"])
        #expect(Array(kept["k1"]!.values) == Array(stride(from: 1, to: 200, by: 3)))
    }

    /// An iterator started before a change reads the version it started on.
    @Test func iteratorsReadTheirOwnVersion() {
        var map = PersistentSortedMap(sortedUniqueEntries: (0..<1_000).map { ($0, $0) })
        var iterator = map.values.makeIterator()
        #expect(iterator.next() == 0)
        for key in 0..<1_000 { map[key] = -key }
        map[500] = nil
        #expect(Array(IteratorSequence(iterator)) == Array(1..<1_000))
        #expect(map.values.prefix(3).elementsEqual([0, -1, -2]))
    }
}
