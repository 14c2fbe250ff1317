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
        let scanner = NameRunScanner(honorifics: self.lexicon.honorifics)
        let classifier = MentionClassifier(gazetteer: self.gazetteer, lexicon: self.lexicon)
        for paragraph in paragraphs where paragraph.section == .contacts {
            mentions += self.contactMentions(contacts, in: paragraph)
        }
        for (paragraph, words) in zip(paragraphs, paragraphWords) where paragraph.section != .contacts {
            try deadline.check()
            for word in words where !word.isCapitalized { lowercaseWords.insert(word.folded) }
            let context = NameContext(words: words, text: paragraph.text, lexicon: self.lexicon)
            let isTitleCase = NameRunScanner.isTitleCase(words, text: paragraph.text)
            var previous: EntityMention?
            for run in scanner.runs(in: words, text: paragraph.text) {
                try deadline.check()
                for mention in classifier.classify(run, context: context, paragraph: paragraph.index, isTitleCase: isTitleCase, acronyms: &acronyms) {
                    let listed = previous.map { self.listed(mention, after: $0, context: context, text: paragraph.text) } ?? mention
                    mentions.append(listed)
                    previous = listed
                }
            }
        }
        let resolution = try MentionResolver(lexicon: self.lexicon)
            .resolve(mentions, definedAcronyms: acronyms, lowercaseWords: lowercaseWords, deadline: deadline)
        return (EntityAssembler(paragraphs: paragraphs).entities(from: resolution.groups), resolution.work)
    }

    /// A name with nothing to say what it is, typed by the list it is an item of: names listed
    /// after a place are places (`in Cumbria, Powys, Norfolk and Cornwall`), one-word names
    /// listed after an organization are organizations (`Marvel Entertainment, Voltara and …`).
    private func listed(_ mention: EntityMention, after previous: EntityMention, context: NameContext, text: String) -> EntityMention {
        // "NASA and American taxpayers": a demonym is an adjective.
        guard mention.rule == .unconfirmedName, mention.kind == .person, previous.range.upperBound <= mention.range.lowerBound,
            context.continuesList(mention.range, after: text[previous.range.upperBound..<mention.range.lowerBound]),
            self.lexicon.demonyms[TextFolding.fold(mention.name)] == nil
        else { return mention }
        let words = NameText.spaceSeparated(mention.name).count
        if previous.kind == .location, words <= 3 { return mention.retyped(.location, name: mention.surface, by: .listAfterPlace) }
        if previous.kind == .organization, !previous.isWeak, words == 1 {
            return mention.retyped(.organization, name: mention.surface, by: .listAfterOrganization)
        }
        return mention
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
