import DocumentModel
import TestSupport

/// Small random documents with entities, quotations and words drawn from small pools, so
/// documents share entities, forms and terms often: what the directory and similarity
/// property tests feed their indexes.
struct RandomEntityDocuments {
    private var random: SplitMix64
    private var version = 0

    /// A generator whose documents are fixed by `seed`.
    init(seed: UInt64) {
        self.random = SplitMix64(seed: seed)
    }

    /// A number in `0..<bound`.
    mutating func next(below bound: Int) -> Int {
        Int.random(in: 0..<bound, using: &self.random)
    }

    /// A document with id `id`: up to 5 of 12 entities (each with a kind, forms and mentions
    /// that vary between documents), quotations by some of them, and 6 to 30 words of 16.
    mutating func document(id: String) -> Document {
        self.version += 1
        let kinds: [Entity.Kind] = [.person, .organization, .location]
        var ids = Set((0..<self.next(below: 6)).map { _ in "e\(self.next(below: 12))" }).sorted()
        ids.shuffle(using: &self.random)
        let entities = ids.map { entityID in
            let forms = (0..<(1 + self.next(below: 3))).map { _ in "\(entityID.uppercased()) form\(self.next(below: 4))" }
            return Entity(
                id: entityID, name: forms[0], kind: kinds[self.next(below: self.next(below: 8) == 0 ? 3 : 1)], aliases: Array(forms.dropFirst()),
                mentions: (0..<(1 + self.next(below: 3))).map { Entity.Mention(text: forms[0], paragraph: 0, start: $0, end: $0 + 1) })
        }
        let quotes = (0..<self.next(below: 4)).map { index in
            let speaker = entities.isEmpty || self.next(below: 4) == 0 ? nil : Quote.Speaker(entity: entities[self.next(below: entities.count)])
            return Quote(
                id: "q\(index + 1)", text: "words \(index)", speaker: speaker, speakerText: nil, verb: "said", paragraph: 0, start: 0, end: 1,
                isPartial: false, attribution: nil)
        }
        let words = ["harbour", "flood", "budget", "pension", "river", "mayor", "taxes", "bridge", "ferry", "storm", "court", "trial", "vote", "coal", "mine", "strike"]
        let body = (0..<(6 + self.next(below: 25))).map { _ in words[self.next(below: words.count)] }.joined(separator: " ")
        return Document(
            id: id, slug: id, kind: .newsArticle, title: "Story \(self.version)", isTitleDerived: false, source: nil, published: nil, dateline: nil,
            paragraphs: [Paragraph(index: 0, section: .body, text: body)], entities: entities, quotes: quotes)
    }

    /// Adds, replaces or removes one document of ids `d0`…`d{pool - 1}` in `documents`,
    /// returning the document taken out and the one put in.
    mutating func change(_ documents: inout [String: Document], pool: Int) -> (removed: Document?, added: Document?) {
        let id = "d\(self.next(below: pool))"
        let removed = documents[id]
        if removed != nil && self.next(below: 3) == 0 {
            documents[id] = nil
            return (removed, nil)
        }
        let added = self.document(id: id)
        documents[id] = added
        return (removed, added)
    }
}
