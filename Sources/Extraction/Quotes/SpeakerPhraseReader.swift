/// Reads the words that name a speaker out of the subject or object of an attribution.
///
/// Given the words before an attribution verb (`Jane Doe, a professor at the university,`)
/// or after it (`chief executive Jane Doe`), it picks the phrase that stands for the speaker
/// and says whether it is a name, a pronoun or a description. Appositions are looked through
/// (`Doe, Acme's chairman, said` names Doe), relative clauses are skipped, and titles before a
/// name are dropped.
///
/// ```swift
/// let reader = SpeakerPhraseReader(vocabulary: .standard)
/// reader.subject(of: words, in: paragraph)?.text   // "Jane Doe"
/// ```
struct SpeakerPhraseReader: Sendable {
    let vocabulary: AttributionVocabulary

    /// Pronouns that stand for a speaker: people, and organizations speaking as one.
    private static let pronouns: FoldedWordSet = ["he", "she", "it", "they"]
    /// Words that open a definite description.
    private static let definite: FoldedWordSet = ["the", "this", "that", "his", "her", "its", "their", "our"]
    /// Words that open an indefinite description.
    private static let indefinite: FoldedWordSet = ["a", "an", "one", "another"]
    /// Words that make a description several people rather than one voice.
    private static let quantifiers: FoldedWordSet = ["some", "several", "many", "few", "two", "three", "four", "most", "all", "both", "other"]
    /// Words that open a clause about the subject rather than the subject itself.
    private static let clauseOpeners: FoldedWordSet = ["who", "whom", "whose", "which", "where", "when", "while", "although", "though", "because", "if"]
    /// Words between a subject and its verb that are not part of the subject (`she later said`,
    /// `the ministry flatly denied`): auxiliaries, and adverbs of time and of manner.
    private static let adverbs: FoldedWordSet = [
        "also", "later", "then", "again", "once", "previously", "recently", "earlier", "further", "simply", "only", "even", "still",
        "had", "has", "have", "would", "will", "was", "quickly", "just", "often", "reportedly", "separately", "flatly", "flat-out",
        "outright", "categorically", "firmly", "strongly", "repeatedly", "immediately", "initially", "subsequently", "publicly",
        "privately", "openly", "formally", "officially", "vehemently", "angrily", "quietly",
    ]
    /// Verbs that make the one named after them the subject of an infinitive (`allowed Doe to say`).
    private static let causingVerbs: FoldedWordSet = [
        "allowed", "allows", "asked", "led", "leads", "prompted", "prompts", "forced", "urged", "invited", "encouraged", "pushed", "caused",
    ]
    /// Words that join a speaker phrase to a sentence or list before it (`and she`, `but Doe`).
    private static let joiners: FoldedWordSet = ["and", "but", "so", "or", "as", "yet", "then", "now"]
    /// Lower-case words allowed inside a name (`Bank of England`, `Doctors for Peace`, `Luiz da Silva`).
    private static let nameConnectors: FoldedWordSet = ["of", "for", "and", "de", "da", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "bin", "al", "el", "y", "&"]
    /// Words that end the phrase after a verb (`said Doe on Tuesday`, `said a spokesperson when asked`).
    private static let phraseEnders: FoldedWordSet = [
        "when", "in", "on", "at", "during", "after", "before", "while", "as", "who", "which", "that", "to", "from", "last", "this",
        "yesterday", "today", "tonight", "adding", "saying", "referring", "told", "via", "through", "by", "with", "about", "if", "earlier",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "recently", "later", "and", "but", "because",
    ]

    /// The speaker among the words before an attribution verb.
    ///
    /// The words are cut at commas and dashes into pieces; the piece next to the verb is the
    /// subject unless it is an apposition or a relative clause after a name, in which case the
    /// name that opens the run is.
    ///
    /// - Parameters:
    ///   - words: the words from the start of the clause up to the verb, in order.
    ///   - paragraph: the paragraph they are in.
    /// - Returns: the phrase, or `nil` when the words do not read as a subject.
    func subject(of words: ArraySlice<ScannedParagraph.Word>, in paragraph: ScannedParagraph) -> SpeakerPhrase? {
        var trimmed = words
        while let last = trimmed.last, Self.adverbs.contains(last.folded) { trimmed.removeLast() }
        // "allowed Doe to claim that": the one a verb of causing names before an infinitive speech verb speaks.
        if trimmed.last?.folded == "to", let name = self.trailingName(of: trimmed.dropLast()), name.startIndex > trimmed.startIndex,
            Self.causingVerbs.contains(trimmed[name.startIndex - 1].folded) {
            return self.phrase(in: name, paragraph: paragraph)
        }
        let pieces = self.pieces(of: trimmed, in: paragraph).filter { piece in
            guard let first = piece.first else { return false }
            return !Self.clauseOpeners.contains(first.folded)
        }
        guard let nearest = pieces.last else { return nil }
        // "Jane Doe, chief executive of Acme, said": the piece by the verb is an apposition to
        // the name that opens the clause, after any lower-case role words ("lead author Jane
        // Doe"); so is every piece after an apposition that follows the name ("Jane Doe, a
        // scientist at Acme in Lund, Sweden, said").
        if pieces.count >= 2, self.isApposition(nearest) || self.isApposition(pieces[1]),
            let opening = self.wholeName(pieces[0].drop { !$0.isCapitalized }, in: paragraph) {
            return opening
        }
        // "The group, Acme Workers, formed in May and wrote …": the name in apposition to the
        // description that opens the clause.
        if pieces.count >= 3, self.isApposition(nearest), let opener = pieces[0].first, Self.definite.contains(opener.folded),
            let named = self.wholeName(pieces[1], in: paragraph) {
            return named
        }
        return self.phrase(in: nearest, paragraph: paragraph)
    }

    /// Whether a piece describes the one named before it rather than naming someone: it opens
    /// with a lower-case word, a determiner or a possessive (`chief executive of Acme`,
    /// `a professor at the university`, `Acme's head of sales`).
    private func isApposition(_ piece: ArraySlice<ScannedParagraph.Word>) -> Bool {
        guard let first = piece.first else { return false }
        return !first.isCapitalized || Self.definite.contains(first.folded) || Self.indefinite.contains(first.folded)
            || first.folded.hasSuffix("'s") || self.vocabulary.isTitleOrHonorific(first.folded)
    }

    /// The words as a name, when they are one and nothing else (`Jane Doe`, not `On Tuesday`).
    func wholeName(_ piece: ArraySlice<ScannedParagraph.Word>, in paragraph: ScannedParagraph) -> SpeakerPhrase? {
        let words = piece.drop { Self.joiners.contains($0.folded) }
        guard let name = self.trailingName(of: words), name.startIndex == words.startIndex, !self.isTitleOnly(name) else { return nil }
        return self.phrase(in: words, paragraph: paragraph)
    }

    /// The speaker among the words after an attribution verb (`said chief executive Jane Doe`,
    /// `according to a spokesperson`, `said the minister, Jane Doe`).
    ///
    /// - Parameters:
    ///   - words: the words after the verb to the end of the clause, in order.
    ///   - paragraph: the paragraph they are in.
    /// - Returns: the phrase, or `nil` when the words do not read as a speaker.
    func object(of words: ArraySlice<ScannedParagraph.Word>, in paragraph: ScannedParagraph) -> SpeakerPhrase? {
        let pieces = self.pieces(of: words, in: paragraph)
        guard let first = pieces.first else { return nil }
        let head = first.prefix { !Self.phraseEnders.contains($0.folded) || $0.isCapitalized }
        guard let phrase = self.phrase(in: head, paragraph: paragraph) else { return nil }
        // "said a report from Acme Research", "a survey by Jane Doe of the university": the
        // issuer speaks through the document.
        if let noun = head.last, self.vocabulary.isDocumentNoun(noun.folded), head.endIndex + 1 < first.endIndex,
            ["from", "by", "of"].contains(first[head.endIndex].folded),
            let issuer = self.leadingName(of: first[(head.endIndex + 1)...]).flatMap({ self.wholeName($0, in: paragraph) }) {
            return issuer
        }
        // "said the company's chief executive, Jane Doe": the name in apposition is the speaker.
        if phrase.form != .name, head.count == first.count, pieces.count >= 2,
            let apposition = self.phrase(in: pieces[1], paragraph: paragraph), apposition.form == .name {
            return apposition
        }
        return phrase
    }

    /// The words cut at commas, dashes, brackets and colons.
    private func pieces(of words: ArraySlice<ScannedParagraph.Word>, in paragraph: ScannedParagraph) -> [ArraySlice<ScannedParagraph.Word>] {
        var pieces: [ArraySlice<ScannedParagraph.Word>] = []
        var start = words.startIndex
        for index in words.indices.dropLast() {
            let gap = paragraph.scalars(from: words[index].end, to: words[index + 1].start)
            if gap.contains(where: { ",;:()\u{2014}\u{2013}".unicodeScalars.contains($0) }) || gap.contains("-") && gap.count > 1 {
                pieces.append(words[start...index])
                start = index + 1
            }
        }
        if start < words.endIndex { pieces.append(words[start...]) }
        return pieces
    }

    /// The phrase one piece of a clause makes, if it names or describes someone.
    private func phrase(in piece: ArraySlice<ScannedParagraph.Word>, paragraph: ScannedParagraph) -> SpeakerPhrase? {
        var words = piece
        while let first = words.first, Self.joiners.contains(first.folded) { words.removeFirst() }
        guard let last = words.last, words.count <= 8 else { return nil }
        if Self.pronouns.contains(last.folded), words.count == 1 {
            return self.phrase(words, .pronoun, paragraph)
        }
        if let name = self.trailingName(of: words) {
            if self.isTitleOnly(name) {
                return self.description(words, head: Self.head(of: words), paragraph: paragraph)
            }
            let named = name.drop { self.vocabulary.isTitleOrHonorific($0.folded) || $0.text.count == 1 }
            return named.isEmpty ? nil : self.phrase(named, .name, paragraph)
        }
        return self.description(words, head: Self.head(of: words), paragraph: paragraph)
    }

    /// The run of capitalised words that ends `words`, connectors inside it allowed; `nil`
    /// when the last word is not capitalised or the run is only a sentence's function words.
    private func trailingName(of words: ArraySlice<ScannedParagraph.Word>) -> ArraySlice<ScannedParagraph.Word>? {
        guard let last = words.last, last.isCapitalized else { return nil }
        var start = words.endIndex - 1
        while start > words.startIndex {
            let previous = words[start - 1]
            if previous.isCapitalized {
                start -= 1
            } else if Self.nameConnectors.contains(previous.folded), start - 1 > words.startIndex, words[start - 2].isCapitalized {
                start -= 2
            } else {
                break
            }
        }
        let run = words[start...].drop { self.vocabulary.isFunctionWord($0.folded) }
        return run.isEmpty ? nil : run
    }

    /// The run of capitalised words that opens `words`, connectors inside it allowed
    /// (`Jane Doe of the university` → `Jane Doe`); `nil` when the first word is lower-case.
    private func leadingName(of words: ArraySlice<ScannedParagraph.Word>) -> ArraySlice<ScannedParagraph.Word>? {
        var end = words.startIndex
        while end < words.endIndex {
            if words[end].isCapitalized {
                end += 1
            } else if Self.nameConnectors.contains(words[end].folded), end + 1 < words.endIndex, words[end + 1].isCapitalized {
                end += 2
            } else {
                break
            }
        }
        return end > words.startIndex ? words[..<end] : nil
    }

    /// Whether a capitalised run is only a title (`UN Special Rapporteur`, `Minister`).
    private func isTitleOnly(_ run: ArraySlice<ScannedParagraph.Word>) -> Bool {
        var index = run.startIndex
        while index < run.endIndex {
            if index + 1 < run.endIndex, self.vocabulary.isTitleOrHonorific(run[index].folded + " " + run[index + 1].folded) {
                index += 2
            } else if self.vocabulary.isTitleOrHonorific(run[index].folded) || run[index].text.allSatisfy(\.isUppercase) {
                index += 1
            } else {
                return false
            }
        }
        return true
    }

    /// Prepositions that open a modifier after a description's noun (`the statement on its website`).
    private static let prepositions: FoldedWordSet = ["of", "on", "from", "for", "at", "in", "with", "by", "to"]

    /// The folded noun a description is about: the word before its first preposition (`the
    /// description on the website` is a description, not a website), or else its last word.
    private static func head(of words: ArraySlice<ScannedParagraph.Word>) -> String {
        let preposition = words.dropFirst().firstIndex { Self.prepositions.contains($0.folded) }
        return words[(preposition ?? words.endIndex) - 1].folded
    }

    /// A description, if the words read as one: a determiner and a noun (`the minister`,
    /// `a WeWork spokesperson`), or a bare plural or group noun (`officers`, `police`).
    private func description(_ words: ArraySlice<ScannedParagraph.Word>, head: String, paragraph: ScannedParagraph) -> SpeakerPhrase? {
        guard let first = words.first, words.count <= 6, !self.vocabulary.isFunctionWord(head) else { return nil }
        let isPossessive = first.folded.hasSuffix("'s") || first.folded.hasSuffix("s'")
        if Self.definite.contains(first.folded) || isPossessive {
            return words.count >= 2 ? self.phrase(words, .definiteDescription(head: head), paragraph) : nil
        }
        if Self.quantifiers.contains(first.folded) {
            // "Several ministers described it as …": many voices, no one speaker.
            return nil
        }
        if Self.indefinite.contains(first.folded) {
            return words.count >= 2 ? self.phrase(words, .indefiniteDescription, paragraph) : nil
        }
        let isGroup = head.hasSuffix("s") || self.vocabulary.isTitleOrHonorific(head) || self.vocabulary.isOrganizationWord(head)
        return words.count <= 3 && isGroup ? self.phrase(words, .indefiniteDescription, paragraph) : nil
    }

    private func phrase(_ words: ArraySlice<ScannedParagraph.Word>, _ form: SpeakerPhrase.Form, _ paragraph: ScannedParagraph) -> SpeakerPhrase? {
        guard let first = words.first, let last = words.last else { return nil }
        return SpeakerPhrase(
            text: paragraph.text(from: first.start, to: last.end), folded: words.map(\.folded).joined(separator: " "), form: form,
            position: TextPosition(paragraph: paragraph.index, offset: first.start))
    }
}
