/// A direct quotation, with who said it and how the text says so.
public struct Quote: Sendable, Hashable {
    /// The speaker, when the text names or clearly refers to one.
    public struct Speaker: Sendable, Hashable {
        /// The person entity's id.
        public let id: String
        /// The person's name.
        public let name: String

        /// A speaker known by its entity.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// `q1`, `q2`, … in reading order within the document.
    public let id: String
    /// The words inside the quotation marks.
    public let text: String
    /// Who said it, or `nil` when the text does not say.
    public let speaker: Speaker?
    /// The words that name the speaker (`he`, `the expert`, `Ojea Quintana`), if any.
    public let speakerText: String?
    /// The attribution verb (`said`, `told`, `called`), if any.
    public let verb: String?
    /// The paragraph's index.
    public let paragraph: Int
    /// Start of the quoted text in the paragraph, in Unicode scalars.
    public let start: Int
    /// End (exclusive), in Unicode scalars.
    public let end: Int
    /// Whether it is a fragment quoted inside a sentence.
    public let isPartial: Bool
    /// The rule that named the speaker, e.g. `said-after-quote`, `pronoun`, `continuation`.
    public let attribution: String?
    /// How sure the attribution is, from 0 to 1 (0 when there is no speaker).
    public let confidence: Double

    /// Makes a quotation (extraction makes these; tests and benchmarks may too).
    public init(
        id: String, text: String, speaker: Speaker?, speakerText: String?, verb: String?, paragraph: Int, start: Int, end: Int,
        isPartial: Bool, attribution: String?, confidence: Double
    ) {
        self.id = id
        self.text = text
        self.speaker = speaker
        self.speakerText = speakerText
        self.verb = verb
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.isPartial = isPartial
        self.attribution = attribution
        self.confidence = confidence
    }
}
