import DocumentModel

/// Who `he` or `she` refers to: the person last named before it, preferring the subject of
/// a recent sentence and one whose pronouns agree.
///
/// Two kinds of evidence come from the text itself, never from lists of names:
/// - Salience: a person named first in a sentence (its usual subject) is who a pronoun in
///   the same or the next paragraph most often refers to, over someone named later in that
///   sentence (`Doe, Acme's lawyer, told The Herald that …` ¶ `“…,” she said`).
/// - Agreement: a person is taken as `he` or `she` by a courtesy title (`Mr`, `Ms`) or a
///   noun for a man or a woman before the name (`actress Jane Doe`, `Doe's son, Ray Roe`),
///   and by the pronouns outside quotations (`he`, `herself`) that most often follow them as
///   a sentence's subject in the same paragraph.
///
/// Someone the story introduces by a noun for a man or a woman and no name (`one mother`) is
/// a possible antecedent too, kept as that description.
///
/// A possessive name (`Doe's son, Ray Roe, said`) is not its sentence's subject: the next
/// person named in the sentence may be. Nor is a name after `a` (`in a Doe kind of way`), or
/// after `he` or `she` in its sentence.
///
/// ```swift
/// var pronouns = PersonalPronounResolver(people: antecedents, paragraphs: scanned, spans: spans)
/// pronouns.resolve("she", at: position)?.speaker.name
/// ```
struct PersonalPronounResolver: Sendable {
    /// A person's grammatical gender, as the text's pronouns show it.
    enum Gender: Sendable, Hashable {
        case masculine, feminine
    }

    /// How many paragraphs back a sentence's subject stays the preferred antecedent.
    static let subjectReach = 1

    private static let masculineTitles: FoldedWordSet = ["mr", "sir", "lord", "king", "prince"]
    /// Pronouns that show a masculine antecedent when a sentence's subject is: the subject and
    /// reflexive ones (`him` and `his` as often stand for someone else).
    private static let masculinePronouns: FoldedWordSet = ["he", "himself"]
    /// Pronouns that show a feminine antecedent when a sentence's subject is.
    private static let femininePronouns: FoldedWordSet = ["she", "herself"]
    private static let feminineTitles: FoldedWordSet = ["mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess"]
    /// Nouns for a man that stand before his name (`actor John Doe`, `Doe's son, John Doe`).
    private static let masculineNouns: FoldedWordSet = [
        "actor", "businessman", "chairman", "spokesman", "congressman", "councilman", "son", "brother", "father", "husband",
        "boyfriend", "uncle", "nephew", "grandson", "grandfather", "stepfather", "stepson", "widower", "fiance",
    ]
    /// Nouns for a woman that stand before her name (`actress Jane Doe`, `his wife, Jane Doe`).
    private static let feminineNouns: FoldedWordSet = [
        "actress", "businesswoman", "chairwoman", "spokeswoman", "congresswoman", "councilwoman", "daughter", "sister", "mother",
        "wife", "girlfriend", "aunt", "niece", "granddaughter", "grandmother", "stepmother", "stepdaughter", "widow", "fiancee",
    ]
    /// Words that tie a noun to a name after them as its complement (`the mother of Jane Doe`),
    /// or make the name the object of a verb (`his father told Jane Doe`), so the noun says
    /// nothing of the name's gender.
    private static let complementWords: FoldedWordSet = [
        "of", "for", "to", "with", "by", "from", "and", "or", "at", "in", "on", "told", "asked", "called", "met", "thanked", "visited",
        "hired", "married", "joined", "said", "says", "tells", "asks", "calls", "meets", "sued", "accused", "blamed", "praised",
    ]

    private var masculineSubjects: AntecedentIndex
    private var feminineSubjects: AntecedentIndex
    private var masculineAny: AntecedentIndex
    private var feminineAny: AntecedentIndex
    /// Sentence subjects `they` may stand for: people the text never calls `he` or `she`.
    private var neutralSubjects: AntecedentIndex
    /// Men introduced by a noun and no name (`one father`).
    private var masculineUnnamed: AntecedentIndex
    /// Women introduced by a noun and no name (`one mother`).
    private var feminineUnnamed: AntecedentIndex

    /// Position comparisons made finding the subjects pronouns carry on.
    private let carryingWork: Int

    /// Work done so far, in position comparisons.
    var comparisons: Int {
        self.carryingWork + self.masculineSubjects.comparisons + self.feminineSubjects.comparisons + self.masculineAny.comparisons + self.feminineAny.comparisons
            + self.neutralSubjects.comparisons + self.masculineUnnamed.comparisons + self.feminineUnnamed.comparisons
    }

    /// A resolver over the people a document names.
    ///
    /// - Parameters:
    ///   - people: every mention of a person outside quotations, in any order.
    ///   - organizations: every mention of an organization outside quotations, in any order.
    ///   - paragraphs: the paragraphs searched for quotations.
    ///   - spans: the quotations in reading order; pronouns inside them are no evidence.
    /// - Complexity: O(*m* log *m* + *n*) for *m* mentions and *n* words.
    init(people: [AntecedentIndex.Antecedent], organizations: [AntecedentIndex.Antecedent], paragraphs: [ScannedParagraph], spans: [QuotationSpan]) {
        let sorted = people.sorted { $0.position < $1.position }
        let byIndex = Dictionary(paragraphs.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        let subjects = Self.subjects(of: sorted, byIndex: byIndex)
        let genders = Self.genders(of: sorted, subjects: subjects, paragraphs: paragraphs, byIndex: byIndex, spans: spans)
        func agreeing(_ gender: Gender, _ list: [AntecedentIndex.Antecedent]) -> AntecedentIndex {
            AntecedentIndex(list.filter { genders[Self.key(of: $0.speaker)].map { $0 == gender } ?? true })
        }
        let masculine = Self.carriedOn(subjects.filter { genders[Self.key(of: $0.speaker)] != .feminine }, by: "he", paragraphs: paragraphs, spans: spans)
        let feminine = Self.carriedOn(subjects.filter { genders[Self.key(of: $0.speaker)] != .masculine }, by: "she", paragraphs: paragraphs, spans: spans)
        self.carryingWork = masculine.comparisons + feminine.comparisons
        self.masculineSubjects = AntecedentIndex(masculine.subjects)
        self.feminineSubjects = AntecedentIndex(feminine.subjects)
        // Someone introduced by a noun alone (`one mother`) is who a pronoun of that gender may mean.
        let unnamed = Self.unnamedPeople(in: paragraphs, spans: spans)
        let masculineUnnamed = unnamed.filter { $0.gender == .masculine }.map(\.antecedent)
        let feminineUnnamed = unnamed.filter { $0.gender == .feminine }.map(\.antecedent)
        self.masculineAny = agreeing(.masculine, sorted + masculineUnnamed)
        self.feminineAny = agreeing(.feminine, sorted + feminineUnnamed)
        self.masculineUnnamed = AntecedentIndex(masculineUnnamed)
        self.feminineUnnamed = AntecedentIndex(feminineUnnamed)
        // Organizations take part in finding each sentence's subject (`Acme hired Doe`: Doe is
        // no subject), and are left to `it` and `they` by recency.
        let organizationKeys = Set(organizations.map { Self.key(of: $0.speaker) })
        let named = (people + organizations).sorted { $0.position < $1.position }
        self.neutralSubjects = AntecedentIndex(Self.subjects(of: named, byIndex: byIndex).filter { subject in
            let key = Self.key(of: subject.speaker)
            return !organizationKeys.contains(key) && genders[key] == nil
        })
    }

    /// Who `they` at `position` stands for when it is one person: the subject of a sentence in
    /// the same paragraph or the one before (`Doe, a spokesperson for Acme, confirmed to the
    /// paper that … “…,” they said`), unless the text calls that person `he` or `she`.
    mutating func resolveThey(at position: TextPosition) -> AntecedentIndex.Antecedent? {
        guard let subject = self.neutralSubjects.last(before: position), position.paragraph - subject.position.paragraph <= Self.subjectReach else {
            return nil
        }
        return subject
    }

    /// The person a folded `pronoun` (`he` or `she`) at `position` refers to, if any.
    mutating func resolve(_ pronoun: String, at position: TextPosition) -> AntecedentIndex.Antecedent? {
        let isFeminine = pronoun == "she"
        let subject = isFeminine ? self.feminineSubjects.last(before: position) : self.masculineSubjects.last(before: position)
        if let subject, position.paragraph - subject.position.paragraph <= Self.subjectReach {
            // Someone introduced without a name after that subject is the nearer candidate.
            let unnamed = isFeminine ? self.feminineUnnamed.last(before: position) : self.masculineUnnamed.last(before: position)
            if let unnamed, subject.position < unnamed.position { return unnamed }
            return subject
        }
        return isFeminine ? self.feminineAny.last(before: position) : self.masculineAny.last(before: position)
    }

    private static func key(of speaker: Quote.Speaker) -> String { speaker.id ?? speaker.name }

    /// The mentions that are the first person named in their sentence.
    ///
    /// - Complexity: O(*m* log *w* + *n*): each sentence break is looked for once, between
    ///   one mention and the next, or back from the first mention of a sentence to its start.
    private static func subjects(of sorted: [AntecedentIndex.Antecedent], byIndex: [Int: ScannedParagraph]) -> [AntecedentIndex.Antecedent] {
        var subjects: [AntecedentIndex.Antecedent] = []
        var previous: (paragraph: Int, word: Int)?
        for antecedent in sorted {
            guard let paragraph = byIndex[antecedent.position.paragraph] else { continue }
            let word = paragraph.firstWord(atOrAfter: antecedent.position.offset)
            // "Doe's son, Ray Roe, said", "in a Doe kind of way": a name that qualifies a noun is not the subject.
            if Self.isPossessive(nameAt: word, in: paragraph) || word > 0 && Self.indefiniteArticles.contains(paragraph.words[word - 1].folded) { continue }
            let sharesSentence = previous.map { $0.paragraph == paragraph.index && !paragraph.hasSentenceBreak(from: $0.word, to: word) } ?? false
            let floor = previous.map { $0.paragraph == paragraph.index ? $0.word : 0 } ?? 0
            if !sharesSentence, !Self.followsSubjectPronoun(word, in: paragraph, notBefore: floor) { subjects.append(antecedent) }
            previous = (paragraph.index, word)
        }
        return subjects
    }

    /// Whether a `he` or `she` comes before word `index` in its sentence, from word `floor` on:
    /// that pronoun is the subject, and the name after it is not (`She called Ray Roe.`).
    private static func followsSubjectPronoun(_ index: Int, in paragraph: ScannedParagraph, notBefore floor: Int) -> Bool {
        var current = index
        while current > floor, !paragraph.isSentenceBreak(after: current - 1) {
            current -= 1
            if paragraph.words[current].folded == "he" || paragraph.words[current].folded == "she" { return true }
        }
        return false
    }

    /// Articles that make the name after them qualify a noun (`an Oliver Sacks kind of way`).
    private static let indefiniteArticles: FoldedWordSet = ["a", "an"]

    /// Most words a name may run to, for telling whether it ends with a possessive.
    private static let nameWords = 4

    /// Whether the name that starts at word `index` ends with a possessive (`Ray Roe's`): its
    /// capitalised words, joined by spaces alone, up to the first that ends with `'s`.
    private static func isPossessive(nameAt index: Int, in paragraph: ScannedParagraph) -> Bool {
        let words = paragraph.words
        var current = index
        while current < words.count, current - index < Self.nameWords, words[current].isCapitalized {
            if words[current].folded.hasSuffix("'s") { return true }
            guard current + 1 < words.count, paragraph.scalars(from: words[current].end, to: words[current + 1].start).allSatisfy({ $0 == " " }) else {
                return false
            }
            current += 1
        }
        return false
    }

    /// The gender of a noun for a man or a woman just before the name at word `index`, or with
    /// one lower-case role word between (`Doe's son, filmmaker John Doe`).
    private static func genderOfNoun(before index: Int, in paragraph: ScannedParagraph) -> Gender? {
        var noun = index - 1
        let before = paragraph.words[noun]
        if noun > 0, !before.isCapitalized, !Self.complementWords.contains(before.folded), Self.gender(of: before.folded) == nil {
            noun -= 1
        }
        return Self.gender(of: paragraph.words[noun].folded)
    }

    /// Each person's gender: by the nouns for a man or a woman and courtesy titles before a
    /// mention when there are any, since they say it outright; otherwise by majority of the
    /// subject or reflexive pronouns outside quotations, each taken as the last sentence
    /// subject named before it in its paragraph (a guess that a run of pronouns about someone
    /// else, `According to his aunt, Jane Doe, …. He played chess`, must not outvote).
    private static func genders(
        of sorted: [AntecedentIndex.Antecedent], subjects: [AntecedentIndex.Antecedent], paragraphs: [ScannedParagraph],
        byIndex: [Int: ScannedParagraph], spans: [QuotationSpan]
    ) -> [String: Gender] {
        var stated: [String: Int] = [:]
        for antecedent in sorted {
            guard let paragraph = byIndex[antecedent.position.paragraph] else { continue }
            let word = paragraph.firstWord(atOrAfter: antecedent.position.offset)
            guard word > 0 else { continue }
            let title = paragraph.words[word - 1].folded
            if Self.masculineTitles.contains(title) { stated[Self.key(of: antecedent.speaker), default: 0] += 1 }
            if Self.feminineTitles.contains(title) { stated[Self.key(of: antecedent.speaker), default: 0] -= 1 }
            if let gender = Self.genderOfNoun(before: word, in: paragraph) {
                stated[Self.key(of: antecedent.speaker), default: 0] += gender == .masculine ? 1 : -1
            }
        }
        var votes: [String: Int] = [:]
        var index = AntecedentIndex(subjects)
        var spanIndex = 0
        // Read once: a static set asked about at every word is fetched at every word.
        let (masculinePronouns, femininePronouns) = (Self.masculinePronouns, Self.femininePronouns)
        for paragraph in paragraphs {
            // Words are read in place: iterating them copied every word's two strings.
            let words = paragraph.words
            for offset in words.indices {
                let isMasculine = masculinePronouns.contains(words[offset].folded)
                guard isMasculine || femininePronouns.contains(words[offset].folded) else { continue }
                let word = words[offset]
                if Self.isQuoted(word, of: paragraph, spans: spans, from: &spanIndex) { continue }
                let position = TextPosition(paragraph: paragraph.index, offset: word.start)
                guard let antecedent = index.last(before: position), antecedent.position.paragraph == paragraph.index else { continue }
                votes[Self.key(of: antecedent.speaker), default: 0] += isMasculine ? 1 : -1
            }
        }
        return votes.merging(stated.filter { $0.value != 0 }) { _, stated in stated }.compactMapValues { $0 > 0 ? .masculine : $0 < 0 ? .feminine : nil }
    }

    /// Whether `word` is inside a quotation, with `spanIndex` the first span not wholly before
    /// the words asked about so far (asked in reading order, each question moves it forward).
    static func isQuoted(_ word: ScannedParagraph.Word, of paragraph: ScannedParagraph, spans: [QuotationSpan], from spanIndex: inout Int) -> Bool {
        while spanIndex < spans.count, (spans[spanIndex].paragraph, spans[spanIndex].end) <= (paragraph.index, word.start) { spanIndex += 1 }
        return spanIndex < spans.count && spans[spanIndex].paragraph == paragraph.index && spans[spanIndex].start <= word.start
    }

    /// Words that introduce someone the story does not name (`one mother`, `a woman`).
    private static let indefiniteDeterminers: FoldedWordSet = ["a", "an", "one"]
    /// Words after which a description tells of someone already named (`Doe is a mother`).
    private static let copulas: FoldedWordSet = ["is", "was", "are", "were", "be", "been", "became", "becomes"]

    /// The people a story introduces outside quotations by a noun for a man or a woman and no
    /// name (`WIRED spoke to one mother, who …`), as descriptions with their gender; not a
    /// description of someone named (`Doe, a mother of two,`, `Doe is a father`).
    private static func unnamedPeople(in paragraphs: [ScannedParagraph], spans: [QuotationSpan]) -> [(antecedent: AntecedentIndex.Antecedent, gender: Gender)] {
        var unnamed: [(antecedent: AntecedentIndex.Antecedent, gender: Gender)] = []
        var spanIndex = 0
        let determiners = Self.indefiniteDeterminers
        for paragraph in paragraphs {
            let words = paragraph.words
            for index in words.indices where determiners.contains(words[index].folded) {
                if Self.isQuoted(words[index], of: paragraph, spans: spans, from: &spanIndex) { continue }
                let nounIndex = index + 1 < words.count && !words[index + 1].isCapitalized && Self.gender(of: words[index + 1].folded) == nil ? index + 2 : index + 1
                guard nounIndex < words.count, let gender = Self.gender(of: words[nounIndex].folded) else { continue }
                if index > 0, Self.copulas.contains(words[index - 1].folded)
                    || words[index - 1].isCapitalized && paragraph.scalars(from: words[index - 1].end, to: words[index].start).contains(",") {
                    continue
                }
                let description = Quote.Speaker(name: paragraph.text(from: words[index].start, to: words[nounIndex].end), kind: .description)
                unnamed.append((AntecedentIndex.Antecedent(position: TextPosition(paragraph: paragraph.index, offset: words[index].start), speaker: description), gender))
            }
        }
        return unnamed
    }

    /// The gender of a folded noun for a man or a woman (`son`, `actress`), if it is one.
    private static func gender(of noun: String) -> Gender? {
        Self.masculineNouns.contains(noun) ? .masculine : Self.feminineNouns.contains(noun) ? .feminine : nil
    }
}
