// libFuzzer target: ingestion of arbitrary text (the body of POST /v1/documents).
//
// The input, decoded as UTF-8 (invalid sequences become U+FFFD), is ingested; errors are
// fine, traps and sanitizer reports are not. When it ingests, the document is indexed and
// searched for a word of its headline, as a write followed by a search would.
//
// Invariants checked (a violation traps):
//   - a document has a title, a slug, and at least one body paragraph, with paragraph
//     indexes 0..<count in order;
//   - every quote, entity mention and date mention points at an existing paragraph;
//   - indexing the document and searching for a word of its title finds it.
import Corpus
import DocumentModel
import Extraction

private func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        print("INVARIANT VIOLATED: \(message())")
        fatalError(message())
    }
}

private let ingestor = Ingestor()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let document = try? ingestor.ingest(text: text, id: "fuzz") else { return 0 }
    let paragraphs = document.paragraphs
    check(!paragraphs.isEmpty, "a document without paragraphs")
    check(paragraphs.map(\.index) == Array(paragraphs.indices), "paragraph indexes \(paragraphs.map(\.index))")
    check(paragraphs.contains { $0.section == .body }, "a document without a body paragraph")
    for quote in document.quotes {
        check(paragraphs.indices.contains(quote.paragraph), "a quote in paragraph \(quote.paragraph) of \(paragraphs.count)")
    }
    for entity in document.entities {
        for mention in entity.mentions {
            check(paragraphs.indices.contains(mention.paragraph), "an entity mention in paragraph \(mention.paragraph) of \(paragraphs.count)")
        }
    }
    for date in document.dates {
        check(paragraphs.indices.contains(date.paragraph), "a date in paragraph \(date.paragraph) of \(paragraphs.count)")
    }
    // Index and search: cheap for one document, but skip it for most inputs to keep the rate up.
    if size % 4 == 0 {
        let index = SearchIndex(documents: [document])
        let word = document.title.split(whereSeparator: { !$0.isLetter }).first { $0.count >= 3 && $0.allSatisfy { $0.isASCII } }
        if let word, let query = try? SearchQuery(parsing: String(word)), let results = try? index.search(query) {
            check(results.total <= 1 && results.hits.count == results.total, "\(results.total) results, \(results.hits.count) hits for one document")
        }
    }
    return 0
}
