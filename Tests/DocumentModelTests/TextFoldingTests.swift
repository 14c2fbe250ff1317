@testable import DocumentModel
import Testing

/// `TextFolding.fold`: one matching form for every spelling of a word.
struct TextFoldingTests {
    /// ASCII, Latin letters with accents (folded through a table), letters that are no base
    /// letter plus an accent, and other scripts (folded by Foundation) all lose case and accents;
    /// apostrophe variants become `'`; surrounding spaces and a trailing `:` or `.` go.
    @Test(arguments: [
        ("  HOME:", "home"), ("People`s", "people's"), ("Lucía Søren Ångberg", "lucia soren angberg"),
        ("ŁÓDŹ Đà Nẵng", "lodz da nang"), ("Bartłomiej GRZĘŚLAK", "bartlomiej grzeslak"), ("Ayşegül Yıldırım", "aysegul yildirim"),
        ("Москва", "москва"), ("Tomás’s notes.", "tomas's notes"), ("Œuvre Æsir", "œuvre æsir"),
    ])
    func foldsCaseAccentsAndApostrophes(_ text: String, _ folded: String) {
        #expect(TextFolding.fold(text) == folded)
    }

    /// A precomposed and a decomposed (NFD) spelling fold alike.
    @Test func precomposedAndDecomposedFoldAlike() {
        #expect(TextFolding.fold("Mal\u{00F6}") == TextFolding.fold("Malo\u{0308}"))
    }
}
