import DocumentModel
import Testing

@testable import Extraction

/// `ASCIIFolding.foldedHasPrefix`: the answer folding the whole text gives, from its start only.
struct ASCIIFoldingTests {
    /// Openers as the lexicon folds them, one ending with a trimmed `:`.
    static let prefixes = ["read more", "related stories", "tip:", "sign up"]

    @Test(arguments: [
        "Read more", "  READ MORE about the harbour plan", "Read more:", "Tip:", "Tip: bring water", ": Related Stories.",
        "Related Stories ...", "Related Stories\u{00A0}", "Read more\u{301} later", "Sign up → now", "Sign upé", "Sign\u{00A0}up for it",
        "read mor", "Reading the news", "\u{2003}Read more", "Read more “now”", "Read more ....", "", "...",
    ])
    func agreesWithFoldingTheWholeText(_ text: String) {
        let folded = TextFolding.fold(text)
        #expect(ASCIIFolding.foldedHasPrefix(text[...], oneOf: Self.prefixes) == Self.prefixes.contains { folded.hasPrefix($0) })
    }
}
