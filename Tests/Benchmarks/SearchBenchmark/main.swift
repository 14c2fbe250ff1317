import BenchmarkCorpus
import Corpus
import DocumentModel
import Foundation

// Full-text search: index build time, memory, and query latency on a fixed mixed query set.
//   swift run -c release search-benchmark [documents=10000] [seed=42] [--rounds R] [--export DIR] [--hits FILE] [--verbose] [--hostile] [--footprint]
// Generates the documents directly (not timed), builds a SearchIndex (timed, resident memory
// before and after), then runs the mixed query set (ten each of one word, two words, phrase,
// prefix, typo, filtered; limit 10): two warm-up passes, then R timed passes, round robin;
// last, times removing one document and adding it back.
// Run it on one core (taskset -c 1) for comparable numbers; search-compare.sh does.
// --export DIR writes corpus.jsonl, queries.jsonl and dossier.json there for search-peers.py.
// --hits FILE writes each query's results (a JSON line each), to check that a change to the
// engine ranks exactly as before: compare the files of the two builds.
// --hostile also times HostileQueries (the costliest the language allows) with the default
// work limit and with none, and prints what each cost or the error that stopped it.
// --footprint also prints the bytes per document of each part of the index, and of an index
// of the documents' quotations, next to the raw text's (SearchFootprint).

/// Words in `text`: runs of bytes other than spaces and newlines.
func wordCount(of text: String) -> Int {
    var count = 0
    var inWord = false
    for byte in text.utf8 {
        let isSeparator = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n")
        if !isSeparator && !inWord { count += 1 }
        inWord = !isSeparator
    }
    return count
}

/// The command line.
let options = Options(Array(CommandLine.arguments.dropFirst()))
if let directory = options.exportDirectory {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
}

// 1. The corpus, built directly as documents (and exported for the peers).
/// corpus.jsonl, when exporting.
let corpusWriter = try options.exportDirectory.map { try JSONLinesWriter(url: $0.appendingPathComponent("corpus.jsonl")) }
/// The news generator.
var generator = NewsCorpusGenerator(seed: options.seed)
/// The corpus.
var documents: [Document] = []
documents.reserveCapacity(options.count)
/// UTF-8 bytes of every title and indexed body: the raw text the index memory is compared with.
var rawBytes = 0
/// Words in the indexed bodies.
var words = 0
/// How long generating (and exporting) took.
let generation = Measurement.timed {
    for _ in 0..<options.count {
        let document = generator.next().document
        let body = document.indexedBody
        rawBytes += document.title.utf8.count + body.utf8.count
        words += wordCount(of: body)
        documents.append(document)
        corpusWriter?.write(document.exportRecord(indexedBody: body))
    }
}
try corpusWriter?.close()

// 2. The query set.
/// The fixed mixed query set.
let querySet = QuerySet(documents: documents, vocabulary: generator.vocabulary, seed: options.seed)
if let directory = options.exportDirectory {
    let writer = try JSONLinesWriter(url: directory.appendingPathComponent("queries.jsonl"))
    querySet.queries.forEach { writer.write($0.exportRecord) }
    try writer.close()
}
/// The queries, parsed once up front (a query that does not parse is a bug in `QuerySet`).
let parsedQueries = querySet.queries.map { query in
    do {
        return try SearchQuery(parsing: query.text)
    } catch {
        print("query \(query.text) does not parse: \(error)")
        exit(1)
    }
}

// 3. The index build.
/// Resident memory with the corpus in memory, before indexing.
let residentBefore = ProcessMemory.residentBytes(trimming: true)
/// The index and how long it took to build.
let build = Measurement.timed { SearchIndex(documents: documents) }
/// The index.
let index = build.result
/// The most resident memory so far: the build's peak.
let peakAfterBuild = ProcessMemory.peakResidentBytes()
/// Resident memory with the corpus and the index in memory.
let residentAfter = ProcessMemory.residentBytes(trimming: true)
/// What the index holds.
let indexBytes = residentAfter - residentBefore

// 4. Queries: totals once, two warm-up passes, then timed passes round robin.
/// Each query's results, as the timed passes get them.
let firstResults = try parsedQueries.indices.map { try index.search(parsedQueries[$0], filter: querySet.queries[$0].filter, limit: 10) }
/// Matches of each query (`SearchResults.total`).
let totals = firstResults.map(\.total)
/// The work each query took, ascending.
let workSpent = firstResults.map(\.work).sorted()
if let file = options.hitsFile {
    let writer = try JSONLinesWriter(url: file)
    zip(querySet.queries, firstResults).forEach { writer.write($1.exportRecord(query: $0.summary)) }
    try writer.close()
}
for _ in 0..<2 {
    for (query, parsed) in zip(querySet.queries, parsedQueries) { _ = try index.search(parsed, filter: query.filter, limit: 10) }
}
/// Each query's timed runs, in seconds.
var samples = [[Double]](repeating: [], count: querySet.queries.count)
for _ in 0..<options.rounds {
    for (position, query) in querySet.queries.enumerated() {
        let run = Measurement.timed {
            // Parsing is part of answering a query, as it is for the peers.
            let parsed = try! SearchQuery(parsing: query.text)
            // Every query ran within the work limit above, so none fails here.
            return (try? index.search(parsed, filter: query.filter, limit: 10))?.hits.count
        }
        samples[position].append(run.seconds)
    }
}

// 5. Live changes on the built index: removing one document, and adding it back (as a
// replace does), each timed five times on different documents.
/// Documents spread over the corpus.
let changed = (0..<5).map { documents[$0 * (documents.count / 5)] }
/// Seconds to remove each of `changed`, then to add it back to the index without it.
var removals: [Double] = []
var additions: [Double] = []
for document in changed {
    let removal = Measurement.timed { index.removing(documentIDs: [document.id]) }
    removals.append(removal.seconds)
    additions.append(Measurement.timed { removal.result.adding([document]) }.seconds)
}

// 6. The report.
/// Latency and hits per category, then overall.
let categoryResults: [CategoryResult] = BenchmarkQuery.Category.allCases.map { category in
    let positions = querySet.queries.indices.filter { querySet.queries[$0].category == category }
    return CategoryResult(
        name: category.rawValue, latency: LatencySummary(seconds: positions.flatMap { samples[$0] }),
        meanHits: Double(positions.reduce(0) { $0 + totals[$1] }) / Double(max(1, positions.count)))
} + [CategoryResult(name: "overall", latency: LatencySummary(seconds: samples.flatMap { $0 }),
    meanHits: Double(totals.reduce(0, +)) / Double(totals.count))]

print("""
    search-benchmark: \(options.count) documents, seed \(options.seed), \(ProcessInfo.processInfo.activeProcessorCount) core(s) available
    corpus           \(words) words in bodies, raw text (title + body and background) \(mebibytes(rawBytes)); generated in \(format(generation.seconds)) s
    index build      \(format(build.seconds)) s (\(format(Double(options.count) / build.seconds, 0)) documents/s)
    memory           resident \(mebibytes(residentBefore)) before, \(mebibytes(residentAfter)) after (peak \(mebibytes(peakAfterBuild))): \
    index \(mebibytes(indexBytes)) = \(format(Double(indexBytes) / Double(rawBytes))) x raw text
    live changes     remove one document \(format(LatencySummary(seconds: removals).p50, 3)) ms, add it back \(format(LatencySummary(seconds: additions).p50, 3)) ms (median of 5)
    queries          \(querySet.queries.count) (\(QuerySet.perCategory) per category), limit 10, 2 warm-up + \(options.rounds) timed passes
    work per query   median \(workSpent[workSpent.count / 2]), most \(workSpent.last!) of the \(SearchIndex.defaultWorkLimit) a search may do

    category       p50 ms    p99 ms   mean ms    max ms   mean hits
    """)
for result in categoryResults {
    let latency = result.latency
    print(result.name.padding(toLength: 12, withPad: " ", startingAt: 0)
        + [latency.p50, latency.p99, latency.mean, latency.slowest].map { format($0, 3).leftPadded(10) }.joined()
        + format(result.meanHits, 1).leftPadded(12))
}
/// Latency over every query.
let overall = categoryResults.last!.latency
print("""

    goals (at 100,000 documents): p50 <= 2 ms: \(overall.p50 <= 2 ? "met" : "MISSED"), p99 <= 15 ms: \(overall.p99 <= 15 ? "met" : "MISSED"), \
    build < 30 s: \(build.seconds < 30 ? "met" : "MISSED"), memory <= 3x raw text: \(indexBytes <= 3 * rawBytes ? "met" : "MISSED")
    """)
if options.verbose {
    print("\ncategory     query                                              hits    p50 ms")
    for (position, query) in querySet.queries.enumerated() {
        print(query.category.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
            + query.summary.padding(toLength: 48, withPad: " ", startingAt: 0)
            + String(totals[position]).leftPadded(8) + format(LatencySummary(seconds: samples[position]).p50, 3).leftPadded(10))
    }
}

if options.footprint {
    FootprintReport.print(index, named: "search index", documentCount: documents.count, rawBytes: rawBytes)
    FootprintReport.print(SearchIndex.quotations(of: documents), named: "quotation index", documentCount: documents.count, rawBytes: rawBytes)
}

if options.hostile {
    print("\nhostile query                           limit      ms   outcome")
    for (name, text) in HostileQueries(vocabulary: generator.vocabulary).queries {
        let parsed = try SearchQuery(parsing: text)
        for (label, limit) in [("default", SearchIndex.defaultWorkLimit), ("none", Int.max)] {
            let runs = (0..<3).map { _ in
                Measurement.timed { () -> String in
                    do {
                        let results = try index.search(parsed, limit: 10, workLimit: limit)
                        return "\(results.total) hits, work \(results.work)"
                    } catch {
                        return "400: \(error)"
                    }
                }
            }
            let slowest = runs.map(\.seconds).max()! * 1000
            print(name.padding(toLength: 38, withPad: " ", startingAt: 0) + label.leftPadded(8)
                + format(slowest, 1).leftPadded(8) + "   " + runs[0].result)
        }
    }
}

if let directory = options.exportDirectory {
    let results = JSONValue.object([
        ("engine", .string("dossier")), ("documents", .int(options.count)), ("build_seconds", .number(build.seconds)),
        ("rss_before_bytes", .int(residentBefore)), ("rss_after_bytes", .int(residentAfter)), ("index_bytes", .int(indexBytes)),
        ("raw_bytes", .int(rawBytes)), ("totals", .array(totals.map(JSONValue.int))),
        ("categories", .object(categoryResults.map { ($0.name, $0.exportRecord) })),
    ])
    try (results.encoded + "\n").write(to: directory.appendingPathComponent("dossier.json"), atomically: false, encoding: .utf8)
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - self.count)) + self
    }
}
