import DocumentModel

/// The fourth stage of entity extraction: the one name an entity is shown under.
///
/// Coreference gives each group the fullest name it found; among the forms that fold to that
/// name, the one with most accents wins (`Tomás Ojea Quintana` over a later `Tomas Ojea
/// Quintana`), then the first written.
enum CanonicalName {
    /// The display name of a group of mentions resolved to `name`.
    ///
    /// - Complexity: O(*m*) in the group's mentions.
    static func choose(for name: String, among mentions: [EntityMention]) -> String {
        // Folded only once a form with more accents asks for it: most names have none.
        lazy var folded = TextFolding.fold(name)
        var best = name
        var bestAccents = NameText.accentCount(name)
        for mention in mentions where NameText.accentCount(mention.name) > bestAccents && TextFolding.fold(mention.name) == folded {
            best = mention.name
            bestAccents = NameText.accentCount(mention.name)
        }
        return best
    }
}
