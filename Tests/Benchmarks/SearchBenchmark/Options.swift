import Foundation

/// The command line.
struct Options {
    /// Documents to generate.
    var count = 10_000
    /// The generator's seed.
    var seed: UInt64 = 42
    /// Timed passes over the query set.
    var rounds = 20
    /// Where to write the corpus, the queries and the results, if anywhere.
    var exportDirectory: URL?
    /// Whether to list every query with its hits and latency.
    var verbose = false
    /// Where to write every query's results (hits with scores and snippets, facets), if
    /// anywhere: two builds of the engine that rank alike write the same file.
    var hitsFile: URL?
    /// Whether to time `HostileQueries` too, with the default work limit and without one.
    var hostile = false
    /// Whether to print the indexes' bytes per document, part by part (`SearchFootprint`),
    /// for the documents and for their quotations.
    var footprint = false

    /// Parses `arguments` (without the program name); exits with usage on nonsense.
    init(_ arguments: [String]) {
        var positional: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--export": self.exportDirectory = rest.popFirst().map { URL(fileURLWithPath: $0) }
            case "--rounds": self.rounds = rest.popFirst().flatMap { Int($0) } ?? self.rounds
            case "--verbose": self.verbose = true
            case "--hostile": self.hostile = true
            case "--footprint": self.footprint = true
            case "--hits": self.hitsFile = rest.popFirst().map { URL(fileURLWithPath: $0) }
            default: positional.append(argument)
            }
        }
        if let count = positional.first {
            guard let parsed = Int(count) else { Self.usage() }
            self.count = parsed
        }
        if positional.count > 1 {
            guard let parsed = UInt64(positional[1]) else { Self.usage() }
            self.seed = parsed
        }
        if self.count < 1 || self.rounds < 1 { Self.usage() }
    }

    /// Prints how to call the benchmark and exits.
    static func usage() -> Never {
        print("usage: search-benchmark [documents=10000] [seed=42] [--rounds R] [--export DIR] [--hits FILE] [--verbose] [--hostile] [--footprint]")
        exit(2)
    }
}
