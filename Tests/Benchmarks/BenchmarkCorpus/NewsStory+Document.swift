import Corpus
import DocumentModel
import Extraction

extension NewsStory {
    /// The story as the `Ingestor` would have left it, built directly (ingesting 100,000
    /// stories would take minutes): paragraphs labelled by section, source, date, dateline,
    /// contacts, and an entity for every person, organisation and city the paragraphs name,
    /// with each mention where the text has it.
    public var document: Document {
        let hasDateline = self.template == .wire || self.template == .pressRelease
        return Document(
            id: self.id, slug: slug(self.title), kind: self.kind, title: self.title, isTitleDerived: false, source: self.source,
            published: self.published.description, dateline: hasDateline ? self.place.city.uppercased() : nil,
            paragraphs: self.blocks.enumerated().map { Paragraph(index: $0.offset, section: $0.element.section, text: $0.element.text) },
            contacts: self.contacts, entities: self.entities)
    }

    /// One entity per name the paragraphs mention, in order of first mention, with the other
    /// forms written (a person's last name) as aliases.
    public var entities: [Entity] {
        var order: [String] = []
        var ids: [String: String] = [:]
        var kinds: [String: Entity.Kind] = [:]
        var aliases: [String: [String]] = [:]
        var mentions: [String: [Entity.Mention]] = [:]
        for (index, block) in self.blocks.enumerated() {
            for mention in block.mentions {
                if kinds.updateValue(mention.kind, forKey: mention.name) == nil {
                    order.append(mention.name)
                    ids[mention.name] = mention.id
                }
                if mention.written != mention.name, !aliases[mention.name, default: []].contains(mention.written) {
                    aliases[mention.name, default: []].append(mention.written)
                }
                mentions[mention.name, default: []].append(
                    Entity.Mention(text: mention.written, paragraph: index, start: mention.start, end: mention.end))
            }
        }
        return order.map { name in
            Entity(id: ids[name]!, name: name, kind: kinds[name]!, aliases: aliases[name] ?? [], mentions: mentions[name] ?? [])
        }
    }
}
