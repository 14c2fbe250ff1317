import DocumentModel

extension PostingStore {
    /// Gathers a segment's occurrences, item by item, as bare term numbers, counting as it
    /// goes how many entries and positions each term will have; `build` then writes every
    /// entry straight into its place in the store's arrays.
    ///
    /// Appending to an array per term instead cost a uniqueness and capacity check per
    /// occurrence, left spare capacity in every array, and was most of the index build.
    struct Builder {
        /// Every occurrence's term, item by item, each item's in token order: the title's and
        /// the body's (the positioned ones), then the extras'.
        private var occurrences: [UInt32] = []
        /// Item `i`'s occurrences are `occurrences[itemStarts[i]..<itemStarts[i + 1]]`.
        private var itemStarts: [Int] = [0]
        /// Per term: its entries so far (the items containing it), its positioned occurrences,
        /// and the last item that counted as an entry.
        private var entryCounts: [UInt32] = []
        private var positionCounts: [UInt32] = []
        private var lastItems: [UInt32] = []

        /// Adds the words of `text` to the current item, numbered by `dictionary` (here rather
        /// than in a closure over the caller's variables, which would be checked for exclusive
        /// access at every word); returns how many there are.
        mutating func add(wordsOf text: String, numberedBy dictionary: inout TermDictionary, positioned: Bool) -> UInt32 {
            var count: UInt32 = 0
            SearchToken.forEachWord(in: text) { word, isASCII, _, _ in
                self.add(dictionary.number(of: word, isASCII: isASCII), positioned: positioned)
                count += 1
            }
            return count
        }

        /// An occurrence of term `term` in the current item.
        private mutating func add(_ term: Int, positioned: Bool) {
            if term == self.entryCounts.count {
                self.entryCounts.append(0)
                self.positionCounts.append(0)
                self.lastItems.append(.max)
            }
            let item = UInt32(self.itemStarts.count - 1)
            if self.lastItems[term] != item {
                self.lastItems[term] = item
                self.entryCounts[term] += 1
            }
            if positioned { self.positionCounts[term] += 1 }
            self.occurrences.append(UInt32(term))
        }

        /// Ends the current item; the next `add` is the next item's.
        mutating func endItem() {
            self.itemStarts.append(self.occurrences.count)
        }

        /// Where the next entry and position of a term go while `build` fills the store.
        private struct Cursor {
            var lastItem: UInt32 = .max
            var entry: UInt32
            var position: UInt32
        }

        /// The store: entries written straight into place, then counts narrowed to bytes
        /// (`FieldCounts`) and positions encoded (`PositionStore`).
        ///
        /// - Parameters:
        ///   - fieldLengths: each item's title, body and extras lengths (`SearchSegment.fieldLengths`).
        ///   - paragraphStarts: where each paragraph starts (`SearchSegment.paragraphStarts`)...
        ///   - itemParagraphs: ...for each item (`SearchSegment.itemParagraphs`): with the
        ///     lengths they give every occurrence its field and position again.
        func build(fieldLengths: [UInt32], paragraphStarts: [UInt32], itemParagraphs: [Int32]) -> PostingStore {
            let fields = SearchSegment.Field.allCases.count
            var termStarts: [UInt32] = [0]
            termStarts.reserveCapacity(self.entryCounts.count + 1)
            var cursors: [Cursor] = []
            cursors.reserveCapacity(self.entryCounts.count)
            var entryTotal = 0
            var positionTotal = 0
            for term in self.entryCounts.indices {
                cursors.append(Cursor(entry: UInt32(entryTotal), position: UInt32(positionTotal)))
                entryTotal += Int(self.entryCounts[term])
                positionTotal += Int(self.positionCounts[term])
                precondition(positionTotal < UInt32.max, "a segment holds fewer than 2^32 positions")
                termStarts.append(UInt32(entryTotal))
            }
            var items = [UInt32](repeating: 0, count: entryTotal)
            var counts = [UInt16](repeating: 0, count: entryTotal * fields)
            var positionStarts = [UInt32](repeating: UInt32(positionTotal), count: entryTotal + 1)
            var positions = [UInt32](repeating: 0, count: positionTotal)
            items.withUnsafeMutableBufferPointer { items in
                counts.withUnsafeMutableBufferPointer { counts in
                    positionStarts.withUnsafeMutableBufferPointer { positionStarts in
                        positions.withUnsafeMutableBufferPointer { positions in
                            cursors.withUnsafeMutableBufferPointer { cursors in
                                /// Posts one occurrence of `term` in `item`.
                                func post(_ term: UInt32, _ item: UInt32, _ field: Int, _ position: UInt32?) {
                                    let term = Int(term)
                                    if cursors[term].lastItem != item {
                                        cursors[term].lastItem = item
                                        items[Int(cursors[term].entry)] = item
                                        positionStarts[Int(cursors[term].entry)] = cursors[term].position
                                        cursors[term].entry += 1
                                    }
                                    let slot = (Int(cursors[term].entry) - 1) * fields + field
                                    if counts[slot] < .max { counts[slot] += 1 }
                                    if let position {
                                        positions[Int(cursors[term].position)] = position
                                        cursors[term].position += 1
                                    }
                                }
                                self.forEachOccurrence(fieldLengths: fieldLengths, paragraphStarts: paragraphStarts, itemParagraphs: itemParagraphs, post)
                            }
                        }
                    }
                }
            }
            return PostingStore(
                termStarts: termStarts, items: items, counts: FieldCounts(counts),
                positions: PositionStore(positions: positions, entryStarts: positionStarts))
        }

        /// Calls `body` with each occurrence's term, item, field and position (`nil` in the
        /// extras), in order: the title's positions count from 0, each paragraph's from its
        /// start, and a paragraph ends `SearchSegment.positionGap` before the next one starts.
        private func forEachOccurrence(
            fieldLengths: [UInt32], paragraphStarts: [UInt32], itemParagraphs: [Int32],
            _ body: (_ term: UInt32, _ item: UInt32, _ field: Int, _ position: UInt32?) -> Void
        ) {
            let fields = SearchSegment.Field.allCases.count
            let (title, bodyField, extras) = (SearchSegment.Field.title.rawValue, SearchSegment.Field.body.rawValue, SearchSegment.Field.extras.rawValue)
            self.occurrences.withUnsafeBufferPointer { occurrences in
                for item in 0..<(self.itemStarts.count - 1) {
                    var next = self.itemStarts[item]
                    let number = UInt32(item)
                    let titleLength = fieldLengths[item * fields + title]
                    for position in 0..<titleLength {
                        body(occurrences[next], number, title, position)
                        next += 1
                    }
                    var bodyLeft = fieldLengths[item * fields + bodyField]
                    let paragraphs = Int(itemParagraphs[item])..<Int(itemParagraphs[item + 1])
                    for paragraph in paragraphs {
                        let start = paragraphStarts[paragraph]
                        let length = paragraph + 1 < paragraphs.upperBound ? paragraphStarts[paragraph + 1] - SearchSegment.positionGap - start : bodyLeft
                        for position in start..<(start + length) {
                            body(occurrences[next], number, bodyField, position)
                            next += 1
                        }
                        bodyLeft -= length
                    }
                    while next < self.itemStarts[item + 1] {
                        body(occurrences[next], number, extras, nil)
                        next += 1
                    }
                }
            }
        }
    }
}
