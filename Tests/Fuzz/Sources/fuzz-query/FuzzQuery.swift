// libFuzzer target: the query-string parser (Routing) and the search-query language (Corpus).
//
// The input, decoded as UTF-8 (invalid sequences become U+FFFD), is parsed as a raw query
// string and as a search query; every decoded query-string value is parsed as a search query
// too, as `/v1/search?q=` does. Each search query that parses is run against a small index
// of one fixed article, so the evaluation (prefixes, phrases, typo tolerance) is fuzzed too.
//
// Invariants checked (a violation traps):
//   - QueryParameters: one pair per non-empty `&` piece; percent-encoding every name and value
//     and parsing again gives the same pairs;
//   - SearchQuery: 1...maxClauses clauses, at least one required; its `description` (the
//     query "as parsed", echoed in results) parses back to an equal query;
//   - a search's hits are at most its total and the page size, with distinct ids.
import Corpus
import DocumentModel
import Extraction
import Routing

private func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        print("INVARIANT VIOLATED: \(message())")
        fatalError(message())
    }
}

private let index: SearchIndex = {
    let article = """
        SEOUL, March 3 (Reuters) - Indonesia's nickel export ban will stay, Minister Kim Jong-un \
        told reporters on Tuesday, as floods closed the port of Jakarta.

        "We are not going to change course," said the minister, adding that coal shipments \
        would resume in April. The United Nations Office for the Coordination of Humanitarian \
        Affairs (OCHA) said 12,000 people had been displaced.

        Exports of refined nickel fell 4.5% in February, according to data from Statistics \
        Indonesia. Don't expect a quick recovery, analysts at the Korea Development Institute said.
        """
    guard let document = try? Ingestor().ingest(text: article, id: "fuzz_article") else {
        fatalError("the fixed article no longer ingests")
    }
    return SearchIndex(documents: [document])
}()

private let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

private func percentEncoded(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        if unreserved.contains(byte) {
            out.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
            out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return out
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - self.count)) + self
    }
}

private func searchQuery(_ text: String) {
    guard let query = try? SearchQuery(parsing: text) else { return }
    let clauses = query.required.count + query.excluded.count
    check(!query.required.isEmpty && clauses <= SearchQuery.maxClauses, "query \(query) has \(clauses) clauses")
    // The bugs this found are kept in Tests/CorpusTests/FuzzQueryRegressionTests.swift.
    let rendered = query.description
    do {
        let again = try SearchQuery(parsing: rendered)
        check(again == query, "\(text.debugDescription) parses to \(query), whose description parses to \(again)")
    } catch {
        check(false, "\(text.debugDescription) parses to \(rendered.debugDescription), which does not parse: \(error)")
    }
    let limit = 3
    // Past the work limit the answer is an error naming the clause: allowed, nothing to check.
    guard let results = try? index.search(query, limit: limit) else { return }
    check(results.hits.count <= min(results.total, limit), "\(results.hits.count) hits of \(results.total), limit \(limit)")
    check(Set(results.hits.map(\.id)).count == results.hits.count, "repeated hit ids")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)

    if let parameters = try? QueryParameters(parsing: text) {
        let pieces = text.utf8.split(separator: UInt8(ascii: "&")).count
        check(parameters.pairs.count == pieces, "\(parameters.pairs.count) pairs from \(pieces) pieces")
        let encoded = parameters.pairs.map { percentEncoded($0.name) + "=" + percentEncoded($0.value) }.joined(separator: "&")
        do {
            let again = try QueryParameters(parsing: encoded)
            // A pair with an empty name and value encodes to "=", which is one pair again.
            check(again == parameters, "re-encoded \(encoded.debugDescription) parses differently")
        } catch {
            check(false, "re-encoded \(encoded.debugDescription) does not parse: \(error)")
        }
        for (_, value) in parameters.pairs.prefix(4) { searchQuery(value) }
    }
    searchQuery(text)
    return 0
}
