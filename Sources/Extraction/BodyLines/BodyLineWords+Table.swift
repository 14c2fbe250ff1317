extension BodyLineWords {
    /// The lists of each listed word, by its key (`key(lowercaseLetters:)`), in an
    /// open-addressing table: every word of every line is looked up, and a `Dictionary`
    /// hashed each key with SipHash, several times the cost of this lookup.
    struct ListTable: Sendable {
        /// The key in each slot; 0, the key of no word, marks an empty one.
        private let keys: [UInt64]
        /// The lists of the key in the same slot.
        private let values: [Lists]
        /// The slot count less one: the count is a power of two.
        private let mask: Int

        /// A table of the entries, at most a quarter full.
        init(_ entries: [UInt64: Lists]) {
            precondition(entries[0] == nil, "0 marks an empty slot")
            var count = 16
            while count < entries.count * 4 { count *= 2 }
            var keys = [UInt64](repeating: 0, count: count)
            var values = [Lists](repeating: [], count: count)
            for (key, lists) in entries {
                var slot = Self.hash(key) & (count - 1)
                while keys[slot] != 0 { slot = (slot + 1) & (count - 1) }
                keys[slot] = key
                values[slot] = lists
            }
            self.keys = keys
            self.values = values
            self.mask = count - 1
        }

        /// The lists of the word with this key; `nil` when it is in none.
        subscript(key: UInt64) -> Lists? {
            guard key != 0 else { return nil }
            var slot = Self.hash(key) & self.mask
            while true {
                let found = self.keys[slot]
                if found == key { return self.values[slot] }
                if found == 0 { return nil }
                slot = (slot + 1) & self.mask
            }
        }

        /// Fibonacci hashing: the key's high bits, spread by a multiplication.
        private static func hash(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
        }
    }
}
