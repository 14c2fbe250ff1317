import BenchmarkCorpus
import Corpus
import DocumentModel
import Extraction
import Foundation

// The CPU cost of one write in the indexes the API keeps, on one core:
//   swift run -c release index-benchmark [documents=10000] [writes=500] [seed=42]
// Generates and ingests `documents + writes` news stories once (not timed), builds the indexes
// over the first `documents` (the snapshot, search over documents and over quotations, the
// entity directory, the similarity index), then applies `writes` writes one per call, as the
// API's writer does: most add a new document, every 10th replaces an existing one with a new
// text, every 20th removes one. Prints the microseconds each index spends per write, and in total.
//
// Under callgrind, count only the writes: with `--pause` it prints `indexes built` and waits
// for a line on its standard input before writing, so that instrumentation (slow through
// ingestion) can be switched on then (Tests/Benchmarks/index-callgrind.sh does it all):
//   valgrind --tool=callgrind --instr-atstart=no --toggle-collect='*applyWrites*' index-benchmark 2000 100 --pause
/// Whether to wait for a line on standard input once the indexes are built.
let pauses = CommandLine.arguments.contains("--pause")
/// The command line, without the program name and `--pause`.
let arguments = CommandLine.arguments.dropFirst().filter { $0 != "--pause" }.map { Int($0) }
/// Documents indexed before the writes.
let count = arguments.first.flatMap { $0 } ?? 10_000
/// Writes applied one by one.
let writeCount = arguments.dropFirst().first.flatMap { $0 } ?? 500
/// The generator's seed.
let seed = UInt64(arguments.dropFirst(2).first.flatMap { $0 } ?? 42)

/// One write: a document added (new, or replacing one with its id), or an id removed.
enum Write {
    case add(Document)
    case remove(String)
}

/// The indexes `RenderedCorpus` keeps, and the time each has spent on writes.
struct Indexes {
    /// What each index is called in the report, in report order.
    static let names = ["snapshot", "search", "quotation search", "entity directory", "similarity"]

    var snapshot: Snapshot
    var search: SearchIndex
    var quotationSearch: SearchIndex
    var entities: EntityDirectory
    var similarity: SimilarityIndex
    /// The current version of each document, for taking it out of the indexes that need it.
    var documents: [String: Document]
    /// Per index of `names`, the time spent applying writes.
    var elapsed = [Duration](repeating: .zero, count: Indexes.names.count)

    /// The indexes of `documents`, built from scratch as at start-up.
    init(documents: [Document]) {
        self.snapshot = Snapshot(documents: documents, version: 1)
        self.search = SearchIndex(documents: documents)
        self.quotationSearch = SearchIndex.quotations(of: documents)
        self.entities = EntityDirectory(documents: documents)
        self.similarity = SimilarityIndex(documents: documents)
        self.documents = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
    }

    /// Applies `write` to every index as `RenderedCorpus.applying` does, timing each.
    mutating func apply(_ write: Write, version: Int) {
        let clock = ContinuousClock()
        let (added, removedID): ([Document], String) = switch write {
        case .add(let document): ([document], document.id)
        case .remove(let id): ([], id)
        }
        let removed: Set<String> = if case .remove = write { [removedID] } else { [] }
        let replaced: Set<String> = [removedID]
        let old = self.documents.removeValue(forKey: removedID)
        for document in added { self.documents[document.id] = document }
        self.elapsed[0] += clock.measure {
            self.snapshot = self.snapshot.applying(adding: added, removing: removed, version: version)
        }
        self.elapsed[1] += clock.measure {
            self.search = self.search.removing(documentIDs: replaced).adding(added)
        }
        self.elapsed[2] += clock.measure {
            self.quotationSearch = self.quotationSearch.removing(documentIDs: replaced).addingQuotations(of: added)
        }
        // Each index is changed in a copy while `self` still holds the previous version, as
        // `RenderedCorpus.applying` does while readers hold the previous corpus: a write copies
        // what it shares with the version readers see, and releasing that version is counted.
        self.elapsed[3] += clock.measure {
            var entities = self.entities
            if let old { entities.remove(old) }
            for document in added { entities.add(document) }
            self.entities = entities
        }
        self.elapsed[4] += clock.measure {
            var similarity = self.similarity
            if let old { similarity.remove(old) }
            for document in added { similarity.add(document) }
            self.similarity = similarity
        }
    }
}

/// Applies the writes one by one (the function callgrind's `--toggle-collect` names).
@inline(never)
func applyWrites(_ writes: [Write], to indexes: inout Indexes) {
    for (offset, write) in writes.enumerated() { indexes.apply(write, version: 2 + offset) }
}

/// Microseconds per write of a duration spent on `writes` writes, as text.
func microseconds(_ duration: Duration, per writes: Int) -> String {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return String(format: "%10.1f", seconds * 1e6 / Double(max(writes, 1)))
}

/// The news generator shared with the other benchmarks.
var generator = NewsCorpusGenerator(seed: seed)
/// The ingestor the server uses.
let ingestor = Ingestor()
/// The texts' documents (those the ingestor accepts): the first `count` are indexed at the
/// start, the rest are written.
var documents: [Document] = []
while documents.count < count + writeCount {
    let text = generator.next().text
    if let document = try? ingestor.ingest(text: text, id: "doc-\(documents.count)") { documents.append(document) }
}
/// The writes, in order: a replacement keeps an indexed document's id with a later story's text.
let writes: [Write] = documents[count...].enumerated().map { offset, document in
    let target = documents[(offset * 7_919) % max(count, 1)].id
    if offset % 20 == 19 { return .remove(documents[(offset * 104_729) % max(count, 1)].id) }
    guard offset % 10 == 9, let replacement = try? ingestor.ingest(text: document.paragraphs.map(\.text).joined(separator: "\n\n"), id: target) else {
        return .add(document)
    }
    return .add(replacement)
}
/// The indexes before the writes.
var indexes = Indexes(documents: Array(documents.prefix(count)))
if pauses {
    print("indexes built")
    fflush(nil)  // every stream: `stdout` is shared mutable state to Swift 6
    _ = readLine()
}
applyWrites(writes, to: &indexes)

print("documents  \(indexes.snapshot.documents.count) after \(writes.count) writes (seed \(seed)); microseconds per write:")
for (name, elapsed) in zip(Indexes.names, indexes.elapsed) {
    print("\(name.padding(toLength: 18, withPad: " ", startingAt: 0))\(microseconds(elapsed, per: writes.count))")
}
print("\("total".padding(toLength: 18, withPad: " ", startingAt: 0))\(microseconds(indexes.elapsed.reduce(.zero, +), per: writes.count))")
