import DocumentModel

/// The third stage of entity extraction, coreference: decides which mentions name the same
/// person, organization or place, and under which name.
///
/// - People named in full (two words or more, with a sign of being a person) absorb later
///   short forms: a surname or surnames (`Glocer`, `Ojea Quintana`), capitals, no accents, and a
///   first name that only one of them has (`Kim` after `Kim Jong-un`).
/// - A shortened organization name joins the nearest fuller one it is the head or the start
///   of (`the Commission`, `Human Rights Council` → `UN Human Rights Council`; `Disney` →
///   `Walt Disney Co`); an acronym joins the name it abbreviates.
/// - A one-word name that joins no one is an organization when the story repeats it in
///   mid-sentence and never writes it in lower case (`recurringName`), or has it speak.
/// - What is left unconfirmed is dropped.
///
/// - Complexity: O(*m*) in the mentions: every short form is found by one dictionary lookup.
struct MentionResolver {
    let lexicon: Lexicon

    /// The mentions of one entity under its kind and the name coreference gave it.
    struct Group {
        /// What the entity is.
        let kind: Entity.Kind
        /// The name its mentions resolved to (before `CanonicalName` picks the display form).
        let name: String
        /// Its mentions, in reading order.
        var mentions: [EntityMention]
    }

    /// The outcome: the groups in order of first mention, and how many index operations the
    /// resolution took (to pin its linear cost in tests).
    struct Resolution {
        /// The entities' mention groups.
        let groups: [Group]
        /// Index insertions and lookups done.
        let work: Int
    }

    /// The longest full name whose parts are filed as short forms.
    private static let maxIndexedWords = 6

    /// Groups the mentions into entities.
    ///
    /// - Parameters:
    ///   - mentions: every mention, in reading order.
    ///   - definedAcronyms: acronyms the text defines in brackets → the names they follow.
    ///   - lowercaseWords: the folded words the text writes in lower case somewhere.
    ///   - deadline: checked at every mention.
    /// - Throws: `IngestError.tooComplex` once the deadline has passed.
    func resolve(
        _ mentions: [EntityMention], definedAcronyms: [String: String], lowercaseWords: Set<String>, deadline: IngestionDeadline
    ) throws(IngestError) -> Resolution {
        var work = 0
        var folding = FoldedNameCache()
        let singleNames = Set(mentions.filter { $0.kind != .location && !NameText.hasSpace($0.name) }.map(\.surface))
        let mentions = mentions.map { self.surnamed($0, lowercaseWords: lowercaseWords, singleNames: singleNames) }
        let people = self.personIndex(mentions, work: &work)
        let organizations = self.organizationIndex(mentions, lowercaseWords: lowercaseWords, work: &work)
        func expanded(_ name: String) -> String {
            var current = name
            for _ in 0..<Self.maxIndexedWords {
                work += 1
                guard let fuller = organizations.name(for: folding.fold(current)) else { break }
                current = fuller
            }
            return current
        }
        var resolved: [(EntityMention, Entity.Kind, String)] = []
        var pendingSingles: [EntityMention] = []
        for mention in self.companiesNamedOnce(mentions, lowercaseWords: lowercaseWords, folding: &folding, work: &work) {
            try deadline.check()
            work += 1
            let isSingleWord = !NameText.hasSpace(mention.name)
            if isSingleWord, mention.kind != .location, Self.mayBeShortForm(mention.rule) {
                if let person = people.name(for: folding.fold(mention.name)) {
                    resolved.append((mention, .person, person))
                } else if mention.kind == .organization || Self.namesLonePerson(mention.rule) {
                    resolved.append((mention, mention.kind, mention.kind == .organization ? expanded(mention.name) : mention.name))
                } else if case let organization = expanded(mention.name), organization != mention.name {
                    resolved.append((mention, .organization, organization))
                } else {
                    pendingSingles.append(mention)
                }
                continue
            }
            switch mention.kind {
            case .person:
                // "Harlan Vetch said" after "Harlan Vetch Holdings": a company named for its founder.
                if mention.rule != .title, mention.rule != .apposition, let organization = organizations.name(for: folding.fold(mention.name)) {
                    resolved.append((mention, .organization, expanded(organization)))
                } else if let person = people.name(for: folding.fold(mention.name)) {
                    resolved.append((mention, .person, person))
                } else if !mention.isWeak {
                    resolved.append((mention, .person, mention.name))
                }
            case .organization:
                if let full = definedAcronyms[mention.surface] ?? self.lexicon.acronyms[mention.surface] {
                    resolved.append((mention, .organization, full))
                } else {
                    let name = expanded(mention.name)
                    if !mention.isWeak || name != mention.name { resolved.append((mention, .organization, name)) }
                }
            case .location:
                if !mention.isWeak { resolved.append((mention, .location, mention.name)) }
            }
        }
        // "Voss declined" after "the Voss administration": a lone name joins the one-word person it repeats.
        let lonePeople = Set(resolved.filter { $0.1 == .person && !NameText.hasSpace($0.2) }.map { folding.fold($0.2) })
        for mention in pendingSingles where lonePeople.contains(folding.fold(mention.name)) {
            work += 1
            resolved.append((mention, .person, mention.name))
        }
        let unresolved = pendingSingles.filter { !lonePeople.contains(folding.fold($0.name)) }
        resolved += self.recurringNames(unresolved, lowercaseWords: lowercaseWords, folding: &folding, work: &work)
        return Resolution(groups: Self.grouped(resolved, folding: &folding), work: work)
    }

    /// Whether a one-word mention typed by `rule` names a person on its own (`President Higgs`,
    /// `Higgs said`, `the Higgs administration`).
    static func namesLonePerson(_ rule: ClassificationRule) -> Bool {
        rule == .title || rule == .attribution || rule == .leaderInOffice
    }

    /// Whether a one-word mention typed by `rule` may be the short form of a fuller name.
    private static func mayBeShortForm(_ rule: ClassificationRule) -> Bool {
        switch rule {
        case .unconfirmedName, .attribution, .innerCapital, .title, .recurringName, .apposition, .givenName, .companyContext, .companySubject,
            .listAfterOrganization, .listBeforeOrganization, .leaderInOffice:
            return true
        case .gazetteer, .placeWord, .organizationWord, .capitalisedArticle, .placeNamedTeam, .acronym, .neighbourNoun,
            .placePreposition, .listAfterPlace, .contact, .bareOrganizationWord, .surname, .employerBeforeTitle, .legislature, .listWithPerson:
            return false
        }
    }

    /// Endings of English abstract nouns, which given names do not have.
    private static let nounEndings = ["tion", "sion", "ment", "ness", "ship", "ism"]

    /// The mention, confirmed as a person's when it is an unconfirmed name of two words that
    /// ends in a known surname the story also writes alone (`Sowers said`), and opens with a
    /// word the story never writes in lower case and no list calls anything else, a surname
    /// included (`Eyamba Sowers`, not `Forest Hill`).
    private func surnamed(_ mention: EntityMention, lowercaseWords: Set<String>, singleNames: Set<String>) -> EntityMention {
        guard mention.rule == .unconfirmedName, mention.kind == .person, case let parts = NameText.spaceSeparated(mention.surface), parts.count == 2,
            singleNames.contains(String(parts[1]))
        else { return mention }
        let words = NameIndex.words(of: mention.name)
        guard words.count == 2, self.lexicon.surnames.contains(String(words[1])),
            case let first = String(words[0]), !lowercaseWords.contains(first),
            case let opening = mention.surface.prefix(while: { $0 != " " }), opening.dropFirst().allSatisfy(\.isLowercase)
        else { return mention }
        // "Incubation Grant": an abstract noun's ending is no given name's.
        guard !Self.nounEndings.contains(where: { first.hasSuffix($0) }) else { return mention }
        let lists = [self.lexicon.stopwords, self.lexicon.titles, self.lexicon.organizationWords, self.lexicon.placeWords, self.lexicon.surnames]
        guard !lists.contains(where: { $0.contains(first) }), self.lexicon.demonyms[first] == nil else { return mention }
        return mention.retyped(.person, by: .surname)
    }

    /// The mentions, with every one-word name that a company's context types once (`Voltara's
    /// CEO`) an organization wherever else the story writes it (`across Voltara`, a town's name).
    /// A sentence's first word that the story also writes in lower case is no name (`Others
    /// reported`, `Small investors`), nor is a sentence's subject the story names only there.
    private func companiesNamedOnce(
        _ mentions: [EntityMention], lowercaseWords: Set<String>, folding: inout FoldedNameCache, work: inout Int
    ) -> [EntityMention] {
        var namings: [String: Int] = [:]
        for mention in mentions where mention.rule == .companySubject {
            work += 1
            namings[folding.fold(mention.surface), default: 0] += 1
        }
        // "Amazon Music Unlimited" names "Amazon" again: any mention opening with the word.
        for mention in mentions where !namings.isEmpty && mention.rule != .companySubject {
            work += 1
            let opening = folding.fold(String(mention.surface.prefix { $0 != " " }))
            if namings[opening] != nil { namings[opening, default: 0] += 1 }
        }
        var kept: [EntityMention] = []
        for mention in mentions {
            // A subject the story writes in lower case elsewhere is a common noun wherever it stands.
            let isSubject = mention.rule == .companySubject
            guard mention.rule == .companyContext || isSubject, mention.opensSentence || isSubject else {
                kept.append(mention)
                continue
            }
            let folded = folding.fold(mention.surface)
            // "Floodwater has washed away": a sentence's subject named only there may be a common noun.
            if isSubject, mention.opensSentence, namings[folded, default: 0] < 2 { continue }
            if !(lowercaseWords.contains(folded) || self.lexicon.stopwords.contains(folded)) { kept.append(mention) }
        }
        let mentions = kept
        let companies = Set(mentions.filter { $0.rule == .companyContext || $0.rule == .companySubject }.map { folding.fold($0.surface) })
        guard !companies.isEmpty else { return mentions }
        let retypable: Set<ClassificationRule> = [.gazetteer, .placePreposition, .listAfterPlace, .unconfirmedName, .attribution]
        return mentions.map { mention in
            work += 1
            guard mention.kind != .organization, retypable.contains(mention.rule), !NameText.hasSpace(mention.surface),
                companies.contains(folding.fold(mention.surface))
            else { return mention }
            return mention.retyped(.organization, name: mention.surface, by: .companyContext)
        }
    }

    /// People's full names filed under their short forms: the whole name, every run of words
    /// after the first (surnames), and the first word when no other person shares it.
    private func personIndex(_ mentions: [EntityMention], work: inout Int) -> NameIndex {
        let people = mentions.filter { $0.kind == .person && NameText.hasSpace($0.name) }
        // Each name is filed once, though a story repeats it at every mention: filing a name
        // again changes no key (it never displaces itself, nor what displaced it).
        var filedWeak: Set<String> = []
        var filedFull: Set<String> = []
        // A weak name completes a confirmed one it ends with: "Ana Sousa Lima, has warned" once "Sousa Lima said".
        var weakBySurnames = NameIndex()
        for person in people where person.isWeak && filedWeak.insert(person.name).inserted {
            for key in Self.surnameKeys(NameIndex.words(of: person.name)) {
                work += 1
                weakBySurnames.insert(person.name, words: 0, under: key, prefers: { _, _ in false })
            }
        }
        let confirmedNames = people.filter { !$0.isWeak && filedFull.insert($0.name).inserted }.map(\.name)
        let completedNames = confirmedNames.compactMap { name in
            work += 1
            return weakBySurnames.name(for: ASCIIFolding.fold(name))
        }
        var index = NameIndex()
        let longer: (Int, Int) -> Bool = { $0 > $1 }
        for name in confirmedNames + completedNames.filter({ filedFull.insert($0).inserted }) {
            let words = NameIndex.words(of: name)
            guard words.count <= Self.maxIndexedWords else { continue }
            work += 1
            index.insert(name, words: words.count, under: words.joined(separator: " "), prefers: longer)
            for key in Self.surnameKeys(words) {
                work += 1
                index.insert(name, words: words.count, under: key, prefers: longer)
            }
            if let first = words.first {
                work += 1
                index.insert(name, words: words.count, under: String(first), isExclusive: true, prefers: longer)
            }
        }
        return index
    }

    /// Every run of a name's words that starts after its first word (`ojea`, `ojea quintana`, `quintana`).
    private static func surnameKeys(_ words: [Substring]) -> [String] {
        guard words.count >= 2, words.count <= Self.maxIndexedWords else { return [] }
        return (1..<words.count).flatMap { start in (start + 1...words.count).map { words[start..<$0].joined(separator: " ") } }
    }

    /// Organizations' names filed under their shorter forms: their head (`Council`, `Human
    /// Rights Council`, the part before an `of`/`for`/`in` complement) and their opening words
    /// (`Walt Disney` of `Walt Disney Co`) when they end in a proper noun, a word the text never
    /// writes in lower case (not `Human Rights` of `Human Rights Council`). Each key keeps the
    /// shortest fuller name.
    private func organizationIndex(_ mentions: [EntityMention], lowercaseWords: Set<String>, work: inout Int) -> NameIndex {
        var index = NameIndex()
        var seen: Set<String> = []
        for mention in mentions where mention.kind == .organization && !mention.isWeak {
            let words = NameIndex.words(of: mention.name)
            guard words.count >= 2, words.count <= 3 * Self.maxIndexedWords, seen.insert(words.joined(separator: " ")).inserted else { continue }
            var keys: [String] = []
            for end in 1...words.count where end == words.count || ["of", "for", "in"].contains(words[end]) {
                for start in 0..<end where end - start < words.count { keys.append(words[start..<end].joined(separator: " ")) }
            }
            for end in 1..<words.count where !lowercaseWords.contains(String(words[end - 1])) {
                keys.append(words[0..<end].joined(separator: " "))
            }
            for key in keys {
                work += 1
                index.insert(mention.name, words: words.count, under: key, prefers: { $0 < $1 })
            }
        }
        return index
    }

    /// The one-word names that joined no one and still name an organization: a speaker
    /// (`Voltara said`), a brand's spelling, or a name the story repeats in mid-sentence and
    /// never writes in lower case.
    private func recurringNames(
        _ singles: [EntityMention], lowercaseWords: Set<String>, folding: inout FoldedNameCache, work: inout Int
    ) -> [(EntityMention, Entity.Kind, String)] {
        var midSentence: [String: Int] = [:]
        for mention in singles where !mention.opensSentence {
            work += 1
            midSentence[folding.fold(mention.name), default: 0] += 1
        }
        return singles.compactMap { mention in
            work += 1
            let folded = folding.fold(mention.name)
            if mention.rule == .attribution || mention.rule == .innerCapital { return (mention, .organization, mention.name) }
            let isName = (midSentence[folded] ?? 0) >= 2 && !lowercaseWords.contains(folded) && !self.lexicon.givenNames.contains(folded)
                && !self.lexicon.surnames.contains(folded) && !self.lexicon.stopwords.contains(folded) && !self.lexicon.titles.contains(folded)
                && !self.lexicon.honorifics.contains(folded) && !self.lexicon.languages.contains(mention.name)
            return isName ? (mention.retyped(.organization, by: .recurringName), .organization, mention.name) : nil
        }
    }

    /// The resolved mentions grouped by kind and folded name, in order of first mention.
    private static func grouped(_ resolved: [(EntityMention, Entity.Kind, String)], folding: inout FoldedNameCache) -> [Group] {
        // Keyed by a pair, not by a string spelling both out: building that string cost more
        // than the grouping.
        var groups: [Group] = []
        var positions: [GroupKey: Int] = [:]
        for (mention, kind, name) in resolved {
            let key = GroupKey(kind: kind, name: folding.fold(name))
            if let position = positions[key] {
                groups[position].mentions.append(mention)
            } else {
                positions[key] = groups.count
                groups.append(Group(kind: kind, name: name, mentions: [mention]))
            }
        }
        for position in groups.indices {
            groups[position].mentions.sort { ($0.paragraph, $0.range.lowerBound) < ($1.paragraph, $1.range.lowerBound) }
        }
        return groups
    }

    /// What makes two resolved mentions one entity's: the kind, and the folded name.
    private struct GroupKey: Hashable {
        let kind: Entity.Kind
        let name: String
    }
}
