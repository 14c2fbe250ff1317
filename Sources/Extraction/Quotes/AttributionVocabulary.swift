/// The word lists attribution rules use, all folded. Rules ask about nearly every word of a
/// story, so each list is a `FoldedWordSet`, which turns most words away unhashed.
///
/// ```swift
/// let vocabulary = AttributionVocabulary(lexicon: .standard, gazetteer: .standard)
/// vocabulary.isSpeechVerb("said")   // true
/// ```
struct AttributionVocabulary: Sendable {
    /// Verbs that attribute a quotation (`said`, `told`, `tweeted`).
    let speechVerbs: FoldedWordSet
    /// Verbs that attribute a quoted fragment (`called`, `described`).
    let characterisingVerbs: FoldedWordSet
    /// Courtesy titles and offices (`mr`, `minister`, `special rapporteur`).
    let titles: FoldedWordSet
    /// Words too common to be part of a name (`the`, `in`, `but`).
    let functionWords: FoldedWordSet
    /// Words that make a name or noun an organization's (`council`, `police`).
    let organizationWords: FoldedWordSet
    /// Nouns for a text that speaks for whoever issued it (`statement`, `report`).
    let documentNouns: FoldedWordSet
    /// The places a country's or city's name may speak for (`North Korea said`).
    let gazetteer: Gazetteer

    /// Articles, prepositions, conjunctions and pronouns: words that open a sentence with a
    /// capital and still name no one.
    static let closedClassWords: Set<String> = [
        "a", "an", "the", "and", "but", "or", "so", "yet", "if", "as", "at", "by", "in", "of", "on", "to", "for", "with", "from",
        "it", "its", "he", "she", "his", "her", "we", "our", "i", "my", "you", "your", "they", "their", "this", "that", "there",
        "when", "while", "after", "before", "although", "though", "because", "since", "until", "despite", "according", "asked",
        "meanwhile", "however", "still", "now", "then", "also", "not", "no", "yes", "is", "was", "are", "were",
    ]

    /// The vocabulary of a lexicon and a gazetteer.
    init(lexicon: Lexicon, gazetteer: Gazetteer) {
        self.init(
            speechVerbs: lexicon.attributionVerbs, characterisingVerbs: lexicon.characterisingVerbs,
            titles: lexicon.titles.union(lexicon.honorifics), functionWords: lexicon.stopwords.union(Self.closedClassWords),
            organizationWords: lexicon.organizationWords.union(lexicon.organizationNouns), documentNouns: lexicon.documentNouns, gazetteer: gazetteer)
    }

    /// A vocabulary of the given lists, folded already.
    init(
        speechVerbs: Set<String>, characterisingVerbs: Set<String>, titles: Set<String>, functionWords: Set<String>, organizationWords: Set<String>,
        documentNouns: Set<String>, gazetteer: Gazetteer
    ) {
        self.speechVerbs = FoldedWordSet(speechVerbs)
        self.characterisingVerbs = FoldedWordSet(characterisingVerbs)
        self.titles = FoldedWordSet(titles)
        self.functionWords = FoldedWordSet(functionWords)
        self.organizationWords = FoldedWordSet(organizationWords)
        self.documentNouns = FoldedWordSet(documentNouns)
        self.gazetteer = gazetteer
    }

    /// Whether a folded word attributes a quotation.
    func isSpeechVerb(_ folded: String) -> Bool { self.speechVerbs.contains(folded) }

    /// Whether a folded word attributes a quotation or characterises with a fragment.
    func isAttributionVerb(_ folded: String) -> Bool { self.speechVerbs.contains(folded) || self.characterisingVerbs.contains(folded) }

    /// Whether folded words are a title or honorific.
    func isTitleOrHonorific(_ folded: String) -> Bool { self.titles.contains(folded) }

    /// Whether a folded word is a function word, never a name on its own.
    func isFunctionWord(_ folded: String) -> Bool { self.functionWords.contains(folded) }

    /// Whether the gazetteer knows a place of this name.
    func isKnownPlace(_ name: String) -> Bool { !self.gazetteer.names(of: name).isEmpty }

    /// Whether a folded word names a text that speaks for its issuer.
    func isDocumentNoun(_ folded: String) -> Bool { self.documentNouns.contains(folded) }

    /// Whether a folded word names a kind of organization.
    func isOrganizationWord(_ folded: String) -> Bool { self.organizationWords.contains(folded) }
}
