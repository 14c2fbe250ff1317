import DocumentModel

/// Turns resolved mention groups into the document's `Entity` values: a canonical name, a
/// unique id, the other forms as aliases, and each mention's offsets in Unicode scalars.
///
/// - Complexity: O(*n* + *m* log *m*) for paragraphs of total length *n* and *m* mentions:
///   offsets are counted in one pass per paragraph, not from its start for every mention.
struct EntityAssembler {
    /// The document's paragraphs, whose texts the mentions' ranges index.
    let paragraphs: [Paragraph]

    /// The entities, in order of first mention.
    func entities(from groups: [MentionResolver.Group]) -> [Entity] {
        let offsets = self.scalarOffsets(of: groups.flatMap(\.mentions))
        var usedIDs: Set<String> = []
        return groups.compactMap { group in
            // A lone one-word "person" is trusted only when a title, a verb of saying or an
            // office's tenure names it (`President Higgs`, `Higgs said`, `the Higgs administration`).
            if group.kind == .person, !NameText.hasSpace(group.name), !group.mentions.contains(where: { MentionResolver.namesLonePerson($0.rule) }) {
                return nil
            }
            let name = CanonicalName.choose(for: group.name, among: group.mentions)
            var id = Slug.make(from: name)
            if !usedIDs.insert(id).inserted {
                id += "-" + group.kind.rawValue
                usedIDs.insert(id)
            }
            var aliases: [String] = []
            var seen: Set<String> = [name]
            for mention in group.mentions where seen.insert(mention.surface).inserted { aliases.append(mention.surface) }
            let mentions = group.mentions.map { mention in
                let (start, end) = offsets[MentionKey(mention)] ?? (0, 0)
                return Entity.Mention(text: mention.surface, paragraph: mention.paragraph, start: start, end: end)
            }
            return Entity(id: id, name: name, kind: group.kind, aliases: aliases, mentions: mentions)
        }
    }

    /// Where a mention stands, as a dictionary key.
    private struct MentionKey: Hashable {
        let paragraph: Int
        let range: Range<String.Index>

        init(_ mention: EntityMention) {
            self.paragraph = mention.paragraph
            self.range = mention.range
        }
    }

    /// Each mention's start and end in Unicode scalars, counted forward through each paragraph
    /// from one mention to the next.
    private func scalarOffsets(of mentions: [EntityMention]) -> [MentionKey: (Int, Int)] {
        var offsets: [MentionKey: (Int, Int)] = [:]
        let byParagraph = Dictionary(grouping: mentions.map(MentionKey.init), by: \.paragraph)
        for (paragraph, keys) in byParagraph {
            let utf8 = self.paragraphs[paragraph].text.utf8
            var index = utf8.startIndex
            var offset = 0
            for key in keys.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where offsets[key] == nil {
                offset += Self.scalarCount(utf8[index..<key.range.lowerBound])
                index = key.range.lowerBound
                offsets[key] = (offset, offset + Self.scalarCount(utf8[key.range]))
            }
        }
        return offsets
    }

    /// How many Unicode scalars the bytes of whole scalars hold: one starts at every byte that
    /// is not a continuation byte, so counting those counts scalars, without decoding them.
    private static func scalarCount(_ bytes: Substring.UTF8View) -> Int {
        // Counted in the string's own buffer: stepping the view's iterator cost ten times more.
        func count<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        return bytes.withContiguousStorageIfAvailable(count) ?? count(bytes)
    }
}
