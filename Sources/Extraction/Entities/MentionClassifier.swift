import DocumentModel

/// The second stage of entity extraction: splits a run of capitalised words into mentions of
/// people, organizations and places, each with the `ClassificationRule` that typed it.
///
/// The rules, in the order they are tried at each word of a run:
/// - a name that ends in an organization or outlet word (`Kotak Securities`, `Sky News`) and
///   reaches past any place it starts with (`Hong Kong Stock Exchange`) is an organization;
/// - the longest span the gazetteer knows is a place (`DPRK`, `Sulawesi`), unless a city's
///   name is followed by a plural (`Cleveland Browns`, a team) or a one-word place is a first
///   name before a surname (`Chad Wolf`);
/// - titles and honorifics (`Mr.`, `US President`) are dropped and make what follows a person;
/// - a name ending in a place word (`Gulf of Riga`) is a place;
/// - a capitalised `The` in mid-sentence opens a title (`The Verge`): an organization;
/// - otherwise the words up to the next connector are read by their context: capitals or an
///   agency tag (organization), a neighbouring noun, a preposition of place, a known given
///   name or surname, an attribution or apposition (person), a brand's inner capital.
/// A demonym opening a run (`North Korean leader Kim`) is an adjective, not a name. On a
/// title-case line only the lexicons decide; what the context would say stays unconfirmed.
///
/// - Complexity: O(*n*) in the run's words: each lookup spans at most `maxNameWords`.
struct MentionClassifier: Sendable {
    let gazetteer: Gazetteer
    let lexicon: Lexicon
    /// Words that end an organization's or an outlet's name, folded.
    private let organizationEndings: FoldedWordSet
    /// The lexicon's place words, asked about at every word of a run.
    private let placeWords: FoldedWordSet
    /// Titles and honorifics, folded, asked about at every word of a run.
    private let titles: FoldedWordSet
    /// The first words of the titles and honorifics of more than one word (`special` of
    /// `special rapporteur`): a word and the next are looked up together only after one.
    private let titleOpeners: FoldedWordSet

    /// A classifier reading names with these lists.
    init(gazetteer: Gazetteer, lexicon: Lexicon) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.organizationEndings = FoldedWordSet(lexicon.organizationWords.union(lexicon.publicationWords))
        self.placeWords = FoldedWordSet(lexicon.placeWords)
        let titles = lexicon.titles.union(lexicon.honorifics)
        self.titles = FoldedWordSet(titles)
        // A space has no canonical decomposition and joins no scalar, so a title equal to
        // `one + " " + two` opens with a word equal to `one`.
        self.titleOpeners = FoldedWordSet(Set(titles.compactMap { title in title.firstIndex(of: " ").map { String(title[..<$0]) } }))
    }

    /// The longest name (in words) any rule reads: longer runs are names side by side.
    static let maxNameWords = 10

    /// The longest name ending in a place word, complement included (`Bay of Bengal`): a longer
    /// run is a headline's words (`Be Sure To Visit Our Stadium`).
    static let maxPlaceWords = 6

    /// A country's legislature, named by its bare word inside a sentence (`the Senate voted`).
    private static let legislatures: FoldedWordSet = ["congress", "senate", "parliament", "house"]

    /// Capitalised words that do not start a name at the start of a sentence.
    private static let sentenceStarters: FoldedWordSet = [
        "the", "a", "an", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
        "his", "her", "their", "its", "our", "as", "after", "before", "when", "while", "if", "for", "from", "with", "by", "to", "of",
        "although", "however", "meanwhile", "according", "asked", "speaking", "some", "many", "several", "every", "each", "there",
    ]

    /// The mentions in one run.
    ///
    /// - Parameters:
    ///   - run: the run, a slice of `context.words`.
    ///   - context: the paragraph's words and text.
    ///   - paragraph: the paragraph's index.
    ///   - isTitleCase: whether the paragraph is a title-case line (a headline, a menu).
    ///   - acronyms: acronyms defined in brackets after a name (`(UNHRC)`), added to as found.
    /// - Returns: the mentions, in order.
    func classify(
        _ run: ArraySlice<TextWord>, context: NameContext, paragraph: Int, isTitleCase: Bool, acronyms: inout [String: String]
    ) -> [EntityMention] {
        var run = run
        var leadingArticle: Int?
        // A capitalised sentence opener ("The", "But") is not part of a name; in mid-sentence
        // a capitalised "The" is part of a title.
        while let first = run.first, Self.sentenceStarters.contains(first.folded) {
            leadingArticle = first.folded == "the" && run.count > 1 && !context.startsSentence(first) ? run.startIndex : nil
            run = run.dropFirst()
        }
        // "North Korean leader", "Afghan Taliban": a demonym is an adjective.
        while let end = self.demonymEnd(in: run), self.organizationEnd(in: run, from: run.startIndex) == nil,
            self.nameEnd(in: run, from: run.startIndex, endingIn: self.placeWords) == nil  // "Tibetan Plateau"
        {
            run = run[end...]
            leadingArticle = nil
        }
        // "Yesterday Maren Holtby": a capitalised sentence opener before a given name is no part of it.
        if run.count >= 3, context.startsSentence(run.first!), !self.lexicon.givenNames.contains(run.first!.folded),
            self.lexicon.givenNames.contains(run[run.startIndex + 1].folded)
        {
            run = run.dropFirst()
        }
        // "Remember New Jersey's quest": a capitalised sentence opener before a country or region
        // is no part of it ("Sousa Lima said" is a person named like a city).
        if run.count >= 2, let place = self.longestPlace(in: run, from: run.startIndex + 1), context.startsSentence(run.first!),
            !self.lexicon.givenNames.contains(run.first!.folded), !self.lexicon.surnames.contains(run.first!.folded),
            self.longestPlace(in: run, from: run.startIndex) == nil, self.organizationEnd(in: run, from: run.startIndex) == nil,
            self.gazetteer.country(named: place.name) != nil || self.gazetteer.region(named: place.name) != nil
        {
            run = run.dropFirst()
        }
        var mentions: [EntityMention] = []
        var index = run.startIndex
        var pendingTitle = !run.isEmpty && context.followsLowerCaseTitle(run.startIndex)
        func add(_ kind: Entity.Kind, _ name: String, _ slice: ArraySlice<TextWord>, _ rule: ClassificationRule) {
            let confirmed = !isTitleCase || [.gazetteer, .acronym, .organizationWord, .givenName].contains(rule)
            mentions.append(self.mention(kind, name, slice, context, paragraph, confirmed ? rule : .unconfirmedName))
        }
        if let article = leadingArticle, self.longestPlace(in: run, from: run.startIndex) == nil {
            // "told The New York Times": the whole title, article included, up to a possessive.
            let limit = min(run.endIndex, run.startIndex + Self.maxNameWords)
            let end = run[run.startIndex..<limit].firstIndex { NameText.possessiveSuffix($0.text) != nil }.map { $0 + 1 } ?? limit
            let slice = context.words[article..<end]
            let title = String(context.text[slice.first!.range.lowerBound..<slice.last!.range.upperBound])
            add(.organization, NameText.withoutPossessive(title), slice, .capitalisedArticle)
            index = end
        }
        while index < run.endIndex {
            let place = self.longestPlace(in: run, from: index)
            // "Hong Kong Stock Exchange" is an organization, but an acronym after a place starts
            // another name ("North Korea OHCHR Seoul Office").
            let acronymFollowsPlace = place.map { $0.end < run.endIndex && run[$0.end].isAllCaps } ?? false
            if let end = self.organizationEnd(in: run, from: index), end > (place?.end ?? index), !acronymFollowsPlace {
                let slice = run[index..<end]
                let name = NameText.withoutPossessive(String(context.text[slice.first!.range.lowerBound..<slice.last!.range.upperBound]))
                add(.organization, name, slice, .organizationWord)
                if let place, place.end < end { add(.location, place.name, run[index..<place.end], .gazetteer) }
                if let acronym = context.parenthesisedAcronym(after: slice.last!.range.upperBound) { acronyms[acronym] = name }
                index = end
                pendingTitle = false
            } else if let (team, city) = self.team(in: run, from: index) {
                add(.organization, NameText.withoutPossessive(run[index..<team].map(\.text).joined(separator: " ")), run[index..<team], .placeNamedTeam)
                add(.location, city.name, run[index..<(team - 1)], .gazetteer)
                index = team
            } else if let place, self.isFirstName(in: run, place: index..<place.end, afterTitle: pendingTitle) {
                add(.person, NameText.withoutPossessive(NameText.displayName(run[index...])), run[index...], .givenName)
                index = run.endIndex
            } else if let place, self.isCompany(run[index..<place.end], context: context), self.gazetteer.country(named: place.name) == nil {
                // "Toyota's CEO": a company named like a town.
                add(.organization, NameText.withoutPossessive(run[index].text), run[index..<place.end], .companyContext)
                index = place.end
                pendingTitle = false
            } else if let place {
                add(.location, place.name, run[index..<place.end], .gazetteer)
                // "ambassador to Britain Liu Xiaming": the place completes the office before the name.
                pendingTitle = index == run.startIndex && context.followsLowerCaseTitleComplement(index)
                index = place.end
            } else if let end = self.titleEnd(in: run, from: index) {
                index = end
                pendingTitle = true
            } else if let end = self.nameEnd(in: run, from: index, endingIn: self.placeWords), end - index <= Self.maxPlaceWords {
                let slice = run[index..<end]
                add(.location, NameText.withoutPossessive(slice.map(\.text).joined(separator: " ")), slice, .placeWord)
                index = end
                pendingTitle = false
            } else if NameRunScanner.connectors.contains(run[index].text) {
                index += 1  // "Hungary and Poland": the connector between two names
                // "Special Rapporteur on the Situation": what a connector adds to a title is
                // the office's complement, not the holder's name.
                pendingTitle = false
            } else {
                // Up to the next connector or title: a name, an acronym, or nothing we know.
                var end = index + 1
                // A possessive ends a name: "NASA's Steve Clarke" is two.
                while end < run.endIndex, end - index < Self.maxNameWords, !NameRunScanner.connectors.contains(run[end].text),
                    self.titleEnd(in: run, from: end) == nil, NameText.possessiveSuffix(run[end - 1].text) == nil,
                    !isTitleCase || self.longestPlace(in: run, from: end) == nil,  // a headline's words run on into places
                    !self.startsGivenName(in: run, at: end, after: index),
                    run[end].folded != run[index].folded  // "Ana Lima Ana Maria Lima": a name repeated, in full
                {
                    end += 1
                }
                let slice = run[index..<end]
                if let employer = self.employer(in: slice, run: run, context: context) {
                    add(.organization, NameText.withoutPossessive(employer.map(\.text).joined(separator: " ")), employer, .employerBeforeTitle)
                } else if let (kind, rule) = self.read(slice, context: context, pendingTitle: pendingTitle, startsRun: index == run.startIndex) {
                    let name = kind == .person ? NameText.withoutPossessive(NameText.displayName(slice)) : NameText.withoutPossessive(slice.map(\.text).joined(separator: " "))
                    add(kind, rule == .acronym ? NameText.withoutPossessive(slice.first!.text) : name, slice, rule)
                }
                index = end
                pendingTitle = false
            }
        }
        return mentions
    }

    /// What the context says of words that no lexicon names: their kind and the rule.
    private func read(
        _ slice: ArraySlice<TextWord>, context: NameContext, pendingTitle: Bool, startsRun: Bool
    ) -> (Entity.Kind, ClassificationRule)? {
        let first = slice.first!
        let folded = slice.map { NameText.withoutPossessive($0.folded) }
        // Initials, codes and figures ("B", "Q2", "FY2020") name nothing.
        guard !NameRunScanner.connectors.contains(first.text), slice.allSatisfy({ $0.text.count >= 2 && !LineShape.hasNumber($0.text[...]) }) else {
            return nil
        }
        if slice.count == 1, case let isAllCaps = first.isAllCaps, isAllCaps || self.lexicon.agencies[first.folded] != nil {
            // "a TV ad", "its COO": a common noun's abbreviation names nothing.
            return isAllCaps && self.lexicon.abbreviations.contains(folded[0]) ? nil : (.organization, .acronym)
        }
        if slice.count == 1, context.namesLeader(slice), !self.lexicon.givenNames.contains(folded[0]) { return (.person, .leaderInOffice) }
        if slice.count <= 4, !pendingTitle, let kind = context.kindByNeighbours(slice) { return (kind, .neighbourNoun) }
        if slice.count == 1, Self.legislatures.contains(folded[0]), !context.startsSentence(first) { return (.organization, .legislature) }
        if slice.count == 1, self.lexicon.organizationWords.contains(folded[0]) { return (.organization, .bareOrganizationWord) }
        if pendingTitle, slice.count <= 4 { return (.person, .title) }
        let isNamed = slice.count >= 2 && slice.count <= 4
        if isNamed, self.lexicon.givenNames.contains(folded[0]) { return (.person, .givenName) }
        if slice.count == 1, NameText.hasInnerCapital(first.text), !self.lexicon.givenNames.contains(folded[0]) {
            return (.organization, .innerCapital)
        }
        if let evidence = self.companyEvidence(slice, context: context, readsSubject: true) {
            return (.organization, evidence == .subject ? .companySubject : .companyContext)
        }
        if startsRun, slice.count <= 3, context.followsPlacePreposition(slice.startIndex), context.personSignal(slice) == nil {
            return (.location, .placePreposition)
        }
        if isNamed, let signal = context.personSignal(slice) { return (.person, signal) }
        // "Voltara said": people are named in full first, so a lone speaker's name that joins
        // no one is an organization's.
        if slice.count == 1, context.isFollowedByAttribution(slice) {
            return (self.lexicon.surnames.contains(folded[0]) ? .person : .organization, .attribution)
        }
        return slice.count <= 4 ? (.person, .unconfirmedName) : nil
    }

    private func mention(
        _ kind: Entity.Kind, _ name: String, _ slice: ArraySlice<TextWord>, _ context: NameContext, _ paragraph: Int, _ rule: ClassificationRule
    ) -> EntityMention {
        let text = context.text
        let opensSentence = context.startsSentence(slice.first!)
        let range = slice.first!.range.lowerBound..<slice.last!.range.upperBound
        var surface = String(text[range])
        var end = range.upperBound
        // "North Korea´s": the possessive is not part of the name.
        if let possessive = NameText.possessiveSuffix(surface) {
            surface = String(surface.dropLast(possessive))
            end = text.index(range.upperBound, offsetBy: -possessive)
        }
        return EntityMention(
            kind: kind, name: name, surface: surface, paragraph: paragraph, range: range.lowerBound..<end, rule: rule,
            opensSentence: opensSentence)
    }

    /// The longest span from `start` (up to eight words) that names a country or city.
    ///
    /// The span grows a word at a time from folded words while some name starts with it, so
    /// each word is folded once and looked up a bounded number of times.
    private func longestPlace(in run: ArraySlice<TextWord>, from start: Int) -> (end: Int, name: String)? {
        let isInitials = start + 1 < run.endIndex && run[start].text.utf8.count == 1 && run[start + 1].text.utf8.count == 1
        guard run[start].folded != "the", isInitials || self.gazetteer.hasPlace(startingWith: NameText.withoutPossessive(run[start].folded))
        else { return nil }
        var found: (end: Int, name: String)?
        var phrase = ""
        var spelled = ""
        for end in (start + 1)...min(run.endIndex, start + 8) {
            let word = run[end - 1]
            phrase += end == start + 1 ? word.folded : " " + word.folded
            // "U.S.": initials spell the code.
            if isInitials, word.text.utf8.count == 1 { spelled += word.folded } else { spelled = "" }
            let key = NameText.withoutPossessive(spelled.count == end - start && end - start > 1 ? spelled : phrase)
            if let place = self.place(folded: key, in: run, start: start, end: end, isLast: word.folded == "the") { found = place }
            guard self.gazetteer.hasPlace(startingWithWords: phrase) || !spelled.isEmpty else { break }
        }
        return found
    }

    /// The country, city or region a folded phrase of `run[start..<end]` names, read as
    /// `longestPlace` reads it: never ending on `the`, short names only in capitals (`US`, not
    /// `Us`), and a one-word city before another capitalised name a first name (`Sofia Raposo`).
    private func place(folded key: String, in run: ArraySlice<TextWord>, start: Int, end: Int, isLast: Bool) -> (end: Int, name: String)? {
        guard !isLast else { return nil }
        if key.count <= 3 {
            let written = NameText.withoutPossessive(run[start..<end].map(\.text).joined())
            if written != written.uppercased() { return nil }
        }
        if let country = self.gazetteer.country(folded: key) { return (end, country.name) }
        if end - start == 1, end < run.endIndex, run[end].isCapitalized, !run[end].isAllCaps { return nil }
        return (self.gazetteer.city(folded: key) ?? self.gazetteer.region(folded: key)).map { (end, $0.name) }
    }

    /// Whether a name reads as a company's (`NameContext.companyEvidence`); a given name is a
    /// person's (`Anna's staff`) unless a plural verb follows it, and a surname may be (`Hale announced`).
    private func isCompany(_ slice: ArraySlice<TextWord>, context: NameContext) -> Bool {
        self.companyEvidence(slice, context: context) != nil
    }

    /// The evidence that a name reads as a company's (`isCompany`), if it stands.
    private func companyEvidence(
        _ slice: ArraySlice<TextWord>, context: NameContext, readsSubject: Bool = false
    ) -> NameContext.CompanyEvidence? {
        guard let evidence = context.companyEvidence(slice, readsSubject: readsSubject) else { return nil }
        let folded = NameText.withoutPossessive(slice.first!.folded)
        let stands = evidence == .collective
            || (!self.lexicon.givenNames.contains(folded) && (evidence == .attribute || !self.lexicon.surnames.contains(folded)))
        return stands ? evidence : nil
    }

    /// Whether a known given name at `position` starts a second name glued to words that are no
    /// person's (`State Mike Pompeo`, `Trade Representative Robert Lighthizer`): the name read
    /// from `start` does not open with a given name, the word before is no name either (`Trần
    /// Thị Mỹ Linh` is one name), and a capitalised word follows this one.
    private func startsGivenName(in run: ArraySlice<TextWord>, at position: Int, after start: Int) -> Bool {
        let before = run[position - 1].folded
        return position + 1 < run.endIndex && run[position + 1].isCapitalized && !run[position].isAllCaps
            && self.lexicon.givenNames.contains(run[position].folded) && !self.lexicon.givenNames.contains(run[start].folded)
            && !self.lexicon.givenNames.contains(before) && !self.lexicon.surnames.contains(before)
    }

    /// Offices a company or an institution gives, written between its name and the holder's
    /// (`Voltara CEO Ana Lima`), folded.
    private static let employerTitles: FoldedWordSet = [
        "ceo", "coo", "cfo", "cto", "chief", "chief executive", "chairman", "chairwoman", "chair", "founder", "co-founder", "president",
        "spokesperson", "spokesman", "spokeswoman", "director", "analyst", "head",
    ]

    /// Words that qualify an office rather than name its employer (`Former President`,
    /// `Interim CEO`), folded.
    private static let officeQualifiers: FoldedWordSet = ["former", "acting", "interim", "then", "late", "incoming", "outgoing", "ex"]

    /// The employer's name, when a name of one to three words stands before an office and its
    /// holder's name, all capitalised (`Voltara CEO Ana Lima`): the office is the name's, so
    /// the name is an employer's, not a person's. A given name opening it is a person's (`Ana
    /// Lima CEO`); a qualifier of the office, or a participle opening the sentence (`Ousted
    /// Voltara CEO`), is no part of it.
    private func employer(in slice: ArraySlice<TextWord>, run: ArraySlice<TextWord>, context: NameContext) -> ArraySlice<TextWord>? {
        guard slice.count <= 3, slice.endIndex < run.endIndex, NameText.possessiveSuffix(slice.last!.text) == nil,
            !self.lexicon.givenNames.contains(slice.first!.folded), let holder = self.titleEnd(in: run, from: slice.endIndex),
            holder < run.endIndex, run[holder].isCapitalized,
            Self.employerTitles.contains(run[slice.endIndex..<holder].map(\.folded).joined(separator: " "))
        else { return nil }
        let first = slice.first!
        let isQualifier = Self.officeQualifiers.contains(first.folded) || (context.startsSentence(first) && first.folded.hasSuffix("ed"))
        let employer = isQualifier ? slice.dropFirst() : slice
        return employer.isEmpty ? nil : employer
    }

    /// The end of a demonym of one or two words opening the run (`Afghan`, `North Korean`).
    private func demonymEnd(in run: ArraySlice<TextWord>) -> Int? {
        let start = run.startIndex
        guard start < run.endIndex else { return nil }
        let first = NameText.withoutPossessive(run[start].folded)
        if start + 1 < run.endIndex, self.lexicon.demonyms[first + " " + NameText.withoutPossessive(run[start + 1].folded)] != nil {
            return start + 2
        }
        return self.lexicon.demonyms[first] != nil ? start + 1 : nil
    }

    /// Whether a one-word place is a first name: a known surname follows it (`Chad Wolf`,
    /// `Georgia Hale`), or any capitalised word when an office precedes it (`Senator Alba
    /// Vantongeren`), and no more capitalised words.
    private func isFirstName(in run: ArraySlice<TextWord>, place: Range<Int>, afterTitle: Bool) -> Bool {
        guard place.count == 1, place.upperBound + 1 == run.endIndex else { return false }
        let next = run[place.upperBound]
        return !next.isAllCaps && (afterTitle || self.lexicon.surnames.contains(NameText.withoutPossessive(next.folded)))
            && self.gazetteer.country(folded: next.folded) == nil && self.gazetteer.city(folded: next.folded) == nil
    }

    /// The end of a team named for its city, and the city, which the story names with it: one
    /// capitalised plural ends the run right after the place (`Cleveland Browns`, `Los Angeles Lakers`).
    private func team(in run: ArraySlice<TextWord>, from start: Int) -> (end: Int, city: Gazetteer.Place)? {
        let end = run.endIndex - 1
        guard end > start, end - start <= 3 else { return nil }
        let word = run[end]
        guard word.text.count > 3, word.text.hasSuffix("s"), !word.isAllCaps, NameText.possessiveSuffix(word.text) == nil else { return nil }
        let place = run[start..<end].map(\.folded).joined(separator: " ")
        guard let city = self.gazetteer.city(folded: place) ?? self.gazetteer.region(folded: place),
            self.gazetteer.country(folded: word.folded) == nil, self.gazetteer.city(folded: word.folded) == nil
        else { return nil }
        return (end + 1, city)
    }

    /// The end of an organization's name from `start`: through its last organization or outlet
    /// word, with an `of …`/`for …`/`in …` complement (`Ministry of Energy and Mineral Resources`).
    private func organizationEnd(in run: ArraySlice<TextWord>, from start: Int) -> Int? {
        self.nameEnd(in: run, from: start, endingIn: self.organizationEndings, isOrganization: true)
    }

    /// The end of a name from `start` that runs through one of `kindWords` (an organization's
    /// `Council`, a place's `Sea`), with an `of …`/`for …`/`in …` complement (`Gulf of Riga`,
    /// `Nordic Institute for Coastal Research`). A possessive or `and` ends the name.
    private func nameEnd(in run: ArraySlice<TextWord>, from start: Int, endingIn kindWords: FoldedWordSet, isOrganization: Bool = false) -> Int? {
        guard !NameRunScanner.connectors.contains(run[start].text) else { return nil }
        var last: Int?
        var index = start
        let limit = min(run.endIndex, start + Self.maxNameWords)
        // "UNMAS and the UN Verification Mission" are two names: "and" ends this one.
        while index < limit, run[index].text != "and" {
            let word = NameText.withoutPossessive(run[index].folded)
            // "Ministry of Energy and Mineral Resources": an industry word in the complement
            // does not end the name; the complement is read below.
            if last != nil, Self.complementOpeners.contains(run[index].text) { break }
            if kindWords.contains(word) { last = index }
            // "Penelope Abernathy of the University of …": the name starts after the connector.
            if last == nil, NameRunScanner.connectors.contains(run[index].text) { break }
            if NameText.possessiveSuffix(run[index].text) != nil { break }
            index += 1
        }
        guard var end = last.map({ $0 + 1 }) else { return nil }
        // A bare organization word ("the Council") names nothing by itself.
        let hasComplement = end < run.endIndex && Self.complementOpeners.contains(run[end].text) && NameText.possessiveSuffix(run[end - 1].text) == nil
        if end == start + 1 && !run[start].isAllCaps && !hasComplement && isOrganization { return nil }
        if hasComplement {
            var stop = end + 1
            while stop < run.endIndex, stop < end + Self.maxNameWords {
                let word = run[stop]
                // "… Security and Alex Azar": a given name after "and" starts another name.
                let continues = word.text == "and"
                    ? stop + 1 < run.endIndex && run[stop + 1].isCapitalized && !self.lexicon.givenNames.contains(run[stop + 1].folded)
                    : (word.isCapitalized || NameRunScanner.connectors.contains(word.text))
                guard continues else { break }
                stop += 1
                if NameText.possessiveSuffix(word.text) != nil { break }
            }
            while stop > end, NameRunScanner.connectors.contains(run[stop - 1].text) { stop -= 1 }
            end = stop
        }
        return end
    }

    /// The words, as written, that open the complement of a name (`Gulf of Riga`).
    private static let complementOpeners: FoldedWordSet = ["of", "for", "in"]

    /// The end of a run of title and honorific words starting at `start`, if any.
    private func titleEnd(in run: ArraySlice<TextWord>, from start: Int) -> Int? {
        var end = start
        while end < run.endIndex {
            let one = run[end].folded
            if end + 1 < run.endIndex, self.titleOpeners.contains(one), self.titles.contains(one + " " + run[end + 1].folded) {
                end += 2
            } else if self.titles.contains(one) {
                end += 1
            } else {
                break
            }
        }
        return end > start ? end : nil
    }
}
