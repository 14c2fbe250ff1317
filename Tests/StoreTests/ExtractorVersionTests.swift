import DocumentModel
import Extraction
import Foundation
@testable import Store
import Testing
import TestSupport

extension StoreTests {
    /// `Ingestor.version` is what tells a store that the documents it keeps were made by
    /// another extractor and must be made again. It only works if every change to what
    /// ingestion makes raises it: this pins a fingerprint of the documents ingested from the
    /// seeds and the extraction fixtures to the version.
    @Suite struct ExtractorVersionTests {
        /// The version and the fingerprint of its output. When this test fails because the
        /// output changed on purpose, raise `Ingestor.version` and record both here.
        static let pinned = (version: 1, fingerprint: UInt64(0x045f_e239_3a8a_5e0a))

        /// The texts: the seeds, then every `.txt` fixture of the extraction tests.
        static func texts() throws -> [(name: String, text: String)] {
            let fixtures = URL(fileURLWithPath: ArticleText.seedsDirectory).deletingLastPathComponent()
                .appendingPathComponent("Tests/ExtractionTests/Fixtures").path
            return try [ArticleText.seedsDirectory, fixtures].flatMap { folder in
                try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted().map { name in
                    (name, try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
                }
            }
        }

        /// FNV-1a over every document's stored form, in order.
        static func fingerprint(_ documents: [Document]) -> UInt64 {
            documents.reduce(into: UInt64(0xcbf2_9ce4_8422_2325)) { hash, document in
                for byte in IngestedDocument(document: document, extractorVersion: 0).documentBytes {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
            }
        }

        @Test func outputMatchesTheVersion() throws {
            let texts = try Self.texts()
            #expect(texts.count > 10)
            let documents = try texts.map { try Ingestor().ingest(text: $0.text, id: $0.name) }
            let fingerprint = Self.fingerprint(documents)
            #expect(
                Ingestor.version == Self.pinned.version && fingerprint == Self.pinned.fingerprint,
                """
                ingestion now makes other documents (fingerprint \(String(fingerprint, radix: 16))) than version \(Self.pinned.version) \
                made (\(String(Self.pinned.fingerprint, radix: 16))): raise Ingestor.version, so that stores ingest their documents \
                again, and pin the new version and fingerprint here
                """)
        }
    }
}
