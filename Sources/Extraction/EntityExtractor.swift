import DocumentModel

/// Finds people, organizations and locations, and merges the forms each is named by.
///
/// Capitalised runs of words are read one by one. A run the gazetteer knows is a location
/// (under its common name, so `DPRK` and `Democratic People's Republic of Korea` are
/// `North Korea`). A run with an organization word (`Council`, `Ministry`) or an acronym is an
/// organization, and `(ACRONYM)` right after one names it too. A lower-case noun beside a
/// name says what it is: `operator De Lijn` and `Linha Norte, the state-owned operator` are
/// organizations, `Antioquia department` and `the region of Flanders` places. Courtesy titles
/// and offices (`Mr.`, `US President`, `Special Rapporteur`) are stripped from people's names.
/// A run is a person when such a title precedes it or it is two to four names; later mentions
/// by surname alone, in capitals or without accents join the person first named in full, and
/// a shortened organization name (`the Commission`) joins the fuller one it ends.
/// Media contacts are people, and their cities places.
struct EntityExtractor: Sendable {
    let gazetteer: Gazetteer
    /// Honorifics, titles, organization and place words, agencies and well-known acronyms.
    let lexicon: Lexicon

    /// Prepositions after which an unknown name is a place ("in Cumbria", "from Brittany").
    private static let placePrepositions: Set<String> = ["in", "from", "near", "off", "across", "around", "throughout"]

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
        /// A name with no sign of being a person's, or a bare organization word: kept only if
        /// it joins a person named in full or an organization's fuller name.
        var isWeak = false
        let kind: Entity.Kind
        let name: String
        let surface: String
        let paragraph: Int
        let range: Range<String.Index>
        let text: String
    }

    /// The entities of a document's paragraphs.
    ///
    /// - Parameters:
    ///   - paragraphs: the paragraphs.
    ///   - words: each paragraph's words (`TextWord.scan`), scanned once for every extractor.
    ///   - contacts: the media contacts found in the `contacts` paragraphs, which are read for
    ///     these names and cities only (their other words are phone numbers and labels).
    func extract(from paragraphs: [Paragraph], words paragraphWords: [[TextWord]], contacts: [Contact]) -> [Entity] {
        var found: [Found] = []
        var acronyms = self.lexicon.acronyms.mapValues { (Entity.Kind.organization, $0) }
        for paragraph in paragraphs where paragraph.section == .contacts {
            found.append(contentsOf: self.contactMentions(contacts, in: paragraph))
        }
        for (paragraph, words) in zip(paragraphs, paragraphWords) where paragraph.section != .contacts {
            var previousPlaceEnd: String.Index?
            for run in self.runs(in: words, text: paragraph.text) {
                for var result in self.classify(run, words: words, paragraph: paragraph, acronyms: &acronyms) {
                    // "in Cumbria, Powys, Norfolk and Cornwall": names listed after a place are places.
                    if result.isWeak, result.kind == .person, let end = previousPlaceEnd, result.name.split(separator: " ").count <= 3,
                        self.continuesList(result.range, after: paragraph.text[end..<result.range.lowerBound], in: paragraph.text)
                    {
                        result = Found(kind: .location, name: result.surface, surface: result.surface, paragraph: result.paragraph, range: result.range, text: result.text)
                    }
                    found.append(result)
                    previousPlaceEnd = result.kind == .location ? result.range.upperBound : nil
                }
            }
        }
        return self.merge(found, acronyms: acronyms)
    }

    // MARK: Runs of capitalised words

    /// The runs of capitalised words, as slices of `words`: a run's indices are word positions.
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
            } else if start != nil && (Self.connectors.contains(word.text) || Self.isMissionIn(words, index)) && joined {
                continue
            } else {
                close(index)
            }
        }
        close(words.count)
        return runs
    }

    /// Whether the name at `name`, written `separator` after a place, is an item of a list of
    /// places: the last (`and Cornwall`) or one followed by more (`, Powys, …`).
    /// `the DPRK, Tomás Ojea Quintana, has warned` is no list.
    private func continuesList(_ name: Range<String.Index>, after separator: Substring, in text: String) -> Bool {
        guard [", ", " and ", ", and "].contains(separator) else { return false }
        if separator != ", " { return true }
        let rest = text[name.upperBound...]
        let next = rest.hasPrefix(", ") ? rest.dropFirst(2) : rest.hasPrefix(" and ") ? rest.dropFirst(5) : ""
        return next.first?.isUppercase == true
    }

    /// Whether `words[index]` is the `in` of a mission named for its country (`UN Verification
    /// Mission in Colombia`, `UN Assistance Mission in Afghanistan`).
    private static func isMissionIn(_ words: [TextWord], _ index: Int) -> Bool {
        words[index].text == "in" && index > 0 && words[index - 1].folded == "mission"
            && index + 1 < words.count && words[index + 1].isCapitalized
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
        var pendingTitle = !run.isEmpty && run.startIndex > 0 && self.lexicon.titles.contains(words[run.startIndex - 1].folded)
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
                let named = Self.withoutPossessive(slice.map(\.text).joined(separator: " "))
                if slice.count == 1, slice.first!.isAllCaps || self.lexicon.agencies[slice.first!.folded] != nil, !Self.connectors.contains(slice.first!.text) {
                    results.append(self.found(.organization, Self.withoutPossessive(slice.first!.text), slice, paragraph))
                } else if slice.count <= 4, !pendingTitle, let kind = self.kindByNeighbours(slice, words: words, text: text) {
                    results.append(self.found(kind, named, slice, paragraph))
                } else if slice.count == 1, self.lexicon.organizationWords.contains(TextFolding.fold(named)) {
                    // "the Commission", "the Alliance's members": a shortened name, kept if a fuller one is known.
                    var organization = self.found(.organization, named, slice, paragraph)
                    organization.isWeak = true
                    results.append(organization)
                } else if index == run.startIndex, (1...3).contains(slice.count), !pendingTitle,
                    self.followsPlacePreposition(slice.startIndex, words: words), !self.hasPersonSignal(slice, words: words, text: text)
                {
                    results.append(self.found(.location, named, slice, paragraph))
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
            if let place = self.gazetteer.city(named: phrase) ?? self.gazetteer.region(named: phrase) { return (end, place.name) }
        }
        return nil
    }

    /// The mentions of contacts' names (people) and cities (places) in a contacts paragraph;
    /// two contacts in one city mention it once.
    private func contactMentions(_ contacts: [Contact], in paragraph: Paragraph) -> [Found] {
        var found: [Found] = []
        for contact in contacts {
            guard let name = paragraph.text.range(of: contact.name) else { continue }
            found.append(Found(kind: .person, name: contact.name, surface: contact.name, paragraph: paragraph.index, range: name, text: paragraph.text))
            if let city = contact.city, let range = paragraph.text.range(of: city), !found.contains(where: { $0.range == range }) {
                let canonical = self.gazetteer.city(named: city)?.name ?? city
                found.append(Found(kind: .location, name: canonical, surface: city, paragraph: paragraph.index, range: range, text: paragraph.text))
            }
        }
        return found
    }

    /// What the lower-case nouns beside a name say it is: an organization (`operator De Lijn`,
    /// `Linha Norte, the state-owned operator,`, `the city parliament, the Bürgerschaft,`) or a
    /// place (`Antioquia department`, `the centre of Ghent`).
    private func kindByNeighbours(_ slice: ArraySlice<TextWord>, words: [TextWord], text: String) -> Entity.Kind? {
        let (first, last) = (slice.startIndex, slice.endIndex - 1)
        func word(_ index: Int) -> String? { words.indices.contains(index) && !words[index].isCapitalized ? words[index].folded : nil }
        func gap(after index: Int) -> Substring { text[words[index].range.upperBound..<(index + 1 < words.count ? words[index + 1].range.lowerBound : text.endIndex)] }
        let organizations = self.lexicon.organizationNouns
        if let before = word(first - 1), organizations.contains(before), gap(after: first - 1) == " " { return .organization }
        if let after = word(last + 1), gap(after: last) == " " {
            if self.lexicon.placeNouns.contains(after) { return .location }
            if organizations.contains(after) { return .organization }
        }
        // "Linha Norte, the state-owned operator,": the apposition's last word before its comma.
        if gap(after: last).hasPrefix(","), let article = word(last + 1), ["the", "a", "an"].contains(article) {
            var index = last + 2
            while let noun = word(index), index < last + 6 {
                if gap(after: index) != " " { return organizations.contains(noun) ? .organization : nil }
                index += 1
            }
        }
        // "the city parliament, the Bürgerschaft,": the apposition comes first.
        if word(first - 1) == "the", first >= 2, gap(after: first - 2).hasPrefix(","), let noun = word(first - 2), organizations.contains(noun) {
            return .organization
        }
        if word(first - 1) == "of", let noun = word(first - 2), self.lexicon.placeNouns.contains(noun) { return .location }
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
        let hasComplement = end < run.endIndex && (run[end].text == "of" || run[end].text == "for" || run[end].text == "in")
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

    private func followsPlacePreposition(_ position: Int, words: [TextWord]) -> Bool {
        position > 0 && Self.placePrepositions.contains(words[position - 1].folded)
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
        let (first, last) = (slice.startIndex, slice.endIndex - 1)
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

    /// The longer names that hold `name`'s words where `fits` allows (given the longer name's
    /// words and the range they would take).
    private static func fuller(_ name: String, among names: [String], fits: ([Substring], Range<Int>) -> Bool) -> [String] {
        let words = TextFolding.fold(name).split(separator: " ")
        return names.filter { full in
            let fullWords = TextFolding.fold(full).split(separator: " ")
            guard fullWords.count > words.count else { return false }
            return (0...(fullWords.count - words.count)).contains { start in
                let range = start..<(start + words.count)
                return Array(fullWords[range]) == words && fits(fullWords, range)
            }
        }
    }

    /// A person's surname or surnames: any words after the first name (`Benavides` and
    /// `Benavides Arango` are Lucía Benavides Arango).
    private static func surnames(_ words: [Substring], _ range: Range<Int>) -> Bool { range.lowerBound > 0 }

    /// An organization's name or its part before a complement (`Verification Mission` in
    /// `UN Verification Mission in Colombia`, `Council` in `Human Rights Council`).
    private static func head(_ words: [Substring], _ range: Range<Int>) -> Bool {
        range.upperBound == words.count || ["of", "for", "in"].contains(words[range.upperBound])
    }

    /// The names people are known by in full: those with a sign of being a person's, and those
    /// without that hold one of them as surnames (`Ana Sousa Lima, has warned` once `Sousa Lima
    /// said`).
    private static func fullNames(_ found: [Found]) -> [String] {
        let people = found.filter { $0.kind == .person }
        let signalled = people.filter { !$0.isWeak }.map(\.name)
        let completing = people.filter { item in
            item.isWeak && signalled.contains { !Self.fuller($0, among: [item.name], fits: Self.surnames).isEmpty }
        }
        return (signalled + completing.map(\.name)).reduce(into: [String]()) { names, name in
            if !names.contains(where: { TextFolding.fold($0) == TextFolding.fold(name) }) { names.append(name) }
        }
    }

    private func merge(_ found: [Found], acronyms: [String: (Entity.Kind, String)]) -> [Entity] {
        // People first named in full absorb later partial mentions (surname, capitals, no accents).
        let fullNames = Self.fullNames(found)
        let organizationNames = found.filter { $0.kind == .organization && !$0.isWeak }.map(\.name)
        /// The organization a shortened name stands for: the nearest fuller name, itself expanded
        /// (`Council` → `Human Rights Council` → `UN Human Rights Council`).
        func expandedOrganization(_ name: String) -> String {
            guard let nearest = Self.fuller(name, among: organizationNames, fits: Self.head).min(by: { $0.count < $1.count }) else { return name }
            return expandedOrganization(nearest)
        }
        func canonical(_ item: Found) -> (Entity.Kind, String) {
            switch item.kind {
            case .organization:
                // "the Commission" is the European Commission, "the Verification Mission" the UN
                // Verification Mission in Colombia.
                return acronyms[item.surface] ?? (.organization, expandedOrganization(item.name))
            case .person:
                return (.person, Self.fuller(item.name, among: fullNames, fits: Self.surnames).max { $0.count < $1.count } ?? item.name)
            case .location:
                return (.location, item.name)
            }
        }
        var order: [String] = []
        var groups: [String: (kind: Entity.Kind, name: String, items: [Found])] = [:]
        for item in found {
            let (kind, name) = canonical(item)
            if item.isWeak && (item.kind == .person ? !fullNames.contains(name) : name == item.name) { continue }
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
