import DocumentModel
import Foundation

/// Words (byte strings) mapped to numbers, in an open-addressing hash table over one byte
/// arena: looking a word up hashes and compares its bytes where they lie, with no `String`
/// made, so the index builder pays for a string only once per distinct word.
struct WordTable {
    /// Entry numbers (`-1` for none) by hash, a power of two of them, at most half full.
    private var slots = [Int32](repeating: -1, count: 1 << 12)
    /// Each entry's hash, for probing and for growing without rehashing.
    private var hashes: [UInt64] = []
    /// Entry `i`'s bytes are `bytes[starts[i]..<starts[i + 1]]`.
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []
    /// Each entry's number.
    private var values: [Int32] = []

    /// Where a word that is not in the table goes: its hash and free slot.
    struct Place {
        fileprivate let hash: UInt64
        fileprivate let slot: Int
    }

    /// What `lookUp` found.
    enum Lookup {
        case found(Int32)
        case missing(Place)
    }

    /// The number of `word` if stored, else where to `insert` it.
    func lookUp(_ word: UnsafeBufferPointer<UInt8>) -> Lookup {
        let hash = Self.hash(word)
        let mask = self.slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(self.slots[slot])
            if entry < 0 { return .missing(Place(hash: hash, slot: slot)) }
            if self.hashes[entry] == hash && self.bytesEqual(entry, word) { return .found(self.values[entry]) }
            slot = (slot + 1) & mask
        }
    }

    /// The number of the word spelt by `text`'s UTF-8 bytes, if stored.
    func number(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            guard case .found(let number) = self.lookUp(bytes) else { return nil }
            return Int(number)
        }
    }

    /// Stores `word` with its number at the place `lookUp` gave (no insertion since).
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, number: Int32, at place: Place) {
        self.slots[place.slot] = Int32(self.values.count)
        self.hashes.append(place.hash)
        self.bytes.append(contentsOf: word)
        self.starts.append(self.bytes.count)
        self.values.append(number)
        if self.values.count * 2 > self.slots.count { self.grow() }
    }

    /// The heap bytes of the table's arrays, estimated (`SearchFootprint`).
    var heapBytes: Int {
        HeapBytes.of(self.slots) + HeapBytes.of(self.hashes) + HeapBytes.of(self.starts) + HeapBytes.of(self.bytes) + HeapBytes.of(self.values)
    }

    private func bytesEqual(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = self.starts[entry]
        guard self.starts[entry + 1] - start == word.count else { return false }
        return self.bytes.withUnsafeBufferPointer { stored in
            word.isEmpty || memcmp(stored.baseAddress! + start, word.baseAddress!, word.count) == 0
        }
    }

    /// Twice the slots, entries placed anew by their stored hashes.
    private mutating func grow() {
        var slots = [Int32](repeating: -1, count: self.slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in self.hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
        self.slots = slots
    }

    /// A 64-bit hash of the bytes, eight at a time, each round multiplied and folded, and the
    /// whole mixed once more so that the low bits (the slot) depend on every byte.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(word.count)
        let raw = UnsafeRawBufferPointer(word)
        var offset = 0
        while offset < word.count {
            var chunk: UInt64 = 0
            if offset + 8 <= word.count {
                chunk = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            } else {
                for index in offset..<word.count { chunk |= UInt64(word[index]) << UInt64(8 * (index - offset)) }
            }
            hash = (hash ^ chunk) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        hash = (hash ^ hash >> 29) &* 0x94D0_49BB_1331_11EB
        return hash ^ hash >> 32
    }
}
