import Corpus
import Foundation

/// `--footprint`: what the search indexes hold per document, part by part, next to the raw text.
enum FootprintReport {
    /// Prints `index`'s parts (see `SearchFootprint`) per document of `documentCount`, with
    /// their share of the index's own bytes, and the raw text's bytes per document.
    static func print(_ index: SearchIndex, named name: String, documentCount: Int, rawBytes: Int) {
        let footprint = index.footprint
        let perDocument = { (bytes: Int) in Double(bytes) / Double(documentCount) }
        Swift.print("\n\(name): \(footprint.segmentCount) segment(s), bytes per document (raw text \(format(perDocument(rawBytes), 0)))")
        for part in footprint.parts {
            let share = part.isSharedText ? "shared" : format(100 * Double(part.bytes) / Double(max(footprint.ownBytes, 1)), 1) + " %"
            Swift.print(part.name.padding(toLength: 42, withPad: " ", startingAt: 0) + format(perDocument(part.bytes), 1).leftPadded(10) + share.leftPadded(10))
        }
        Swift.print("own bytes (without the shared text)".padding(toLength: 42, withPad: " ", startingAt: 0)
            + format(perDocument(footprint.ownBytes), 1).leftPadded(10)
            + (format(Double(footprint.ownBytes) / Double(rawBytes), 2) + " x raw").leftPadded(12))
    }
}
