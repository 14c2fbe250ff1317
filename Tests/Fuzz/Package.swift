// swift-tools-version:5.4
import PackageDescription

/// libFuzzer targets for Dossier's parsers, kept out of the main package's build.
///
/// Wiring: the main package declares only an executable product, so its modules cannot be
/// depended on from another package. Instead
/// `Sources/{Locking,HTTPServer,Routing,Serialization,DocumentModel,Extraction,PersistentCollections,Corpus,Store}` are symlinks to
/// `../../../Sources/<Module>`: this package compiles the very same files as its own modules
/// (sanitizer coverage then reaches them; internals are visible too).
///
/// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames each executable's entry point to
/// `<module>_main` and links with `--defsym main=<module>_main`; a fuzz target has no entry
/// point of its own (`-parse-as-library`, libFuzzer supplies `main`), so the link would fail
/// with an undefined `fuzz_json_main`. The sources are still compiled in Swift 6 mode, as in
/// the main package, through `sixLanguageMode`.
///
/// Build and run with `.ci/fuzz.sh [seconds]`, or by hand (from this directory):
///
///     swift build -c release --scratch-path ../../.build-fuzz \
///         -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
///     SWIFT_BACKTRACE=enable=no ../../.build-fuzz/release/fuzz-json NEW_CORPUS_DIR Corpus/fuzz-json
let sixLanguageMode: [SwiftSetting] = [.unsafeFlags(["-swift-version", "6"])]

let package = Package(
    name: "DossierFuzz",
    targets: [
        .target(name: "Locking", swiftSettings: sixLanguageMode),
        .target(name: "HTTPServer", dependencies: ["Locking"], swiftSettings: sixLanguageMode),
        .target(name: "Routing", swiftSettings: sixLanguageMode),
        .target(name: "Serialization", swiftSettings: sixLanguageMode),
        // As in the main package: the lexicons and the line model are a resource bundle (`Bundle.module`).
        .target(name: "DocumentModel", swiftSettings: sixLanguageMode),
        .target(name: "Extraction", dependencies: ["DocumentModel"], resources: [.copy("Lexicons"), .copy("Models")], swiftSettings: sixLanguageMode),
        .target(name: "PersistentCollections", swiftSettings: sixLanguageMode),
        .target(name: "Corpus", dependencies: ["Locking", "DocumentModel", "Extraction", "PersistentCollections"], swiftSettings: sixLanguageMode),
        .target(name: "Store", dependencies: ["Locking", "DocumentModel", "Extraction", "Corpus", "PersistentCollections"], swiftSettings: sixLanguageMode),
        .executableTarget(name: "fuzz-request-parser", dependencies: ["HTTPServer"], swiftSettings: sixLanguageMode),
        .executableTarget(name: "fuzz-query", dependencies: ["Routing", "Corpus", "DocumentModel", "Extraction"], swiftSettings: sixLanguageMode),
        .executableTarget(name: "fuzz-json", dependencies: ["Serialization"], swiftSettings: sixLanguageMode),
        .executableTarget(name: "fuzz-ingest", dependencies: ["Corpus", "DocumentModel", "Extraction"], swiftSettings: sixLanguageMode),
        .executableTarget(name: "fuzz-document-codec", dependencies: ["Store", "DocumentModel"], swiftSettings: sixLanguageMode),
    ]
)
