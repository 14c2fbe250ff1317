@testable import Corpus
import DocumentModel
import Testing

/// Inputs the `fuzz-query` libFuzzer target (Tests/Fuzz) found; the same bytes are kept in
/// `Tests/Fuzz/Regressions/fuzz-query/`. A search query's `description` (echoed in results as
/// the query "as parsed") must parse back to the same query, and a query must read its words
/// as documents do.
struct FuzzQueryRegressionTests {
    /// `Tests/Fuzz/Regressions/fuzz-query/fold-o-stroke-acute`: A0 C7 BE 0A, i.e. U+FFFD "Ǿ" LF.
    /// "Ǿ" (U+01FE, O with stroke and acute) used to fold to "ø" through the Latin table, and
    /// "ø" to "o": folding was not idempotent, so the echoed query `ø` searched for `o`, and a
    /// document's "Ǿresund" was not found by "Øresund" or "Oresund".
    @Test
    func oWithStrokeAndAcuteFoldsLikeOWithStroke() throws {
        #expect(TextFolding.fold("Ǿ") == TextFolding.fold("Ø"))
        #expect(TextFolding.fold("ǿresund") == "oresund")
        #expect(SearchToken.scan("Ǿresund").map(\.folded) == ["oresund"])
        let text = String(decoding: [0xA0, 0xC7, 0xBE, 0x0A] as [UInt8], as: UTF8.self)
        let query = try SearchQuery(parsing: text)
        #expect(try SearchQuery(parsing: query.description) == query)
        #expect(query.description == "o")
    }

    /// `Tests/Fuzz/Regressions/fuzz-query/fold-o-stroke-acute-combining-found`: C7 BE D9 9E …,
    /// "Ǿ" then U+065E (a combining mark). Together they are one `Character`, which the table
    /// of letters, looked up by `Character`, did not know: Foundation then folded "Ǿ" to "ø"
    /// again. Letters are now mapped by scalar.
    @Test func oWithStrokeAndAcuteFoldsBeforeACombiningMark() throws {
        #expect(TextFolding.fold("\u{01FE}\u{065E}") == TextFolding.fold("O\u{065E}"))
        let text = String(decoding: [0xC7, 0xBE, 0xD9, 0x9E, 0xD8, 0x3D, 0x99, 0xAD, 0x9E, 0xD8] as [UInt8], as: UTF8.self)
        let query = try SearchQuery(parsing: text)
        #expect(try SearchQuery(parsing: query.description) == query)
    }

    /// `Tests/Fuzz/Regressions/fuzz-query/combining-mark-after-space` (and the fuzzer's
    /// original find, `combining-mark-after-space-found`): "x", space, U+036E (a combining
    /// mark), "c". `SearchQuery` used to split on whitespace by `Character`, and a space
    /// followed by a combining mark is one grapheme cluster that counts as whitespace, so the
    /// mark was dropped with it: the query searched `x c`, while `SearchToken.scan` (documents)
    /// reads `x ͮc`. The query reads its words as documents do: by scalars.
    ///
    /// `combining-mark-word-found` is the same bug with a word that is only a combining mark
    /// (U+065D): the query had five clauses, its description read back as four.
    @Test
    func combiningMarkAfterSpaceStaysInTheWord() throws {
        for text in ["x \u{036E}c", "bool \u{065D} x"] {
            let query = try SearchQuery(parsing: text)
            #expect(query.required == SearchToken.scan(text).map { .word($0.folded) }, "\(text.debugDescription)")
            #expect(try SearchQuery(parsing: query.description) == query, "\(text.debugDescription)")
        }
        let found = try SearchQuery(parsing: String(decoding: Self.found, as: UTF8.self))
        #expect(try SearchQuery(parsing: found.description) == found)
    }

    /// `Tests/Fuzz/Regressions/fuzz-query/combining-mark-after-quote-found`: 02 2A D9 9E 2A D9
    /// 9E E2 2D 80 99. The same bug after a quote: the query is the phrase `"ٞ ٞ"` (U+065E
    /// twice), whose description could not be parsed back, because `"` followed by U+065E is
    /// one `Character` that is not `"`, so the opening quote was not seen. Likewise a typed
    /// `"<combining mark>word other"` was not read as a phrase.
    @Test
    func combiningMarkAfterQuoteKeepsThePhrase() throws {
        let text = "\"\u{065E}x y\""
        let query = try SearchQuery(parsing: text)
        #expect(query.required == [.phrase(SearchToken.scan("\u{065E}x y").map(\.folded))])
        let found = try SearchQuery(parsing: String(decoding: [0x02, 0x2A, 0xD9, 0x9E, 0x2A, 0xD9, 0x9E, 0xE2, 0x2D, 0x80, 0x99] as [UInt8], as: UTF8.self))
        #expect(try SearchQuery(parsing: found.description) == found)
    }

    /// The fuzzer's original input for the combining-mark case.
    static let found: [UInt8] = [
        0x45, 0x78, 0x70, 0x6F, 0x72, 0x74, 0x20, 0x62, 0x20, 0xE5, 0x69, 0x6E, 0x9F, 0x25, 0x25, 0x38,
        0x64, 0x6F, 0x6E, 0x65, 0x73, 0x69, 0x61, 0x8C, 0x97, 0x9D, 0xB1, 0xE4, 0xBA, 0xAC, 0x20, 0xE5,
        0x8C, 0xCD, 0xAE, 0x43,
    ]
}
