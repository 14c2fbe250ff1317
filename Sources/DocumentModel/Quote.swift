/// A direct quotation, with who said it and how the text says so.
public struct Quote: Sendable, Hashable {
    /// Who said a quotation: an entity of the document, or a speaker the text only describes.
    public struct Speaker: Sendable, Hashable {
        /// What kind of speaker it is.
        public enum Kind: String, Sendable, Hashable {
            /// A person, named or resolved from a pronoun or description.
            case person
            /// A company, agency, team or group that speaks as one (`Tottenham said in a statement`).
            case organization
            /// A country or place speaking for its government (`North Korea said`).
            case location
            /// An unnamed speaker known only by its description (`a company spokesperson`).
            case description
        }

        /// The entity's id when the speaker is an entity of the document; `nil` for a
        /// description, or a name no entity holds.
        public let id: String?
        /// The entity's name, the name as written, or the description as written.
        public let name: String
        /// What kind of speaker it is.
        public let kind: Kind

        /// A speaker known by its entity.
        public init(entity: Entity) {
            self.id = entity.id
            self.name = entity.name
            self.kind = Kind(entity.kind)
        }

        /// A speaker with no entity: a name as written, or a description.
        public init(name: String, kind: Kind) {
            self.init(id: nil, name: name, kind: kind)
        }

        /// A speaker with every field given, as a stored document is read back.
        public init(id: String?, name: String, kind: Kind) {
            self.id = id
            self.name = name
            self.kind = kind
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
    /// The rule that named the speaker; `nil` when there is no speaker.
    public let attribution: AttributionRule?

    /// How sure the attribution is, from 0 to 1 (0 when there is no speaker).
    public var confidence: Double { self.attribution?.confidence ?? 0 }

    /// Makes a quotation (extraction makes these; tests and benchmarks may too).
    public init(
        id: String, text: String, speaker: Speaker?, speakerText: String?, verb: String?, paragraph: Int, start: Int, end: Int,
        isPartial: Bool, attribution: AttributionRule?
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
    }
}

extension Quote.Speaker.Kind {
    /// The speaker kind of an entity kind.
    public init(_ kind: Entity.Kind) {
        switch kind {
        case .person: self = .person
        case .organization: self = .organization
        case .location: self = .location
        }
    }
}
