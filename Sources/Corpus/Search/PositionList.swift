/// The positions of one posting entry, ascending, as the bytes of their gaps: the first
/// position, then each one's difference from the one before, each written in groups of
/// seven bits, lowest first, with the high bit set on every byte but a number's last.
///
/// Gaps between a word's occurrences in a document are mostly under 128, so a position
/// takes one byte instead of four; they are read in one pass from the start, as phrases
/// (`Evaluation`) and snippets read them.
struct PositionList: Sequence {
    /// The encoded gaps.
    let bytes: ArraySlice<UInt8>

    /// Appends `positions` (ascending) to `bytes`, encoded.
    static func append(_ positions: some Sequence<UInt32>, to bytes: inout [UInt8]) {
        var previous: UInt32 = 0
        for position in positions {
            precondition(position >= previous, "positions ascend")
            var gap = position - previous
            previous = position
            while gap >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: gap) | 0x80)
                gap >>= 7
            }
            bytes.append(UInt8(gap))
        }
    }

    func makeIterator() -> Iterator {
        Iterator(bytes: self.bytes, offset: self.bytes.startIndex)
    }

    /// Decodes the positions one by one.
    struct Iterator: IteratorProtocol {
        fileprivate let bytes: ArraySlice<UInt8>
        /// Where the next gap starts in `bytes`.
        fileprivate var offset: Int
        private var previous: UInt32 = 0

        fileprivate init(bytes: ArraySlice<UInt8>, offset: Int) {
            self.bytes = bytes
            self.offset = offset
        }

        mutating func next() -> UInt32? {
            guard self.offset < self.bytes.endIndex else { return nil }
            var gap: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                let byte = self.bytes[self.offset]
                self.offset += 1
                gap |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            self.previous += gap
            return self.previous
        }
    }
}
