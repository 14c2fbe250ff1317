import Corpus
import Foundation
import Glibc

// Ingestion throughput and corpus memory, on one core:
//   swift run -c release ingest-benchmark [documents=10000] [seed=42]
// Generates the documents first (not timed), ingests them all (timed), builds the snapshot,
// and reports documents/s, MB/s of input, and the resident memory the corpus adds.
let arguments = CommandLine.arguments.dropFirst()
let count = arguments.first.flatMap { Int($0) } ?? 10_000
let seed = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 42

func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes * 1024
}

var generator = CorpusGenerator(seed: seed)
let texts = (0..<count).map { _ in generator.next() }
let inputBytes = texts.reduce(0) { $0 + $1.utf8.count }
let ingestor = Ingestor()
_ = try? ingestor.ingest(text: texts[0], id: "warm-up")  // loads the lexicons

let before = residentBytes()
let clock = ContinuousClock()
var documents: [Document] = []
documents.reserveCapacity(count)
var failures = 0
let elapsed = clock.measure {
    for (index, text) in texts.enumerated() {
        do {
            documents.append(try ingestor.ingest(text: text, id: "doc-\(index)"))
        } catch {
            failures += 1
        }
    }
}
let snapshot = Snapshot(documents: documents, version: 1)
let after = residentBytes()

let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("documents        \(count) (\(failures) rejected), input \(String(format: "%.1f", Double(inputBytes) / 1e6)) MB, seed \(seed)")
print("ingestion        \(String(format: "%.2f", seconds)) s: \(String(format: "%.0f", Double(count) / seconds)) documents/s, \(String(format: "%.2f", Double(inputBytes) / 1e6 / seconds)) MB/s")
print("corpus memory    \(String(format: "%.1f", Double(after - before) / 1_048_576)) MiB resident for \(snapshot.documents.count) documents")
print("extracted        \(documents.reduce(0) { $0 + $1.dates.count }) dates, \(documents.reduce(0) { $0 + $1.contacts.count }) contacts")
