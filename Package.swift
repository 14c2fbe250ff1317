// swift-tools-version:6.0
import PackageDescription

/// Dossier: a newsroom document API. Module graph (arrows are imports):
/// dossier -> API -> {Access, Routing, Serialization, Store, Corpus, HTTPServer, Replication};
/// dossier -> {HTTPServer, HTTPClient, Replication}; Replication -> {Store, Serialization, HTTPClient};
/// Store (journal, snapshot file, writer) -> Corpus (snapshot, search, entities, similarity) -> Extraction
/// (text -> document) -> DocumentModel (the document's values); the store is handed the ingest function it
/// uses (`SubmissionIngesting`), it builds none;
/// {Corpus, Store, API} -> PersistentCollections (maps whose versions share structure);
/// {API, Corpus, Store, HTTPServer} -> Locking (the lock every module uses: a pthread mutex, which
/// ThreadSanitizer can follow).
/// No package dependencies: Foundation, Dispatch, Glibc, and Synchronization for atomics only.
let package = Package(
    name: "Dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"])
    ],
    targets: [
        .target(name: "Locking"),
        .target(name: "PersistentCollections"),
        .target(name: "HTTPServer", dependencies: ["Locking"]),
        // A small blocking HTTP/1.1 client: `dossier healthcheck`, and followers of another server.
        .target(name: "HTTPClient"),
        .target(name: "Routing"),
        .target(name: "Serialization"),
        // API keys (SHA-256 digests, scopes, the key file) and the access decisions made from them.
        .target(name: "Access"),
        // The document and its parts as values: what extraction makes and the store keeps.
        .target(name: "DocumentModel"),
        // Page text -> document, in explicit stages. Lexicons/: the word lists its rules use;
        // Models/: the trained body-line classifier's weights (Tests/Training/).
        .target(name: "Extraction", dependencies: ["DocumentModel"], resources: [.copy("Lexicons"), .copy("Models")]),
        // The collection in memory and its indexes: snapshots, search, entities, similarity.
        .target(name: "Corpus", dependencies: ["Locking", "DocumentModel", "Extraction", "PersistentCollections"]),
        // The durable collection: the data directory (journal, snapshot file, seed cache), the writer
        // and its group commits, replication's source side, and the seeds folder.
        .target(name: "Store", dependencies: ["Locking", "DocumentModel", "Extraction", "Corpus", "PersistentCollections"]),
        // The replication feed's wire format, and the follower that keeps a read replica's copy.
        .target(name: "Replication", dependencies: ["Store", "Corpus", "Extraction", "Serialization", "HTTPClient", "Locking"]),
        .target(name: "API", dependencies: ["Access", "Locking", "HTTPServer", "Routing", "Serialization", "Store", "Corpus", "Extraction", "PersistentCollections", "Replication"]),
        .executableTarget(name: "dossier", dependencies: ["Access", "API", "HTTPServer", "HTTPClient", "Store", "Corpus", "DocumentModel", "Extraction", "Locking", "Replication"]),
        // A benchmark, not a test: swift run -c release ingest-benchmark [documents] [seed]
        .executableTarget(name: "ingest-benchmark", dependencies: ["Store", "Corpus", "BenchmarkCorpus"], path: "Tests/Benchmarks/IngestBenchmark"),
        // A benchmark, not a test: swift run -c release index-benchmark [documents] [writes] [seed]
        .executableTarget(name: "index-benchmark", dependencies: ["Corpus", "BenchmarkCorpus"], path: "Tests/Benchmarks/IndexBenchmark"),
        // A benchmark, not a test: swift run -c release ingest-adversarial [max-bytes] [shape ...]
        .executableTarget(name: "ingest-adversarial", dependencies: ["Extraction", "BenchmarkCorpus"], path: "Tests/Benchmarks/AdversarialBenchmark"),
        // A benchmark tool, not a test: swift run -c release news-corpus COUNT SEED DIRECTORY
        .executableTarget(name: "news-corpus", dependencies: ["BenchmarkCorpus"], path: "Tests/Benchmarks/NewsCorpusExport"),
        // The benchmarks' deterministic news-corpus generator.
        .target(name: "BenchmarkCorpus", dependencies: ["Corpus", "TestSupport"], path: "Tests/Benchmarks/BenchmarkCorpus"),
        // A benchmark, not a test: swift run -c release search-benchmark [documents] [seed] [--export DIR]
        .executableTarget(name: "search-benchmark", dependencies: ["Corpus", "BenchmarkCorpus"], path: "Tests/Benchmarks/SearchBenchmark"),
        // Test-only helpers shared by the test targets: a raw loopback client, a server harness,
        // a seeded random generator.
        .target(name: "TestSupport", dependencies: ["Locking", "HTTPServer", "DocumentModel"], path: "Tests/Support"),
        .testTarget(name: "LockingTests", dependencies: ["Locking"]),
        .testTarget(name: "PersistentCollectionsTests", dependencies: ["PersistentCollections"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "Locking", "TestSupport"]),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient", "HTTPServer", "Locking", "TestSupport"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing"]),
        .testTarget(name: "AccessTests", dependencies: ["Access"]),
        .testTarget(name: "SerializationTests", dependencies: ["Serialization", "TestSupport"]),
        .testTarget(name: "DocumentModelTests", dependencies: ["DocumentModel", "TestSupport"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "DocumentModel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "DocumentModel", "Extraction", "Locking", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Corpus", "DocumentModel", "Extraction", "Locking", "TestSupport"]),
        .testTarget(name: "APITests", dependencies: ["Access", "API", "HTTPServer", "HTTPClient", "Store", "Corpus", "DocumentModel", "Extraction", "Locking", "Replication", "TestSupport"]),
        .testTarget(name: "ReplicationTests", dependencies: ["Replication", "Store", "Corpus", "DocumentModel", "Extraction"]),
        .testTarget(name: "dossierTests", dependencies: ["Access", "Store", "Corpus", "dossier", "HTTPClient", "Locking", "TestSupport"]),
    ]
)
