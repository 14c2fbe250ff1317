import BenchmarkCorpus
import Corpus
import DocumentModel
import Extraction
import Foundation
import Store

// Ingestion throughput and corpus memory, on one core:
//   swift run -c release ingest-benchmark [documents=10000] [seed=42]
// Generates the documents' raw texts first (not timed; BenchmarkCorpus's news generator, the
// same one search-benchmark uses), ingests them all (timed), builds the snapshot, and reports
// documents/s, MB/s of input, and the resident memory the corpus adds.
/// The command line, without the program name.
let arguments = CommandLine.arguments.dropFirst()
/// Documents to generate and ingest.
let count = arguments.first.flatMap { Int($0) } ?? 10_000
/// The generator's seed.
let seed = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 42

/// The news generator shared with search-benchmark.
var generator = NewsCorpusGenerator(seed: seed)
/// The raw texts to ingest.
let texts = (0..<count).map { _ in generator.next().text }
/// Their UTF-8 size.
let inputBytes = texts.reduce(0) { $0 + $1.utf8.count }
/// The ingestor under test.
let ingestor = Ingestor()
/// The budget the server gives each posted document: its checks are part of the cost.
let budget = DocumentStore.Configuration().ingestionBudget
_ = try? ingestor.ingest(text: texts[0], id: "warm-up")  // loads the lexicons

/// Resident memory before ingesting.
let before = ProcessMemory.residentBytes()
/// Times the ingestion.
let clock = ContinuousClock()
/// The ingested documents.
var documents: [Document] = []
documents.reserveCapacity(count)
/// Texts the ingestor rejected.
var failures = 0
/// How long ingesting took.
let elapsed = clock.measure {
    for (index, text) in texts.enumerated() {
        do {
            documents.append(try ingestor.ingest(text: text, id: "doc-\(index)", budget: budget))
        } catch {
            failures += 1
        }
    }
}
/// The corpus as the server holds it.
let snapshot = Snapshot(documents: documents, version: 1)
/// Resident memory with the corpus in memory.
let after = ProcessMemory.residentBytes()

/// `elapsed` in seconds.
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("documents        \(count) (\(failures) rejected), input \(String(format: "%.1f", Double(inputBytes) / 1e6)) MB, seed \(seed)")
print("ingestion        \(String(format: "%.2f", seconds)) s: \(String(format: "%.0f", Double(count) / seconds)) documents/s, \(String(format: "%.2f", Double(inputBytes) / 1e6 / seconds)) MB/s")
print("corpus memory    \(String(format: "%.1f", Double(after - before) / 1_048_576)) MiB resident for \(snapshot.documents.count) documents")
print("extracted        \(documents.reduce(0) { $0 + $1.dates.count }) dates, \(documents.reduce(0) { $0 + $1.contacts.count }) contacts, \(documents.reduce(0) { $0 + $1.entities.count }) entities, \(documents.reduce(0) { $0 + $1.quotes.count }) quotes")
