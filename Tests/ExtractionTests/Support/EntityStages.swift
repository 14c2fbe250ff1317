import DocumentModel
@testable import Extraction

/// The entity stages run by hand on sentences written for a test.
enum EntityStages {
    /// The mentions the first two stages find in one paragraph.
    static func mentions(in text: String, paragraph: Int = 0) -> [EntityMention] {
        let lexicon = Lexicon.standard
        let words = TextWord.scan(text)
        let context = NameContext(words: words, text: text, lexicon: lexicon)
        let classifier = MentionClassifier(gazetteer: .standard, lexicon: lexicon)
        var acronyms: [String: String] = [:]
        return NameRunScanner(honorifics: lexicon.honorifics).runs(in: words, text: text).flatMap { run in
            classifier.classify(run, context: context, paragraph: paragraph, isTitleCase: NameRunScanner.isTitleCase(words, text: text), acronyms: &acronyms)
        }
    }

    /// The entities of a body of paragraphs, and the work coreference took.
    static func entities(_ paragraphs: [String]) -> (entities: [Entity], work: Int) {
        let paragraphs = paragraphs.enumerated().map { Paragraph(index: $0.offset, section: .body, text: $0.element) }
        // An unlimited deadline never throws.
        return try! EntityExtractor(gazetteer: .standard, lexicon: .standard)
            .resolve(paragraphs, words: paragraphs.map { TextWord.scan($0.text) }, contacts: [], deadline: .unlimited())
    }
}
