import DocumentModel

/// A segment's postings: for each term, the items that contain it, how often in each field,
/// and where (for phrases).
///
/// All terms share flat arrays, each term's entries one run after the previous term's:
/// no array (header, allocation and spare capacity) per term. Counts take mostly a byte an entry
/// (`FieldCounts`) and positions the bytes of their gaps (`PositionStore`).
struct PostingStore: Sendable {
    /// Term `t`'s entries, one per item containing it, are `termStarts[t]..<termStarts[t + 1]`.
    let termStarts: [UInt32]
    /// Each entry's item number (ascending within a term).
    let items: [UInt32]
    /// `Field.allCases.count` counts per entry.
    let counts: FieldCounts
    /// Each entry's token positions (title, then body after a gap; extras have none).
    let positions: PositionStore

    /// Term `term`'s postings.
    subscript(term: Int) -> Postings {
        Postings(
            items: self.items[Int(self.termStarts[term])..<Int(self.termStarts[term + 1])], counts: self.counts,
            positions: self.positions)
    }

    /// How many items contain term `term`.
    func frequency(of term: Int) -> Int {
        Int(self.termStarts[term + 1] - self.termStarts[term])
    }
}

/// One term's postings: items in order, each with its per-field counts and positions.
///
/// Indices are the store's entry numbers (`items.indices`), not offsets from zero.
struct Postings {
    /// Item numbers, ascending.
    let items: ArraySlice<UInt32>
    fileprivate let counts: FieldCounts
    fileprivate let positions: PositionStore

    /// The occurrences in `field` of the entry at `index`.
    func count(_ field: SearchSegment.Field, at index: Int) -> Int {
        self.counts[index, field.rawValue]
    }

    /// The positions of the entry at `index`, ascending.
    func positions(at index: Int) -> PositionList {
        self.positions[index]
    }
}
