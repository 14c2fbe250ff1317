import DocumentModel

/// Finds the people, organizations and places of a document, with the forms each is named by
/// and one canonical name.
///
/// Extraction runs in stages, each a value in and a value out:
/// 1. `NameRunScanner`: the runs of capitalised words in each paragraph;
/// 2. `MentionClassifier`: each run split into typed mentions, each with the
///    `ClassificationRule` that decided its type; names listed after a place are places;
/// 3. `MentionResolver`: coreference, short forms joined to full names;
/// 4. `CanonicalName` and `EntityAssembler`: one display name, aliases and offsets per entity.
/// Media contacts are people, and their cities places.
///
/// ```swift
/// let entities = try EntityExtractor(gazetteer: .standard, lexicon: .standard)
///     .extract(from: paragraphs, words: paragraphs.map { TextWord.scan($0.text) }, contacts: [], deadline: deadline)
/// ```
///
/// - Complexity: O(*n*) in the document's words (plus sorting each entity's mentions).
struct EntityExtractor: Sendable {
    let gazetteer: Gazetteer
    /// Honorifics, titles, organization and place words, names, demonyms and acronyms.
    let lexicon: Lexicon
    /// The first two stages, their word lists prepared once rather than per document.
    private let scanner: NameRunScanner
    private let classifier: MentionClassifier

    /// An extractor reading names with these lists.
    init(gazetteer: Gazetteer, lexicon: Lexicon) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.scanner = NameRunScanner(honorifics: lexicon.honorifics)
        self.classifier = MentionClassifier(gazetteer: gazetteer, lexicon: lexicon)
    }

    /// The entities of a document's paragraphs.
    ///
    /// - Parameters:
    ///   - paragraphs: the paragraphs.
    ///   - words: each paragraph's words (`TextWord.scan`), scanned once for every extractor.
    ///   - contacts: the media contacts found in the `contacts` paragraphs, which are read for
    ///     these names and cities only (their other words are phone numbers and labels).
    ///   - deadline: checked at every paragraph, run of names and mention.
    /// - Throws: `IngestError.tooComplex` once the deadline has passed.
    func extract(
        from paragraphs: [Paragraph], words paragraphWords: [[TextWord]], contacts: [Contact], deadline: IngestionDeadline
    ) throws(IngestError) -> [Entity] {
        try self.resolve(paragraphs, words: paragraphWords, contacts: contacts, deadline: deadline).entities
    }

    /// The entities, and the work coreference took (for tests that pin its cost).
    func resolve(
        _ paragraphs: [Paragraph], words paragraphWords: [[TextWord]], contacts: [Contact], deadline: IngestionDeadline
    ) throws(IngestError) -> (entities: [Entity], work: Int) {
        var mentions: [EntityMention] = []
        var acronyms: [String: String] = [:]
        var lowercaseWords: Set<String> = []
        // Room for every word at once: growing the set rehashes all it holds each time.
        lowercaseWords.reserveCapacity(paragraphWords.reduce(0) { $0 + $1.count })
        let (scanner, classifier) = (self.scanner, self.classifier)
        for paragraph in paragraphs where paragraph.section == .contacts {
            mentions += self.contactMentions(contacts, in: paragraph)
        }
        for (paragraph, words) in zip(paragraphs, paragraphWords) where paragraph.section != .contacts {
            try deadline.check()
            // Words are read in place: iterating them copied every word's two strings.
            for index in words.indices where !words[index].isCapitalized { lowercaseWords.insert(words[index].folded) }
            let context = NameContext(words: words, text: paragraph.text, lexicon: self.lexicon)
            let isTitleCase = NameRunScanner.isTitleCase(words, text: paragraph.text)
            var paragraphMentions: [EntityMention] = []
            for run in scanner.runs(in: words, text: paragraph.text) {
                try deadline.check()
                paragraphMentions += classifier.classify(run, context: context, paragraph: paragraph.index, isTitleCase: isTitleCase, acronyms: &acronyms)
            }
            mentions += self.typedByLists(paragraphMentions, context: context, text: paragraph.text)
        }
        let resolution = try MentionResolver(lexicon: self.lexicon)
            .resolve(mentions, definedAcronyms: acronyms, lowercaseWords: lowercaseWords, deadline: deadline)
        return (EntityAssembler(paragraphs: paragraphs).entities(from: resolution.groups), resolution.work)
    }

    /// A paragraph's mentions, those with nothing to say what they are typed by the list they
    /// are items of: by the item before (`listed(_:after:…)`), or else by the item after
    /// (`listed(_:before:…)`).
    private func typedByLists(_ mentions: [EntityMention], context: NameContext, text: String) -> [EntityMention] {
        var typed: [EntityMention] = []
        typed.reserveCapacity(mentions.count)
        for mention in mentions {
            typed.append(typed.last.map { self.listed(mention, after: $0, context: context, text: text) } ?? mention)
        }
        for index in typed.indices.dropLast().reversed() {
            typed[index] = self.listed(typed[index], before: typed[index + 1], context: context, text: text)
        }
        return typed
    }

    /// A name with nothing to say what it is, typed by the list it is an item of: names listed
    /// after a place are places (`in Cumbria, Powys, Norfolk and Cornwall`), names listed
    /// after an organization are organizations (`Marvel Entertainment, Voltara and …`),
    /// names of two or three words listed after a person are people (`Ana Lima and Kofi Mensah`).
    private func listed(_ mention: EntityMention, after previous: EntityMention, context: NameContext, text: String) -> EntityMention {
        guard self.isUntyped(mention), Self.isNextItem(mention, after: previous, context: context, text: text) else { return mention }
        let words = NameText.wordCount(mention.name)
        if previous.kind == .location, words <= 3 { return mention.retyped(.location, name: mention.surface, by: .listAfterPlace) }
        if previous.kind == .organization, !previous.isWeak, words <= 3 {
            return mention.retyped(.organization, name: mention.surface, by: .listAfterOrganization)
        }
        return self.listedWithPerson(mention, beside: previous, words: words)
    }

    /// A name with nothing to say what it is, typed by the item that follows it in a list: a
    /// name before an organization is one (`Voltara and Brightline Grid`), a name of
    /// two or three words before a person a person (`Kofi Mensah and Ana Lima`).
    private func listed(_ mention: EntityMention, before next: EntityMention, context: NameContext, text: String) -> EntityMention {
        guard self.isUntyped(mention), Self.isNextItem(next, after: mention, context: context, text: text) else { return mention }
        let words = NameText.wordCount(mention.name)
        if next.kind == .organization, !next.isWeak, words <= 3 {
            return mention.retyped(.organization, name: mention.surface, by: .listBeforeOrganization)
        }
        return self.listedWithPerson(mention, beside: next, words: words)
    }

    /// Whether a mention is a name with nothing to say what it is: an unconfirmed person's, no
    /// demonym (`NASA and American taxpayers`).
    private func isUntyped(_ mention: EntityMention) -> Bool {
        mention.rule == .unconfirmedName && mention.kind == .person && self.lexicon.demonyms[ASCIIFolding.fold(mention.name)] == nil
    }

    /// Whether `item` is written as the next item of a list after `previous`.
    private static func isNextItem(_ item: EntityMention, after previous: EntityMention, context: NameContext, text: String) -> Bool {
        previous.range.upperBound <= item.range.lowerBound
            && context.continuesList(item.range, after: text[previous.range.upperBound..<item.range.lowerBound])
    }

    /// The mention as a person's when it names two or three words and its neighbour in a list
    /// is a person named in full.
    private func listedWithPerson(_ mention: EntityMention, beside neighbour: EntityMention, words: Int) -> EntityMention {
        guard neighbour.kind == .person, !neighbour.isWeak, NameText.hasSpace(neighbour.name), (2...3).contains(words) else { return mention }
        return mention.retyped(.person, by: .listWithPerson)
    }

    /// The mentions of contacts' names (people) and cities (places) in a contacts paragraph;
    /// two contacts in one city mention it once.
    private func contactMentions(_ contacts: [Contact], in paragraph: Paragraph) -> [EntityMention] {
        var mentions: [EntityMention] = []
        var cities: Set<Range<String.Index>> = []
        for contact in contacts {
            guard let name = paragraph.text.range(of: contact.name) else { continue }
            mentions.append(self.contactMention(.person, contact.name, contact.name, name, paragraph))
            if let city = contact.city, let range = paragraph.text.range(of: city), cities.insert(range).inserted {
                mentions.append(self.contactMention(.location, self.gazetteer.city(named: city)?.name ?? city, city, range, paragraph))
            }
        }
        return mentions
    }

    private func contactMention(_ kind: Entity.Kind, _ name: String, _ surface: String, _ range: Range<String.Index>, _ paragraph: Paragraph) -> EntityMention {
        EntityMention(kind: kind, name: name, surface: surface, paragraph: paragraph.index, range: range, rule: .contact, opensSentence: false)
    }
}
