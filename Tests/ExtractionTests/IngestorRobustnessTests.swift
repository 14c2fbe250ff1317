import DocumentModel
@testable import Extraction
import TestSupport
import Testing

/// Ingestion never crashes, is deterministic, and keeps its output invariants on any input.
struct IngestorRobustnessTests {
    /// The invariants a successfully ingested document breaks, by name; empty when it keeps them all.
    private func brokenInvariants(_ document: Document) -> [String] {
        var broken: [String] = []
        if document.paragraphs.isEmpty { broken.append("has paragraphs") }
        if document.paragraphs.map(\.index) != Array(document.paragraphs.indices) { broken.append("indices 0..<n") }
        if document.slug.isEmpty || document.slug.count > Slug.maxLength { broken.append("slug length") }
        for paragraph in document.paragraphs {
            let text = paragraph.text
            if text.isEmpty { broken.append("non-empty paragraph") }
            if text.first?.isWhitespace == true || text.last?.isWhitespace == true { broken.append("trimmed paragraph") }
            // Checked on bytes: a space can hide inside a grapheme cluster (after U+0600, before
            // a combining mark), where a `Character` comparison would not see it.
            if zip(text.utf8, text.utf8.dropFirst()).contains(where: { $0 == 0x20 && $1 == 0x20 }) {
                broken.append("single spaces")
            }
            // On scalars too: a plain space fused with a combining mark is a whitespace
            // `Character` other than " ", yet it is exactly the space we want.
            if text.unicodeScalars.contains(where: { $0.properties.isWhitespace && $0 != " " }) {
                broken.append("only plain spaces")
            }
        }
        return broken
    }

    /// Ingests each input twice; returns a description of every input that broke an invariant
    /// or gave two different documents.
    private func failures(ingesting inputs: [String]) -> [String] {
        var failures: [String] = []
        for text in inputs {
            do {
                let document = try Ingestor().ingest(text: text, id: "fuzz")
                var broken = self.brokenInvariants(document)
                if (try? Ingestor().ingest(text: text, id: "fuzz")) != document { broken.append("deterministic") }
                if !broken.isEmpty {
                    let scalars = text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
                    failures.append("\(Set(broken).sorted()) for input scalars [\(scalars)]")
                }
            } catch {
                // Typed throws allows only these outcomes: the first two are fine; without a
                // budget, the last cannot happen.
                switch error {
                case .emptyBody, .malformedMetadataLine: break
                case .tooComplex: failures.append("ran out of an unlimited budget")
                }
            }
        }
        return failures
    }

    @Test func sameInputGivesEqualDocument() throws {
        let first = try Ingestor().ingest(text: ArticleText.withMetadata, id: "x")
        let second = try Ingestor().ingest(text: ArticleText.withMetadata, id: "x")
        #expect(first == second)
    }

    @Test func survivesRandomBytesDecodedAsUTF8() {
        var generator = ArticleGenerator(seed: 0xD055_1E12)
        let inputs = (0..<300).map { _ in String(decoding: generator.bytes(maxCount: 512), as: UTF8.self) }
        let failures = self.failures(ingesting: inputs)
        #expect(failures.isEmpty, "\(failures.count) of \(inputs.count) inputs failed; first: \(failures.first ?? "")")
    }

    @Test func survivesRandomArticleLikeText() {
        var generator = ArticleGenerator(seed: 2018_10_25)
        let inputs = (0..<300).map { _ in generator.article(maxPieces: 120) }
        let failures = self.failures(ingesting: inputs)
        #expect(failures.isEmpty, "\(failures.count) of \(inputs.count) inputs failed; first: \(failures.first ?? "")")
    }

    @Test func survivesHugeSingleLine() throws {
        let line = String(repeating: "word ", count: 50_000)
        let document = try Ingestor().ingest(text: line, id: "huge")
        #expect(document.wordCount == 50_000)
        #expect(document.title.hasSuffix("…"))
    }

    @Test func survivesManyBlankLinesAndTinyParagraphs() throws {
        // "a." ends like a sentence, so no block is taken as the headline.
        let text = String(repeating: "a.\n\n\n", count: 5_000)
        let document = try Ingestor().ingest(text: text, id: "many")
        #expect(document.paragraphs.count == 5_000)
    }

    @Test func survivesHugeUnbrokenToken() throws {
        let document = try Ingestor().ingest(text: String(repeating: "é", count: 100_000), id: "token")
        #expect(document.slug.count == Slug.maxLength)
    }
}
