import DocumentModel

/// The entities a segment's items mention: which items mention each, the names a query may
/// use for them, and each item's entities as numbers (for facets).
struct SegmentEntities: Sendable {
    /// Entity id → (item, mention count) pairs, items ascending.
    let postings: [String: [(item: UInt32, mentions: UInt32)]]
    /// An entity's forms, folded, words joined by spaces (`dprk`, `north korea`) → its ids.
    let forms: [String: [String]]
    /// The entities by number: ids and names (as first written).
    let ids: [String]
    let names: [String]
    /// Item `i`'s entity numbers are `itemEntities[itemEntityStarts[i]..<itemEntityStarts[i + 1]]`
    /// (one flat array: an array per item cost a retain per match in the facet loop).
    let itemEntities: [Int32]
    let itemEntityStarts: [Int32]

    /// The entities of `items`, numbered in the order they are first mentioned.
    init(items: [SearchItem]) {
        var numbers: [String: Int32] = [:]
        var ids: [String] = []
        var names: [String] = []
        var postings: [[(item: UInt32, mentions: UInt32)]] = []
        // The forms each entity has been seen with: most mentions repeat them, and a form
        // seen before needs no folding.
        var seenForms: [Set<String>] = []
        var forms: [String: [String]] = [:]
        var itemEntities: [Int32] = []
        var itemEntityStarts: [Int32] = [0]
        itemEntityStarts.reserveCapacity(items.count + 1)
        for (number, item) in items.enumerated() {
            for entity in item.entities {
                let entityNumber: Int32
                if let known = numbers[entity.id] {
                    entityNumber = known
                } else {
                    entityNumber = Int32(ids.count)
                    numbers[entity.id] = entityNumber
                    ids.append(entity.id)
                    names.append(entity.name)
                    postings.append([])
                    seenForms.append([])
                }
                postings[Int(entityNumber)].append((UInt32(number), UInt32(max(entity.mentions.count, 1))))
                for form in entity.forms where seenForms[Int(entityNumber)].insert(form).inserted {
                    let key = Self.formKey(form)
                    if !key.isEmpty && !(forms[key]?.contains(entity.id) ?? false) { forms[key, default: []].append(entity.id) }
                }
                itemEntities.append(entityNumber)
            }
            itemEntityStarts.append(Int32(itemEntities.count))
        }
        self.postings = Dictionary(uniqueKeysWithValues: zip(ids, postings))
        self.forms = forms
        self.ids = ids
        self.names = names
        self.itemEntities = itemEntities
        self.itemEntityStarts = itemEntityStarts
    }

    /// How an entity's form, or a query's words, are looked up: folded words joined by spaces.
    static func formKey(_ text: String) -> String {
        SearchToken.scan(text).map(\.folded).joined(separator: " ")
    }
}
