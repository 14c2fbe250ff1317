import DocumentModel

/// The third stage of quote extraction: from the words that stand for a speaker to the speaker.
///
/// - A name resolves to the document's entity of that name or alias, or to the person whose
///   surname it is (`Boudreau` → `Anne Boudreau`). With no entity, a surname resolves to the
///   full name an attribution used before, and any other name is kept as written.
/// - `he` and `she` resolve to the last person named before them outside quotations; `they`
///   to a recent sentence's subject who is never called `he` or `she`; `it` and `they`
///   otherwise to an organization named in the paragraph or the one before.
/// - A definite description (`the minister`) resolves to the last entity introduced with that
///   word beside its name (`Transport Minister Jane Doe`); an office with no such entity to the
///   last person named, as do two roles under one article (`the singer and guitarist`); not
///   after a name's possessive (`Doe's spokesman` stays as written), a plural (`the
///   physicians`), or a role the story just gave someone unnamed (`a spokesperson who …`); an
///   organization noun (`the company`) to the last organization, or with a modifier (`the
///   production company`) to the last organization with that word in its name, a document
///   noun (`the statement`) to whoever issued the one the story introduced (`Acme said in a
///   statement`).
/// - An indefinite description (`a spokesperson`, `officers`) stays a description.
///
/// Every lookup is a hash or an `AntecedentIndex` question, so resolving all the quotations of
/// a document costs time linear in its mentions and quotations.
///
/// ```swift
/// var resolver = SpeakerResolver(entities: entities, paragraphs: scanned, spans: spans, names: names, vocabulary: vocabulary)
/// resolver.resolve(phrase, rule: .saidAfterQuote)?.speaker.name
/// ```
struct SpeakerResolver: Sendable {
    /// A resolved speaker, and the rule that resolved it.
    struct Resolution: Sendable, Hashable {
        /// Who spoke.
        let speaker: Quote.Speaker
        /// The cue's rule, or the resolution's when a pronoun or description was resolved.
        let rule: AttributionRule
    }

    /// Words either side of a mention that describe the one named (`Transport Minister`, `its spokeswoman`).
    static let roleWindow = 6
    /// How many paragraphs back `it` or `they` looks for an organization.
    static let organizationReach = 1

    private let vocabulary: AttributionVocabulary
    private let personByForm: [String: Entity]
    private let entityByForm: [String: Entity]
    private let personBySurname: [String: Entity]
    private let personByGivenName: [String: Entity]
    private let fullNameBySurname: [String: String]
    private var people: AntecedentIndex
    private var pronouns: PersonalPronounResolver
    private var organizations: AntecedentIndex
    private var personRoles: [String: AntecedentIndex]
    private var organizationRoles: [String: AntecedentIndex]
    /// Mentions of organizations by each word of their names, folded (`productions` for `Lund Productions`).
    private var organizationsByNameWord: [String: AntecedentIndex]
    /// Where the story introduced someone by a role and no name, by role word (`spokesperson`).
    private var unnamedRoles: [String: AntecedentIndex]
    /// Who issued each document the story introduced, by document noun (`statement`).
    private var documentIssuers: [String: AntecedentIndex] = [:]

    /// Entity forms indexed and entities compared while building the name indexes.
    private let indexingWork: Int

    /// Work done so far: entities indexed, and antecedent lookups in position comparisons.
    var comparisons: Int {
        self.indexingWork + self.people.comparisons + self.pronouns.comparisons + self.organizations.comparisons
            + (self.personRoles.values.map(\.comparisons) + self.organizationRoles.values.map(\.comparisons)
                + self.organizationsByNameWord.values.map(\.comparisons) + self.unnamedRoles.values.map(\.comparisons)
                + self.documentIssuers.values.map(\.comparisons)).reduce(0, +)
    }

    /// A resolver for one document.
    ///
    /// - Parameters:
    ///   - entities: the document's entities.
    ///   - paragraphs: the paragraphs searched for quotations.
    ///   - spans: the quotations, in reading order; people named inside them are no antecedents.
    ///   - names: the names attributions use, in reading order; those no entity holds become
    ///     antecedents themselves, and lend their full form to a later surname.
    ///   - vocabulary: the attribution word lists.
    /// - Complexity: O(*m* log *m* + *s* + *n*) for *m* mentions, *s* spans and *n* names.
    init(entities: [Entity], paragraphs: [ScannedParagraph], spans: [QuotationSpan], names: [SpeakerPhrase], vocabulary: AttributionVocabulary) {
        self.vocabulary = vocabulary
        var personByForm: [String: Entity] = [:]
        var entityByForm: [String: Entity] = [:]
        var personBySurname: [String: Entity] = [:]
        // A given name alone (`Dale wrote`) stands for a person only when one person has it:
        // each given name keeps its first person, and is dropped once another has it too.
        var givenNames: [String: Entity] = [:]
        var sharedGivenNames: Set<String> = []
        var indexingWork = 0
        for entity in entities {
            for form in [entity.name] + entity.aliases {
                indexingWork += 1
                let folded = ASCIIFolding.fold(form)
                if entityByForm[folded] == nil { entityByForm[folded] = entity }
                guard entity.kind == .person else { continue }
                if personByForm[folded] == nil { personByForm[folded] = entity }
                let parts = NameText.spaceSeparated(folded).map(String.init)
                if let surname = parts.last, personBySurname[surname] == nil { personBySurname[surname] = entity }
                if parts.count >= 2 {
                    if let owner = givenNames[parts[0]] {
                        indexingWork += 1
                        if owner.id != entity.id { sharedGivenNames.insert(parts[0]) }
                    } else {
                        givenNames[parts[0]] = entity
                    }
                }
            }
        }
        self.personByForm = personByForm
        self.entityByForm = entityByForm
        self.personBySurname = personBySurname
        self.personByGivenName = givenNames.filter { !sharedGivenNames.contains($0.key) }
        self.indexingWork = indexingWork

        var fullNameBySurname: [String: String] = [:]
        var nameAntecedents: [AntecedentIndex.Antecedent] = []
        for phrase in names where phrase.form == .name {
            let folded = phrase.folded
            // A name no entity holds, or one taken for a place no gazetteer knows: the
            // attribution says it is someone speaking.
            if let entity = personByForm[folded] ?? personBySurname[Self.lastWord(of: folded)] ?? entityByForm[folded],
                entity.kind != .location || vocabulary.isKnownPlace(entity.name) {
                continue
            }
            let parts = NameText.spaceSeparated(folded).map(String.init)
            if parts.count >= 2, let surname = parts.last, fullNameBySurname[surname] == nil {
                fullNameBySurname[surname] = phrase.text
            }
            if !parts.contains(where: vocabulary.isOrganizationWord) {
                nameAntecedents.append(.init(position: phrase.position, speaker: Quote.Speaker(name: phrase.text, kind: .person)))
            }
        }
        self.fullNameBySurname = fullNameBySurname

        self.unnamedRoles = UnnamedRoleFinder(vocabulary: vocabulary).introductions(in: paragraphs, spans: spans).mapValues(AntecedentIndex.init)
        let mentions = Self.mentionsOutside(spans, of: entities)
        let byIndex = Dictionary(paragraphs.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        var people = nameAntecedents
        var organizations: [AntecedentIndex.Antecedent] = []
        var personRoles: [String: [AntecedentIndex.Antecedent]] = [:]
        var organizationRoles: [String: [AntecedentIndex.Antecedent]] = [:]
        var organizationsByNameWord: [String: [AntecedentIndex.Antecedent]] = [:]
        // Each organization's name words, folded once though it is mentioned many times.
        var nameWords: [String: [String]] = [:]
        for entity in entities where entity.kind == .organization {
            nameWords[entity.id] = Set(NameText.spaceSeparated(ASCIIFolding.fold(entity.name))).map(String.init)
        }
        for (entity, mention) in mentions {
            guard let paragraph = byIndex[mention.paragraph] else { continue }
            let antecedent = AntecedentIndex.Antecedent(
                position: TextPosition(paragraph: mention.paragraph, offset: mention.start), speaker: Quote.Speaker(entity: entity))
            let roleWords = Self.roleWords(around: mention, in: paragraph, vocabulary: vocabulary)
            // Only words a description's head can be are filed (`resolve`): never a function
            // word, and for an organization an organization word. Filing every word cost more
            // than resolving all the quotations.
            switch entity.kind {
            case .person:
                people.append(antecedent)
                for word in roleWords where !vocabulary.isFunctionWord(word) { personRoles[word, default: []].append(antecedent) }
            case .organization:
                organizations.append(antecedent)
                for word in roleWords where vocabulary.isOrganizationWord(word) { organizationRoles[word, default: []].append(antecedent) }
                for word in nameWords[entity.id] ?? [] { organizationsByNameWord[word, default: []].append(antecedent) }
            case .location:
                continue
            }
        }
        self.people = AntecedentIndex(people)
        self.pronouns = PersonalPronounResolver(people: people, organizations: organizations, paragraphs: paragraphs, spans: spans)
        self.organizations = AntecedentIndex(organizations)
        self.personRoles = personRoles.mapValues(AntecedentIndex.init)
        self.organizationRoles = organizationRoles.mapValues(AntecedentIndex.init)
        self.organizationsByNameWord = organizationsByNameWord.mapValues(AntecedentIndex.init)

        let mentionsByParagraph = Dictionary(grouping: mentions, by: { $0.1.paragraph })
        var issuers: [String: [AntecedentIndex.Antecedent]] = [:]
        for introduction in DocumentIntroductionFinder(vocabulary: vocabulary).introductions(in: paragraphs, spans: spans, mentions: mentionsByParagraph) {
            guard let speaker = self.speaker(issuing: introduction.issuer) else { continue }
            issuers[introduction.noun, default: []].append(.init(position: introduction.position, speaker: speaker))
        }
        self.documentIssuers = issuers.mapValues(AntecedentIndex.init)
    }

    /// The speaker who issued a document: the entity named, or what the phrase standing for
    /// the issuer resolves to (never another document, so resolution does not loop).
    private mutating func speaker(issuing issuer: DocumentIntroductionFinder.Issuer) -> Quote.Speaker? {
        switch issuer {
        case .entity(let entity):
            return Quote.Speaker(entity: entity)
        case .phrase(let phrase):
            if case .definiteDescription(let head) = phrase.form, self.vocabulary.isDocumentNoun(head) { return nil }
            return self.resolve(phrase, rule: .description)?.speaker
        }
    }

    /// The speaker `phrase` stands for, found by a cue with `rule`; `nil` when a pronoun or
    /// description has nothing to refer to.
    mutating func resolve(_ phrase: SpeakerPhrase, rule: AttributionRule) -> Resolution? {
        switch phrase.form {
        case .name:
            return Resolution(speaker: self.speaker(named: phrase), rule: rule)
        case .pronoun:
            switch phrase.folded {
            case "he", "she":
                return self.pronouns.resolve(phrase.folded, at: phrase.position).map { Resolution(speaker: $0.speaker, rule: .pronoun) }
            case "they":
                let subject = self.pronouns.resolveThey(at: phrase.position)?.speaker
                return (subject ?? self.organization(before: phrase.position)).map { Resolution(speaker: $0, rule: .pronoun) }
            default:
                return self.organization(before: phrase.position).map { Resolution(speaker: $0, rule: .pronoun) }
            }
        case .definiteDescription(let head):
            if self.vocabulary.isDocumentNoun(head) {
                // "the statement said": the one who issued the statement the story introduced.
                if let issuer = self.documentIssuers[head]?.last(before: phrase.position)?.speaker ?? self.organization(before: phrase.position) {
                    return Resolution(speaker: issuer, rule: .description)
                }
            } else if self.vocabulary.isOrganizationWord(head) {
                // "the French foreign ministry" says which one it is; "the production company" does
                // when a word of it is part of an organization's name (`Lund Productions`);
                // "the ministry" needs the name before.
                let words = phrase.folded.split(separator: " ").map(String.init)
                if words.count > 2 {
                    let isProper = phrase.text.split(separator: " ").dropFirst().contains { $0.first?.isUppercase ?? false }
                    var named: Quote.Speaker?
                    for modifier in words.dropFirst().dropLast() where !isProper && named == nil {
                        named = self.organization(namedWith: modifier, before: phrase.position)
                    }
                    return Resolution(speaker: named ?? Quote.Speaker(name: phrase.text, kind: .description), rule: named == nil ? rule : .description)
                }
                if let described = self.organizationRoles[head]?.last(before: phrase.position) ?? self.organizations.last(before: phrase.position) {
                    return Resolution(speaker: described.speaker, rule: .description)
                }
            } else if Self.isPlural(head) || self.isUnnamed(head, before: phrase.position) {
                // "the physicians": a group, no one named; "the spokesperson" after "a spokesperson who …": that unnamed one.
            } else if let described = self.personRoles[head]?.last(before: phrase.position) {
                return Resolution(speaker: described.speaker, rule: .description)
            } else if self.vocabulary.isTitleOrHonorific(head) || Self.isCoordinatedRoles(phrase), !Self.hasNamedPossessor(phrase),
                let person = self.people.last(before: phrase.position) {
                return Resolution(speaker: person.speaker, rule: .description)
            }
            return Resolution(speaker: Quote.Speaker(name: phrase.text, kind: .description), rule: rule)
        case .indefiniteDescription:
            return Resolution(speaker: Quote.Speaker(name: phrase.text, kind: .description), rule: rule)
        }
    }

    /// The speaker a name stands for: a person of that name or surname, any entity of that
    /// name, an entity named by its end (`Attorney General Jane Doe`), a full name used before,
    /// or the name as written.
    private func speaker(named phrase: SpeakerPhrase) -> Quote.Speaker {
        let folded = phrase.folded
        if let entity = self.entity(named: folded), entity.kind != .location || self.vocabulary.isKnownPlace(entity.name) {
            return Quote.Speaker(entity: entity)
        }
        if let full = self.fullNameBySurname[folded] { return Quote.Speaker(name: full, kind: .person) }
        let isOrganization = folded.split(separator: " ").contains { self.vocabulary.isOrganizationWord(String($0)) }
        return Quote.Speaker(name: phrase.text, kind: isOrganization ? .organization : .person)
    }

    /// The entity a folded name stands for: a person of that name or surname, any entity of that
    /// name, or an entity named by the name's end (`Attorney General Jane Doe`).
    private func entity(named folded: String) -> Entity? {
        if let entity = self.personByForm[folded] ?? self.personBySurname[Self.lastWord(of: folded)] ?? self.entityByForm[folded] {
            return entity
        }
        var words = folded.split(separator: " ").dropFirst()
        while !words.isEmpty {
            if let entity = self.entityByForm[words.joined(separator: " ")] { return entity }
            words = words.dropFirst()
        }
        return self.personByGivenName[folded]
    }

    /// The organization last named before `position` with a folded word in its name, in the
    /// singular or the plural (`production` finds `Lund Productions`).
    private mutating func organization(namedWith word: String, before position: TextPosition) -> Quote.Speaker? {
        guard !self.vocabulary.isFunctionWord(word) else { return nil }
        return (self.organizationsByNameWord[word]?.last(before: position) ?? self.organizationsByNameWord[word + "s"]?.last(before: position))?.speaker
    }

    /// Whether a folded noun is a plural (`physicians`, not `boss` or `status`).
    private static func isPlural(_ noun: String) -> Bool {
        noun.hasSuffix("s") && !noun.hasSuffix("ss") && !noun.hasSuffix("us") && !noun.hasSuffix("is") && !noun.hasSuffix("'s")
    }

    /// Whether the story introduced someone by the role `head` and no name in this or the
    /// previous paragraph, after any person described by that role.
    private mutating func isUnnamed(_ head: String, before position: TextPosition) -> Bool {
        guard let unnamed = self.unnamedRoles[head]?.last(before: position), position.paragraph - unnamed.position.paragraph <= 1 else { return false }
        guard let named = self.personRoles[head]?.last(before: position) else { return true }
        return named.position < unnamed.position
    }

    /// Whether a description is two roles of one person under one article (`the singer and
    /// guitarist`, `the founder and chief executive`): someone the story has named.
    private static func isCoordinatedRoles(_ phrase: SpeakerPhrase) -> Bool {
        let words = phrase.folded.split(separator: " ")
        guard words.first == "the", let last = words.last, !last.hasSuffix("s"), let and = words.firstIndex(of: "and") else { return false }
        return and > 1 && and < words.count - 1 && !words[and - 1].hasSuffix("s")
    }

    /// Whether a description opens with a name's possessive (`Doe's lawyer`): it is someone
    /// of that one's, not simply the person named last.
    private static func hasNamedPossessor(_ phrase: SpeakerPhrase) -> Bool {
        guard let first = phrase.text.split(separator: " ").first, let initial = first.first else { return false }
        return initial.isUppercase && (first.hasSuffix("'s") || first.hasSuffix("\u{2019}s"))
    }

    /// The organization named last before `position`, if within reach.
    private mutating func organization(before position: TextPosition) -> Quote.Speaker? {
        guard let found = self.organizations.last(before: position), position.paragraph - found.position.paragraph <= Self.organizationReach else {
            return nil
        }
        return found.speaker
    }

    private static func lastWord(of folded: String) -> String {
        NameText.spaceSeparated(folded).last.map(String.init) ?? folded
    }

    /// The mentions of people and organizations that are not inside a quotation, each with its entity.
    ///
    /// - Complexity: O(*m* log *m* + *s*): mentions are sorted, then walked beside the spans.
    private static func mentionsOutside(_ spans: [QuotationSpan], of entities: [Entity]) -> [(Entity, Entity.Mention)] {
        let mentions = entities.filter { $0.kind != .location }
            .flatMap { entity in entity.mentions.map { (entity, $0) } }
            .sorted { ($0.1.paragraph, $0.1.start) < ($1.1.paragraph, $1.1.start) }
        var outside: [(Entity, Entity.Mention)] = []
        var spanIndex = 0
        for (entity, mention) in mentions {
            while spanIndex < spans.count, (spans[spanIndex].paragraph, spans[spanIndex].end) <= (mention.paragraph, mention.start) {
                spanIndex += 1
            }
            let isInside = spanIndex < spans.count && spans[spanIndex].paragraph == mention.paragraph && spans[spanIndex].start <= mention.start
            if !isInside { outside.append((entity, mention)) }
        }
        return outside
    }

    /// The folded words around a mention that may describe the one named, up to a speech verb
    /// either side: past one, the words are another clause's (`The group said that Acme …`
    /// does not make Acme the group).
    private static func roleWords(around mention: Entity.Mention, in paragraph: ScannedParagraph, vocabulary: AttributionVocabulary) -> [String] {
        let first = paragraph.firstWord(atOrAfter: mention.start)
        let last = paragraph.firstWord(atOrAfter: mention.end)
        let words = paragraph.words
        // Read word by word, nearest first before the mention and then after it: lazy slices
        // joined and mapped cost more than the lookups.
        var roles: [String] = []
        roles.reserveCapacity(2 * Self.roleWindow)
        var index = first
        while index > max(0, first - Self.roleWindow), !vocabulary.isSpeechVerb(words[index - 1].folded) {
            index -= 1
            roles.append(words[index].folded)
        }
        index = last
        while index < min(words.count, last + Self.roleWindow), !vocabulary.isSpeechVerb(words[index].folded) {
            roles.append(words[index].folded)
            index += 1
        }
        return roles
    }
}
