import DocumentModel

/// What the words around a capitalised run say about it: a neighbouring noun, an attribution
/// verb, an apposition, a preposition of place, the start of a sentence.
///
/// One value per paragraph; every question looks at a few words beside the run, so each
/// costs O(1).
struct NameContext {
    /// The paragraph's words.
    let words: [TextWord]
    /// The paragraph's text.
    let text: String
    /// Titles, organization and place nouns.
    let lexicon: Lexicon

    /// Prepositions after which an unknown name is a place ("in Cumbria", "from Brittany").
    private static let placePrepositions: FoldedWordSet = ["in", "from", "near", "off", "across", "around", "throughout"]

    /// Words beside a name that make it a speaker's, and so a person's or an organization's.
    private static let attributionWords: FoldedWordSet = [
        "said", "says", "told", "added", "urged", "warned", "called", "asked", "explained", "noted", "argued", "stated",
        "who", "whose",
    ]

    /// Words that open an apposition about a person (`X, a former combatant`, `X, his lawyer`).
    private static let appositionOpeners: FoldedWordSet = ["a", "an", "the", "who", "whose", "its", "his", "her"]

    /// Organization nouns that say a name's kind only before it (`the journal Nature`): after a
    /// capitalised word they compound with it as a common noun (`Record label`, `Nature journal`).
    private static let compoundingNouns: FoldedWordSet = ["brand", "journal", "label", "magazine", "outlet", "studio", "tabloid"]

    /// Occupations written before `at` and the employer's name (`strategist at Brask Tabor`).
    private static let occupations: FoldedWordSet = [
        "analyst", "strategist", "economist", "manager", "director", "professor", "researcher", "scientist", "engineer",
        "executive", "partner", "editor", "reporter", "correspondent", "lecturer", "lawyer", "attorney", "officer", "chairman",
        "spokesperson", "spokesman", "spokeswoman", "fellow", "trader", "investor", "consultant", "adviser", "advisor",
    ]

    /// The lower-case word at `index`, folded, if there is one.
    private func lowerWord(_ index: Int) -> String? {
        self.words.indices.contains(index) && !self.words[index].isCapitalized ? self.words[index].folded : nil
    }

    /// Whether `text` opens with a comma, as `hasPrefix(",")` answers: a comma byte before an
    /// ASCII byte (or none) is a character of its own, and no other byte opens one.
    private static func opensWithComma(_ text: Substring) -> Bool {
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: ","), let next = bytes.dropFirst().first, next >= 0x80 else { return bytes.first == UInt8(ascii: ",") }
        return text.hasPrefix(",")
    }

    /// The text between word `index` and the next word.
    private func gap(after index: Int) -> Substring {
        let end = index + 1 < self.words.count ? self.words[index + 1].range.lowerBound : self.text.endIndex
        return self.text[self.words[index].range.upperBound..<end]
    }

    /// Whether the text between word `index` and the next word is one space, as
    /// `gap(after: index) == " "` answers: a space is one byte, and no other text is equal to
    /// one, so the bytes answer without a substring made and compared.
    private func isSpace(after index: Int) -> Bool {
        let utf8 = self.text.utf8
        let start = self.words[index].range.upperBound
        let end = index + 1 < self.words.count ? self.words[index + 1].range.lowerBound : self.text.endIndex
        return start < end && utf8[start] == UInt8(ascii: " ") && utf8.index(after: start) == end
    }

    /// Articles, which open an apposition (`Linha Norte, the state-owned operator,`).
    private static let articles: FoldedWordSet = ["the", "a", "an"]

    /// What the lower-case nouns beside a name say it is: an organization (`operator De Lijn`,
    /// `Linha Norte, the state-owned operator,`, `the city parliament, the Bürgerschaft,`) or a
    /// place (`Antioquia department`, `the centre of Ghent`).
    func kindByNeighbours(_ slice: ArraySlice<TextWord>) -> Entity.Kind? {
        let (first, last) = (slice.startIndex, slice.endIndex - 1)
        let organizations = self.lexicon.organizationNouns
        if let before = self.lowerWord(first - 1), organizations.contains(before), self.isSpace(after: first - 1) { return .organization }
        if let after = self.lowerWord(last + 1), self.isSpace(after: last) {
            if self.lexicon.placeNouns.contains(after) { return .location }
            if organizations.contains(after), !Self.compoundingNouns.contains(after) { return .organization }
        }
        // "Linha Norte, the state-owned operator,": the apposition's last word before its comma.
        if let article = self.lowerWord(last + 1), Self.articles.contains(article), Self.opensWithComma(self.gap(after: last)) {
            var index = last + 2
            while let noun = self.lowerWord(index), index < last + 6 {
                if !self.isSpace(after: index) { return organizations.contains(noun) ? .organization : nil }
                index += 1
            }
        }
        // "the city parliament, the Bürgerschaft,": the apposition comes first.
        if self.lowerWord(first - 1) == "the", first >= 2, Self.opensWithComma(self.gap(after: first - 2)),
            let noun = self.lowerWord(first - 2), organizations.contains(noun)
        {
            return .organization
        }
        if self.lowerWord(first - 1) == "of", let noun = self.lowerWord(first - 2), self.lexicon.placeNouns.contains(noun) { return .location }
        if self.namesEmployerOfOffice(slice) { return .organization }
        // "equity strategist at Brask Tabor": where someone works.
        if self.lowerWord(first - 1) == "at", let noun = self.lowerWord(first - 2), Self.occupations.contains(noun),
            self.isSpace(after: first - 1)
        {
            return .organization
        }
        return nil
    }

    /// Whether a name stands before a lower-case office and its holder's capitalised name
    /// (`Redwood Rangers quarterback Ana Lima`, `Voltara spokesperson Ana Lima`): the office
    /// is the name's, so the name is an employer's. A person's name does not stand there: not a
    /// known surname alone (`Voss adviser`), nor a name opening with a known given name.
    private func namesEmployerOfOffice(_ slice: ArraySlice<TextWord>) -> Bool {
        let (first, last) = (slice.startIndex, slice.endIndex - 1)
        // The office and its holder are read first: most names have neither, and the name's
        // own words are then never looked up.
        guard NameText.possessiveSuffix(self.words[last].text) == nil, let office = self.lowerWord(last + 1), self.isSpace(after: last)
        else { return false }
        let longOffice = self.lowerWord(last + 2).map { office + " " + $0 }
        let holder: Int
        if let longOffice, self.lexicon.titles.contains(longOffice), self.isSpace(after: last + 1) {
            holder = last + 3
        } else if self.lexicon.titles.contains(office) {
            holder = last + 2
        } else {
            return false
        }
        guard holder < self.words.count, self.words[holder].isCapitalized, self.isSpace(after: holder - 1) else { return false }
        let opening = NameText.withoutPossessive(self.words[first].folded)
        return (slice.count == 1 ? !self.lexicon.surnames.contains(opening) : !self.lexicon.givenNames.contains(opening))
            && !self.isFunctionWordOrDemonym(opening)  // "Chinese leader Ana Lima", "Like Voltara head Ana Lima"
    }

    /// The sign, if any, that a name of two words or more is a person's: an attribution verb
    /// right after or before it (`X said`, `said X`, `X, who`), or an apposition describing
    /// someone (`X, chief executive of …`).
    func personSignal(_ slice: ArraySlice<TextWord>) -> ClassificationRule? {
        guard slice.count >= 2, slice.allSatisfy({ !$0.isAllCaps || $0.text.count > 3 }) else { return nil }
        let (first, last) = (slice.startIndex, slice.endIndex - 1)
        if last + 1 < self.words.count, Self.attributionWords.contains(self.words[last + 1].folded) { return .attribution }
        if last + 1 < self.words.count, Self.opensWithComma(self.text[slice.last!.range.upperBound...]) {
            let next = self.words[last + 1].folded
            let nextTwo = last + 2 < self.words.count ? next + " " + self.words[last + 2].folded : next
            if Self.appositionOpeners.contains(next) || self.lexicon.titles.contains(next) || self.lexicon.titles.contains(nextTwo) {
                return .apposition
            }
        }
        if first > 0, Self.attributionWords.contains(self.words[first - 1].folded) { return .attribution }
        return nil
    }

    /// Nouns a company has, written after its name or its possessive (`Voltara's CEO`,
    /// `Voltara shares`, `Voltara users`).
    private static let companyNouns: FoldedWordSet = [
        "ceo", "ceos", "shares", "stock", "stocks", "shareholders", "investors", "app", "apps", "platform", "users", "customers",
        "employees", "staff", "workers", "founder", "co-founder", "cofounder", "headquarters", "subsidiary", "earnings",
        "revenue", "revenues", "profit", "profits", "spokesperson", "spokesman", "spokeswoman", "products", "brand", "executives",
        "analyst", "analysts", "chairman", "board", "website", "stores", "devices", "software", "services", "subscribers",
        "servers", "cloud", "algorithm", "algorithms", "smartphone", "smartphones", "engineers", "developers", "valuation",
        "loans", "accounts", "wallets", "platforms",
    ]

    /// Words before a name that make it a company's (`shares of Voltara`, `a stake in Voltara`).
    private static let companyOpeners: FoldedWordSet = [
        "shares of", "shares in", "stake in", "acquisition of", "investment in", "rival", "owned by", "acquired by", "bought by",
        "subsidiary of", "division of",
    ]

    /// Verbs in the plural, which a one-word name takes as its subject only when it names a
    /// team or a company as a body of people (`Redwood have signed`, `Voltara are hiring`).
    private static let pluralVerbs: FoldedWordSet = ["have", "are", "were"]

    /// Words before a name that leave a plural verb after it no sign of a body of people: an
    /// auxiliary or a verb taking a bare infinitive (`did Ana have`, `let Ana have`), a
    /// conjunction making the subject plural (`Ana and Ben have`), or a preposition making the
    /// name no subject (`the people of Tarnwick are`).
    private static let bareInfinitiveOpeners: FoldedWordSet = [
        "do", "does", "did", "will", "would", "could", "should", "might", "may", "must", "can", "to", "let", "lets", "help", "helps",
        "make", "makes", "made", "and", "or", "nor", "&", "of", "in", "for", "from", "at", "with", "by", "on", "about", "than", "like",
        "across", "near", "into", "between", "among",
    ]

    /// What companies do, written right after a company's name (`Voltara launched`).
    private static let companyVerbs: FoldedWordSet = [
        "launched", "launches", "unveiled", "unveils", "acquired", "acquires", "sells", "employs", "manufactures", "shipped",
        "ships", "offers", "offered", "invested", "announced", "announces", "reported", "hired", "bought", "buys",
    ]

    /// How many lower-case words a possessive's noun phrase is read through for a company's
    /// noun (`Voltara's forthcoming consumer checking accounts`).
    private static let possessedPhraseReach = 4

    /// Whether the noun phrase after a possessive at `position` ends in one of `companyNouns`
    /// within `possessedPhraseReach` lower-case words (`Voltara's small business loans`).
    private func ownsCompanyNoun(after position: Int) -> Bool {
        var index = position + 1
        while index <= position + Self.possessedPhraseReach, let word = self.lowerWord(index) {
            if Self.companyNouns.contains(word) { return true }
            guard self.isSpace(after: index) else { return false }
            index += 1
        }
        return false
    }

    /// What beside a one-word name says it is a company's: an attribute (one of `companyNouns`
    /// after it or its possessive, a phrase of `companyOpeners` before it), a plural verb after
    /// it as a body of people takes (`isCollective`), or one of
    /// `companyVerbs` after it, which a person's surname may have too. A bare possessive says
    /// nothing: places and moons have them too (`Indiana's biggest`).
    enum CompanyEvidence {
        /// `Voltara's CEO`, `shares of Voltara`.
        case attribute
        /// `Voltara launched`.
        case verb
        /// `Voltara have signed`: a plural verb, which no person's name takes, a given name's
        /// included (`isCollective`).
        case collective
        /// `Voltara is rolling out`: the singular subject of a clause, which a common noun
        /// opening a sentence can be too (`Floodwater has washed away`).
        case subject
    }

    /// Verbs that open a singular subject's predicate (`Voltara is rolling out`, `Voltara has bought`).
    private static let singularVerbs: FoldedWordSet = ["is", "has", "was"]

    /// Verbs that open a predicate of any number (`Voltara will display`): a plural could be its
    /// subject (`Workers will`), so only an `its` after them says a company.
    private static let auxiliaryVerbs: FoldedWordSet = ["will", "would", "could", "can", "had"]

    /// Pronouns that refer back to a person, which a company's sentence does not use for it.
    private static let personalPronouns: FoldedWordSet = ["he", "she", "his", "her", "him", "they", "their", "who"]

    /// How many words after a subject's verb are read for the `its` that refers back to it.
    private static let predicateReach = 10

    /// The evidence, if any, that a one-word name is a company's (`CompanyEvidence`). With
    /// `readsSubject`, a name that opens a clause as its singular subject is one too: weakly
    /// (`Voltara is rolling out`, as a surname could be), or as an attribute when the clause
    /// refers back to it as a thing (`Voltara will display its first …`); places read so too
    /// (`Oslo has its own`), so they are not asked.
    func companyEvidence(_ slice: ArraySlice<TextWord>, readsSubject: Bool = false) -> CompanyEvidence? {
        // "Voltara Grid shares": a company's noun follows a name of a few words too, unless the
        // name ends in an adjective (`New York-listed shares`).
        if slice.count <= 3, let next = self.lowerWord(slice.endIndex), Self.companyNouns.contains(next),
            self.isSpace(after: slice.endIndex - 1), slice.last!.text.split(separator: "-").last?.first?.isUppercase == true
        {
            return .attribute
        }
        guard slice.count == 1 else { return nil }
        let position = slice.startIndex
        if let next = self.lowerWord(position + 1), self.isSpace(after: position) {
            let isPossessive = NameText.possessiveSuffix(slice.first!.text) != nil
            if Self.companyVerbs.contains(next), !isPossessive { return .verb }
            // "Voltara has bought": the perfect of a company's verb.
            if ["has", "had"].contains(next), !isPossessive, self.isSpace(after: position + 1),
                self.lowerWord(position + 2).map(Self.companyVerbs.contains) == true
            {
                return .verb
            }
            if isPossessive, self.ownsCompanyNoun(after: position) { return .attribute }
            if Self.pluralVerbs.contains(next), !isPossessive, self.isCollective(slice.first!, at: position) { return .collective }
            if readsSubject, !isPossessive, Self.singularVerbs.contains(next) { return self.subjectEvidence(after: position + 1) }
            if readsSubject, !isPossessive, Self.auxiliaryVerbs.contains(next), self.subjectEvidence(after: position + 1) == .attribute {
                return .attribute
            }
        }
        guard position >= 1 else { return nil }
        let before = self.words[position - 1].folded
        if Self.companyOpeners.contains(before) { return .attribute }
        if position >= 2, ["of", "in", "by"].contains(before), Self.companyOpeners.contains(self.words[position - 2].folded + " " + before) {
            return .attribute
        }
        return nil
    }

    /// Pronouns, question words and adverbs that open a sentence with a capital and then a
    /// verb or a name (`You have`, `Why are`, `Like Voltara head Ana Lima`), folded.
    private static let functionWords: FoldedWordSet = [
        "i", "you", "we", "they", "he", "she", "it", "so", "why", "how", "what", "who", "where", "when", "here", "there", "now", "then",
        "like", "all", "both", "some", "many", "most", "few", "others", "these", "those", "also", "yes", "no",
    ]

    /// Whether a folded word is a function word (`functionWords`, the stopwords) or a demonym
    /// (`Chinese`), which name no body of people by themselves.
    private func isFunctionWordOrDemonym(_ folded: String) -> Bool {
        Self.functionWords.contains(folded) || self.lexicon.stopwords.contains(folded) || self.lexicon.demonyms[folded] != nil
    }

    /// Whether a one-word name before a plural verb names a body of people (`Redwood have
    /// signed`): it is no plural itself (`Hendersons have`), no contraction, function word or
    /// demonym (`They’ll have`, `Why are`), and nothing before it makes the verb a bare
    /// infinitive or the subject plural (`pluralVerbs`, `bareInfinitiveOpeners`).
    private func isCollective(_ word: TextWord, at position: Int) -> Bool {
        guard !word.folded.hasSuffix("s"), !word.folded.contains("'"), !self.isFunctionWordOrDemonym(word.folded) else { return false }
        return position == 0 || !Self.bareInfinitiveOpeners.contains(self.words[position - 1].folded)
    }

    /// What the clause after a subject's verb at `start` says of the subject: an attribute when
    /// it refers back to it as a thing (`its`), nothing when as a person (`he`, `her`), a
    /// subject's evidence otherwise; read within `predicateReach` words, up to the sentence's end.
    private func subjectEvidence(after start: Int) -> CompanyEvidence? {
        var index = start
        while index < min(self.words.count - 1, start + Self.predicateReach) {
            if self.gap(after: index).contains(where: { ".!?;".contains($0) }) { break }
            index += 1
            let word = self.words[index].folded
            if word == "its" { return .attribute }
            if Self.personalPronouns.contains(word) { return nil }
        }
        return .subject
    }

    /// Nouns for a leader's time in office, written after the leader's name (`the Voss administration`).
    private static let tenureNouns: FoldedWordSet = ["administration", "presidency"]

    /// Whether a one-word name is a leader's, written before a noun for a time in office (`the
    /// Voss administration`).
    func namesLeader(_ slice: ArraySlice<TextWord>) -> Bool {
        slice.count == 1 && self.lowerWord(slice.endIndex).map(Self.tenureNouns.contains) == true && self.isSpace(after: slice.startIndex)
    }

    /// Whether a one-word name is followed by an attribution verb (`Voltara said`).
    func isFollowedByAttribution(_ slice: ArraySlice<TextWord>) -> Bool {
        let next = slice.endIndex
        return next < self.words.count && Self.attributionWords.contains(self.words[next].folded) && self.words[next].folded != "who"
    }

    /// Whether the word at `position` comes right after a preposition of place.
    func followsPlacePreposition(_ position: Int) -> Bool {
        position > 0 && Self.placePrepositions.contains(self.words[position - 1].folded)
    }

    /// Whether the word at `position` follows a lower-case title (`leader Kim Jong-un`).
    func followsLowerCaseTitle(_ position: Int) -> Bool {
        position > 0 && self.lexicon.titles.contains(self.words[position - 1].folded) && self.isSpace(after: position - 1)
    }

    /// Whether the word at `position` completes a lower-case title after `to` or `of`
    /// (`ambassador to Britain`, `governor of Texas`).
    func followsLowerCaseTitleComplement(_ position: Int) -> Bool {
        position > 1 && ["to", "of"].contains(self.words[position - 1].text) && self.followsLowerCaseTitle(position - 1)
    }

    /// Whether a word opens a sentence: nothing but a sentence end, an opening quote or a
    /// bracket before it.
    func startsSentence(_ word: TextWord) -> Bool {
        // Most often the character before is an ASCII one after another ASCII byte: then it is a
        // character of its own, read from the bytes without stepping characters backwards.
        let bytes = self.text.utf8[..<word.range.lowerBound]
        guard let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return true }
        if bytes[last] < 0x80, last == bytes.startIndex || bytes[bytes.index(before: last)] < 0x80 {
            return ".!?:\"(".utf8.contains(bytes[last])
        }
        let before = self.text[..<word.range.lowerBound].reversed().drop { $0 == " " }
        guard let previous = before.first else { return true }
        return ".!?:\u{201C}\"\u{2018}(".contains(previous)
    }

    /// Whether the name at `name`, written `separator` after a place, is an item of a list of
    /// places: the last (`and Cornwall`) or one followed by more (`, Powys, …`).
    /// `the DPRK, Tomás Ojea Quintana, has warned` is no list.
    func continuesList(_ name: Range<String.Index>, after separator: Substring) -> Bool {
        // Compared on bytes: no other spelling is canonically equal to these, and comparing
        // `Character`s cost more than the rest of list typing.
        let bytes = separator.utf8
        let isComma = bytes.elementsEqual(", ".utf8)
        guard isComma || bytes.elementsEqual(" and ".utf8) || bytes.elementsEqual(", and ".utf8) else { return false }
        if !isComma { return true }
        let rest = self.text[name.upperBound...]
        // Bytes that are all ASCII (no CR) are a character each: the answer is read off them,
        // in the text's own buffer (stepping the view's slices cost more than the rule).
        if case let answer?? = rest.utf8.withContiguousStorageIfAvailable({ Self.capitalAfterSeparator(in: UnsafeBufferPointer(rebasing: $0.prefix(7))) }) {
            return answer
        }
        let next = rest.hasPrefix(", ") ? rest.dropFirst(2) : rest.hasPrefix(" and ") ? rest.dropFirst(5) : ""
        return next.first?.isUppercase == true
    }

    /// Whether the next name after `, ` or ` and ` (or straight away) opens with a capital, read
    /// off the first bytes after a name; `nil` when one is beyond ASCII or a CR, which may join
    /// another into one character.
    private static func capitalAfterSeparator(in head: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard head.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        let after = head.starts(with: ", ".utf8) ? 2 : head.starts(with: " and ".utf8) ? 5 : head.count
        return head.dropFirst(after).first.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ?? false
    }

    /// The acronym in brackets right after `index` (`… Council (UNHRC)`), if there is one.
    func parenthesisedAcronym(after index: String.Index) -> String? {
        let rest = self.text[index...].prefix(24).drop { $0 == " " }
        guard rest.first == "(", let close = rest.firstIndex(of: ")") else { return nil }
        let inside = rest[rest.index(after: rest.startIndex)..<close]
        let letters = inside.filter(\.isLetter)
        return letters.count >= 2 && letters.count == inside.count && letters.allSatisfy(\.isUppercase) ? String(inside) : nil
    }
}
