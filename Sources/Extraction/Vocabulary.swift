import DocumentModel

/// What the shipped word lists know beyond a document's text, for search and similarity.
public enum Vocabulary {
    /// The names the gazetteer (for places) or the acronym list (for organizations) knows for
    /// an entity beyond its own: `DPRK` for North Korea, `UN` for the United Nations.
    public static func knownNames(of entity: Entity) -> [String] {
        switch entity.kind {
        case .location: return Gazetteer.standard.names(of: entity.name)
        case .organization: return Lexicon.standard.acronymsByName[entity.name] ?? []
        case .person: return []
        }
    }

    /// Words too common to characterise a story, folded (`would`, `said`).
    public static var stopwords: Set<String> { Lexicon.standard.stopwords }
}
