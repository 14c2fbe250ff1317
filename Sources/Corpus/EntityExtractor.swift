/// Finds people, organizations and locations, and merges the forms each is named by.
///
/// Capitalised runs of words are read one by one. A run the gazetteer knows is a location
/// (under its common name, so `DPRK` and `Democratic People's Republic of Korea` are
/// `North Korea`). A run with an organization word (`Council`, `Ministry`) or an acronym is an
/// organization, and `(ACRONYM)` right after one names it too. Courtesy titles and offices
/// (`Mr.`, `US President`, `Special Rapporteur`) are stripped from people's names. A run is a
/// person when such a title precedes it or it is two to four names; later mentions by surname
/// alone, in capitals or without accents join the person first named in full.
struct EntityExtractor: Sendable {
    let gazetteer: Gazetteer
    /// Honorifics, titles, organization and place words, agencies and well-known acronyms.
    let lexicon: Lexicon

    /// Prepositions after which an unknown name is a place ("in Cumbria", "from Brittany").
    private static let placePrepositions: Set<String> = ["in", "from", "near", "across", "around", "throughout"]

    /// Capitalised words that do not start a name at the start of a sentence.
    private static let sentenceStarters: Set<String> = [
        "the", "a", "an", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
        "his", "her", "their", "its", "our", "as", "after", "before", "when", "while", "if", "for", "from", "with", "by", "to", "of",
        "although", "however", "meanwhile", "according", "asked", "speaking", "some", "many", "several", "every", "each", "there",
    ]
    /// Lower-case words that may join the words of an organization's or a place's name.
    private static let connectors: Set<String> = ["of", "the", "for", "and", "on", "de", "del", "da", "van", "von", "la", "le"]
    private static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private struct Found {
        /// A name with no sign of being a person's: kept only if it joins a person named in full.
        var isWeak = false
        let kind: Entity.Kind
        let name: String
        let surface: String
        let paragraph: Int
        let range: Range<String.Index>
        let text: String
    }

    /// The entities of a document's paragraphs (contacts excluded: those are contacts).
    ///
    /// - Parameters:
    ///   - paragraphs: the paragraphs.
    ///   - words: each paragraph's words (`TextWord.scan`), scanned once for every extractor.
    func extract(from paragraphs: [Paragraph], words paragraphWords: [[TextWord]]) -> [Entity] {
        var found: [Found] = []
        var acronyms = self.lexicon.acronyms.mapValues { (Entity.Kind.organization, $0) }
        for (paragraph, words) in zip(paragraphs, paragraphWords) where paragraph.section != .contacts {
            var previousPlaceEnd: String.Index?
            for run in self.runs(in: words, text: paragraph.text) {
                var results = self.classify(run, words: words, paragraph: paragraph, acronyms: &acronyms)
                // "in Cumbria, Powys, Norfolk and Cornwall": names listed after a place are places.
                if results.isEmpty, run.count <= 3, let end = previousPlaceEnd,
                    [", ", " and ", ", and "].contains(String(paragraph.text[end..<run.first!.range.lowerBound])),
                    !self.hasPersonSignal(run, words: words, text: paragraph.text)
                {
                    results = [self.found(.location, Self.withoutPossessive(run.map(\.text).joined(separator: " ")), run, paragraph)]
                }
                found.append(contentsOf: results)
                previousPlaceEnd = results.last.flatMap { $0.kind == .location ? $0.range.upperBound : nil }
            }
        }
        return self.merge(found, acronyms: acronyms)
    }

    // MARK: Runs of capitalised words

    private func runs(in words: [TextWord], text: String) -> [ArraySlice<TextWord>] {
        var runs: [ArraySlice<TextWord>] = []
        var start: Int?
        func close(_ end: Int) {
            guard var first = start else { return }
            start = nil
            var last = end
            while last > first, Self.connectors.contains(words[last - 1].text) { last -= 1 }
            while first < last, Self.connectors.contains(words[first].text) { first += 1 }
            if first < last { runs.append(words[first..<last]) }
        }
        for (index, word) in words.enumerated() {
            let joined = index > 0 && self.joins(words[index - 1], text[words[index - 1].range.upperBound..<word.range.lowerBound])
            if start != nil && !joined { close(index) }
            if word.isCapitalized && !Self.months.contains(Self.withoutPossessive(word.folded)) {
                if start == nil { start = index }
            } else if start != nil && Self.connectors.contains(word.text) && joined {
                continue
            } else {
                close(index)
            }
        }
        close(words.count)
        return runs
    }

    /// Whether the gap after `previous` keeps the run going: spaces only, or the dot of an
    /// honorific or an initial (`Mr. Name`, `John F. Kennedy`).
    private func joins(_ previous: TextWord, _ gap: Substring) -> Bool {
        if gap.allSatisfy({ $0 == " " }) || gap == " & " { return true }
        guard gap.first == ".", gap.dropFirst().allSatisfy({ $0 == " " }) else { return false }
        return self.lexicon.honorifics.contains(previous.folded) || previous.text.count == 1
    }

    // MARK: Classification

    private func classify(
        _ run: ArraySlice<TextWord>, words: [TextWord], paragraph: Paragraph, acronyms: inout [String: (Entity.Kind, String)]
    ) -> [Found] {
        var run = run
        let text = paragraph.text
        // A capitalised sentence opener ("The", "But") is not part of a name.
        while let first = run.first, Self.sentenceStarters.contains(first.folded), self.startsSentence(first, words: words, text: text) {
            run = run.dropFirst()
        }
        var results: [Found] = []
        var index = run.startIndex
        // "leader Kim Jong-un": a lower-case title just before the run introduces a person.
        var pendingTitle = run.first.flatMap { first in words.firstIndex(of: first) }.map { position in
            position > 0 && self.lexicon.titles.contains(words[position - 1].folded)
        } ?? false
        while index < run.endIndex {
            if let (end, place) = self.longestPlace(in: run, from: index) {
                results.append(self.found(.location, place, run[index..<end], paragraph))
                index = end
                pendingTitle = false
            } else if let end = self.titleEnd(in: run, from: index) {
                index = end
                pendingTitle = true
            } else if let end = self.nameEnd(in: run, from: index, kind: .location) {
                let slice = run[index..<end]
                results.append(self.found(.location, Self.withoutPossessive(slice.map(\.text).joined(separator: " ")), slice, paragraph))
                index = end
                pendingTitle = false
            } else if let end = self.nameEnd(in: run, from: index, kind: .organization) {
                let slice = run[index..<end]
                let name = Self.withoutPossessive(String(text[slice.first!.range.lowerBound..<slice.last!.range.upperBound]))
                results.append(self.found(.organization, name, slice, paragraph))
                if let acronym = Self.parenthesisedAcronym(after: slice.last!.range.upperBound, in: text) {
                    acronyms[acronym] = (.organization, name)
                }
                index = end
                pendingTitle = false
            } else {
                // Up to the next connector: a name, an acronym, or nothing we know.
                var end = index
                while end < run.endIndex, !Self.connectors.contains(run[end].text), end == index || self.titleEnd(in: run, from: end) == nil {
                    end += 1
                }
                let slice = run[index..<max(end, index + 1)]
                if slice.count == 1, slice.first!.isAllCaps || self.lexicon.agencies[slice.first!.folded] != nil, !Self.connectors.contains(slice.first!.text) {
                    results.append(self.found(.organization, Self.withoutPossessive(slice.first!.text), slice, paragraph))
                } else if index == run.startIndex, (1...3).contains(slice.count), !pendingTitle,
                    self.followsPlacePreposition(slice.first!, words: words), !self.hasPersonSignal(slice, words: words, text: text)
                {
                    results.append(self.found(.location, Self.withoutPossessive(slice.map(\.text).joined(separator: " ")), slice, paragraph))
                } else if (1...4).contains(slice.count), !Self.connectors.contains(slice.first!.text) {
                    var person = self.found(.person, Self.displayName(slice), slice, paragraph)
                    person.isWeak = !(pendingTitle || self.hasPersonSignal(slice, words: words, text: text))
                    results.append(person)
                }
                index = max(end, index + 1)
                pendingTitle = false
            }
        }
        return results
    }

    private func found(_ kind: Entity.Kind, _ name: String, _ slice: ArraySlice<TextWord>, _ paragraph: Paragraph) -> Found {
        let range = slice.first!.range.lowerBound..<slice.last!.range.upperBound
        var surface = String(paragraph.text[range])
        var end = range.upperBound
        // "North Korea´s": the possessive is not part of the name.
        if let possessive = Self.possessiveSuffix(surface) {
            surface = String(surface.dropLast(possessive))
            end = paragraph.text.index(range.upperBound, offsetBy: -possessive)
        }
        return Found(kind: kind, name: name, surface: surface, paragraph: paragraph.index, range: range.lowerBound..<end, text: paragraph.text)
    }

    private static func possessiveSuffix(_ text: String) -> Int? {
        guard text.count > 2, text.last == "s" || text.last == "S" else { return nil }
        let mark = text[text.index(text.endIndex, offsetBy: -2)]
        return TextFolding.apostrophes.contains(mark) ? 2 : nil
    }

    private static func withoutPossessive(_ text: String) -> String {
        self.possessiveSuffix(text).map { String(text.dropLast($0)) } ?? text
    }

    /// The longest span from `start` (up to eight words) that names a country or city.
    private func longestPlace(in run: ArraySlice<TextWord>, from start: Int) -> (Int, String)? {
        for end in stride(from: min(run.endIndex, start + 8), to: start, by: -1) {
            let phrase = Self.withoutPossessive(run[start..<end].map(\.text).joined(separator: " "))
            if run[end - 1].folded == "the" || run[start].folded == "the" { continue }
            if phrase.count <= 3 && phrase != phrase.uppercased() { continue }  // "US", not "Us"
            if let country = self.gazetteer.country(named: phrase) { return (end, country.name) }
            // "Sofia Raposo" is a person: a one-word city followed by another name is a first name.
            if end - start == 1, end < run.endIndex, run[end].isCapitalized, !run[end].isAllCaps { continue }
            if let city = self.gazetteer.city(named: phrase) { return (end, city.name) }
        }
        return nil
    }

    /// The end of a name starting at `start` that runs through one of its kind's words (an organization's
    /// `Council`, a place's `Sea`), with an `of …`/`for …` complement (`Ministry of Energy and
    /// Mineral Resources`, `Gulf of Riga`, `Nordic Institute for Coastal Research`).
    private func nameEnd(in run: ArraySlice<TextWord>, from start: Int, kind: Entity.Kind) -> Int? {
        guard !Self.connectors.contains(run[start].text) else { return nil }
        let words = kind == .organization ? self.lexicon.organizationWords : self.lexicon.placeWords
        var last: Int?
        var index = start
        // "UNMAS and the UN Verification Mission" are two names: "and" ends this one.
        while index < run.endIndex, run[index].text != "and" {
            if words.contains(TextFolding.fold(Self.withoutPossessive(run[index].text))) { last = index }
            index += 1
        }
        guard var end = last.map({ $0 + 1 }) else { return nil }
        // A bare organization word ("the Council") names nothing by itself.
        let hasComplement = end < run.endIndex && (run[end].text == "of" || run[end].text == "for")
        if end == start + 1 && !run[start].isAllCaps && !hasComplement && kind == .organization { return nil }
        if hasComplement {
            var stop = end + 1
            while stop < run.endIndex {
                let word = run[stop]
                let continues = word.text == "and" ? stop + 1 < run.endIndex && run[stop + 1].isCapitalized : (word.isCapitalized || Self.connectors.contains(word.text))
                guard continues else { break }
                stop += 1
            }
            while stop > end, Self.connectors.contains(run[stop - 1].text) { stop -= 1 }
            end = stop
        }
        return end
    }

    private func followsPlacePreposition(_ word: TextWord, words: [TextWord]) -> Bool {
        guard let position = words.firstIndex(of: word), position > 0 else { return false }
        return Self.placePrepositions.contains(words[position - 1].folded)
    }

    /// The end of a run of title and honorific words starting at `start`, if any.
    private func titleEnd(in run: ArraySlice<TextWord>, from start: Int) -> Int? {
        var end = start
        while end < run.endIndex {
            let one = run[end].folded
            let two = end + 1 < run.endIndex ? one + " " + run[end + 1].folded : ""
            if self.lexicon.titles.contains(two) || self.lexicon.honorifics.contains(two) {
                end += 2
            } else if self.lexicon.titles.contains(one) || self.lexicon.honorifics.contains(one) {
                end += 1
            } else {
                break
            }
        }
        return end > start ? end : nil
    }

    private static let attributionWords: Set<String> = [
        "said", "says", "told", "added", "urged", "warned", "called", "asked", "explained", "noted", "argued", "stated",
        "who", "whose",
    ]

    /// Whether the words around a candidate name mark it as a person's: an attribution verb
    /// right after it or right before it (`X said`, `said X`), or `, who`.
    private func hasPersonSignal(_ slice: ArraySlice<TextWord>, words: [TextWord], text: String) -> Bool {
        guard slice.count >= 2, slice.allSatisfy({ !$0.isAllCaps || $0.text.count > 3 }) else { return false }
        guard let first = words.firstIndex(of: slice.first!), let last = words.firstIndex(of: slice.last!) else { return false }
        if last + 1 < words.count, Self.attributionWords.contains(words[last + 1].folded) { return true }
        // "Wilmer Ocampo, a former combatant": an apposition describing a person.
        if last + 1 < words.count, text[slice.last!.range.upperBound...].hasPrefix(",") {
            let next = words[last + 1].folded
            let nextTwo = last + 2 < words.count ? next + " " + words[last + 2].folded : next
            if ["a", "an", "the", "who", "whose", "its", "his", "her"].contains(next) || self.lexicon.titles.contains(next) || self.lexicon.titles.contains(nextTwo) {
                return true  // "Rhiannon Pugh, chief executive of …"
            }
        }
        if first > 0, Self.attributionWords.contains(words[first - 1].folded) { return true }
        return false
    }

    private func startsSentence(_ word: TextWord, words: [TextWord], text: String) -> Bool {
        let before = text[..<word.range.lowerBound].reversed().drop { $0 == " " }
        guard let previous = before.first else { return true }
        return ".!?\u{201C}\"\u{2018}(".contains(previous)
    }

    private static func parenthesisedAcronym(after index: String.Index, in text: String) -> String? {
        let rest = text[index...].drop { $0 == " " }
        guard rest.first == "(", let close = rest.firstIndex(of: ")") else { return nil }
        let inside = rest[rest.index(after: rest.startIndex)..<close]
        let letters = inside.filter(\.isLetter)
        return letters.count >= 2 && letters.count == inside.count && letters.allSatisfy(\.isUppercase) ? String(inside) : nil
    }

    /// A name in display case: `OJEA QUINTANA` → `Ojea Quintana`, other words unchanged.
    private static func displayName(_ words: ArraySlice<TextWord>) -> String {
        words.map { $0.isAllCaps && $0.text.count > 3 ? $0.text.prefix(1) + $0.text.dropFirst().lowercased() : $0.text }.joined(separator: " ")
    }

    // MARK: Merging

    private func merge(_ found: [Found], acronyms: [String: (Entity.Kind, String)]) -> [Entity] {
        // People first named in full absorb later partial mentions (surname, capitals, no accents).
        let fullNames = found.filter { $0.kind == .person && !$0.isWeak }.map(\.name).reduce(into: [String]()) { names, name in
            if !names.contains(where: { TextFolding.fold($0) == TextFolding.fold(name) }) { names.append(name) }
        }
        func canonical(_ item: Found) -> (Entity.Kind, String) {
            if item.kind == .organization, let expansion = acronyms[item.surface] { return expansion }
            guard item.kind == .person else { return (item.kind, item.name) }
            let words = TextFolding.fold(item.name).split(separator: " ")
            let fuller = fullNames.filter { full in
                let fullWords = TextFolding.fold(full).split(separator: " ")
                return fullWords.count > words.count && Array(fullWords.suffix(words.count)) == words
            }
            return (.person, fuller.max { $0.count < $1.count } ?? item.name)
        }
        var order: [String] = []
        var groups: [String: (kind: Entity.Kind, name: String, items: [Found])] = [:]
        for item in found {
            let (kind, name) = canonical(item)
            if item.isWeak && !fullNames.contains(name) { continue }
            let key = "\(kind.rawValue):\(TextFolding.fold(name))"
            if groups[key] == nil {
                order.append(key)
                groups[key] = (kind, name, [])
            }
            groups[key]?.items.append(item)
        }
        var usedIDs: Set<String> = []
        return order.compactMap { key in
            guard let group = groups[key] else { return nil }
            // A lone one-word "person" that never got a full name is not trusted as one.
            if group.kind == .person && !group.name.contains(" ") { return nil }
            var id = Slug.make(from: group.name)
            if !usedIDs.insert(id).inserted {
                id += "-" + group.kind.rawValue
                usedIDs.insert(id)
            }
            var aliases: [String] = []
            for item in group.items where item.surface != group.name && !aliases.contains(item.surface) {
                aliases.append(item.surface)
            }
            let mentions = group.items.map { item in
                let start = item.text.unicodeScalars.distance(from: item.text.startIndex, to: item.range.lowerBound)
                return Entity.Mention(
                    text: item.surface, paragraph: item.paragraph, start: start,
                    end: start + item.text.unicodeScalars.distance(from: item.range.lowerBound, to: item.range.upperBound))
            }
            return Entity(id: id, name: group.name, kind: group.kind, aliases: aliases, mentions: mentions)
        }
    }
}
