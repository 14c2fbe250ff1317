// swift-tools-version:6.0
import PackageDescription

/// Dossier: a newsroom document API. Module graph (arrows are imports):
/// dossier -> API -> {Routing, Serialization, Corpus, HTTPServer}; dossier -> {HTTPServer, HTTPClient}.
/// No package dependencies: Foundation, Dispatch, Synchronization and Glibc only.
let package = Package(
    name: "Dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"])
    ],
    targets: [
        .target(name: "HTTPServer"),
        // A small blocking HTTP/1.1 client: `dossier healthcheck`, and followers of another server.
        .target(name: "HTTPClient"),
        .target(name: "Routing"),
        .target(name: "Serialization"),
        // Lexicons/: the small word lists extraction rules use (navigation labels, agencies, ...).
        .target(name: "Corpus", resources: [.copy("Lexicons")]),
        .target(name: "API", dependencies: ["HTTPServer", "Routing", "Serialization", "Corpus"]),
        .executableTarget(name: "dossier", dependencies: ["API", "HTTPServer", "HTTPClient", "Corpus"]),
        // A benchmark, not a test: swift run -c release ingest-benchmark [documents] [seed]
        .executableTarget(name: "ingest-benchmark", dependencies: ["Corpus", "BenchmarkCorpus"], path: "Tests/Benchmarks/IngestBenchmark"),
        // The benchmarks' deterministic news-corpus generator.
        .target(name: "BenchmarkCorpus", dependencies: ["Corpus", "TestSupport"], path: "Tests/Benchmarks/BenchmarkCorpus"),
        // A benchmark, not a test: swift run -c release search-benchmark [documents] [seed] [--export DIR]
        .executableTarget(name: "search-benchmark", dependencies: ["Corpus", "BenchmarkCorpus"], path: "Tests/Benchmarks/SearchBenchmark"),
        // Test-only helpers shared by the test targets: a raw loopback client, a server harness,
        // a seeded random generator.
        .target(name: "TestSupport", dependencies: ["HTTPServer"], path: "Tests/Support"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient", "HTTPServer", "TestSupport"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing"]),
        .testTarget(name: "SerializationTests", dependencies: ["Serialization", "TestSupport"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "APITests", dependencies: ["API", "HTTPServer", "Corpus", "TestSupport"]),
        .testTarget(name: "dossierTests", dependencies: ["dossier", "TestSupport"]),
    ]
)
