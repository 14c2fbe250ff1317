import DocumentModel

/// One place a paragraph names a person, organization or place, with the rule that typed it.
///
/// Mentions are what the classification stage hands to coreference: each carries the name it
/// proposes (`name`, already cleaned of titles and possessives) and the words as written
/// (`surface`, whose range the mention's offsets report).
struct EntityMention: Sendable {
    /// What the mention is taken to name.
    let kind: Entity.Kind
    /// The name it proposes: display case, no title, no possessive (`Tomás Ojea Quintana`).
    let name: String
    /// The words as written in the paragraph (`OJEA QUINTANA`).
    let surface: String
    /// The paragraph's index.
    let paragraph: Int
    /// Where `surface` stands in the paragraph's text.
    let range: Range<String.Index>
    /// The rule that decided the kind.
    let rule: ClassificationRule
    /// Whether the mention's first word opens a sentence, where every word is capitalised.
    let opensSentence: Bool

    /// Whether the mention stands only if it joins a fuller name the story gives elsewhere.
    var isWeak: Bool { self.rule.isWeak }

    /// The same words, typed by another rule.
    func retyped(_ kind: Entity.Kind, name: String? = nil, by rule: ClassificationRule) -> EntityMention {
        EntityMention(
            kind: kind, name: name ?? self.name, surface: self.surface, paragraph: self.paragraph, range: self.range, rule: rule,
            opensSentence: self.opensSentence)
    }
}
