import DocumentModel
import Foundation

/// Finds press contacts in a document's contacts section.
///
/// Each contact is a person's name followed by their details (phones, e-mail), in any of the
/// shapes releases use: `Olga Nakajo (+41 79 444 5515 / olga@…)`, `In Nairobi (English,
/// Swahili): Wanjiru Kamau, +254 20 …, w.kamau@…`, or a name line followed by `Tel:` and
/// `Email:` lines. What stands between the previous contact and a name (`In Seoul:`,
/// `(in English)`, `or in Korean,`) gives the city and languages; a contact without a city
/// of its own takes the previous one's in the same paragraph.
struct ContactExtractor: Sendable {
    let gazetteer: Gazetteer
    let languages: Set<String>

    /// Words that start a capitalised run without being part of a name.
    private static let notNames: Set<String> = [
        "in", "tel", "tel.", "phone", "mobile", "mob", "fax", "email", "e-mail", "press", "media", "contact", "contacts",
        "for", "officer", "office", "spokesperson", "spokesman", "spokeswoman", "head", "director", "manager", "or", "and",
        "please", "communications", "information", "un", "the", "at", "on", "via", "call", "cell",
    ]
    /// Lower-case words allowed inside a name (`Luis de la Cruz`).
    private static let nameParticles: Set<String> = ["de", "da", "del", "della", "der", "van", "von", "bin", "binti", "al", "el", "la", "le", "du", "dos", "ibn"]

    /// The contacts in the paragraphs of the contacts section.
    ///
    /// - Parameters:
    ///   - paragraphs: the contacts section's texts, in order.
    ///   - countryHint: the country of national-format numbers when a contact's city does not
    ///     tell; called only when such a number needs it, at most once.
    func extract(from paragraphs: [String], countryHint: @escaping () -> Gazetteer.Country?) -> [Contact] {
        var hint: Gazetteer.Country??
        let memoizedHint = { () -> Gazetteer.Country? in
            if let known = hint { return known }
            let found = countryHint()
            hint = .some(found)
            return found
        }
        return paragraphs.flatMap { self.contacts(in: $0, countryHint: memoizedHint) }
    }

    private struct Candidate {
        let name: String
        let range: Range<String.Index>
    }

    private func contacts(in paragraph: String, countryHint: () -> Gazetteer.Country?) -> [Contact] {
        let details = Self.details(in: paragraph)
        guard !details.isEmpty else { return [] }
        // A capitalised run is a contact's name when details follow it before the next run.
        let candidates = self.nameCandidates(in: paragraph)
        let names = candidates.enumerated().filter { position, candidate in
            let end = position + 1 < candidates.count ? candidates[position + 1].range.lowerBound : paragraph.endIndex
            return details.contains { $0.range.lowerBound >= candidate.range.upperBound && $0.range.upperBound <= end }
        }.map(\.element)
        var contacts: [Contact] = []
        var city: String?
        var contextStart = paragraph.startIndex
        for (position, candidate) in names.enumerated() {
            let end = position + 1 < names.count ? names[position + 1].range.lowerBound : paragraph.endIndex
            let context = paragraph[contextStart..<candidate.range.lowerBound]
            city = self.city(in: context) ?? city
            let own = details.filter { $0.range.lowerBound >= candidate.range.upperBound && $0.range.upperBound <= end }
            let cityCountry = city.flatMap(self.gazetteer.country(ofPlace:))
            let emails = own.compactMap { detail -> String? in if case .email(let address) = detail.kind { return address } else { return nil } }
            contacts.append(
                Contact(
                    name: candidate.name, city: city, languages: self.languages(in: context),
                    phones: own.compactMap { detail in
                        guard case .phone(let written) = detail.kind else { return nil }
                        let isInternational = written.hasPrefix("+") || written.hasPrefix("00")
                        let country = isInternational ? nil : cityCountry ?? countryHint()
                        return PhoneNumber(written: written, e164: PhoneNumber.e164(written, country: country))
                    },
                    email: emails.first,
                    isEmailRedacted: emails.isEmpty && own.contains { $0.kind == .redactedEmail }))
            contextStart = own.last?.range.upperBound ?? candidate.range.upperBound
        }
        return contacts
    }

    // MARK: Names

    private func nameCandidates(in text: String) -> [Candidate] {
        var candidates: [Candidate] = []
        var run: [Range<String.Index>] = []
        func close() {
            defer { run = [] }
            while let last = run.last, Self.nameParticles.contains(String(text[last])) { run.removeLast() }
            guard (2...5).contains(run.count), let first = run.first, let last = run.last else { return }
            candidates.append(Candidate(name: String(text[first.lowerBound..<last.upperBound]), range: first.lowerBound..<last.upperBound))
        }
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isLetter else {
                // Only spaces may separate the words of one name.
                if text[index] != " " { close() }
                index = text.index(after: index)
                continue
            }
            let start = index
            while index < text.endIndex, text[index].isLetter || text[index] == "-" || TextFolding.apostrophes.contains(text[index]) {
                index = text.index(after: index)
            }
            let word = String(text[start..<index])
            let folded = ASCIIFolding.fold(word)
            if word.first?.isUppercase == true, !Self.notNames.contains(folded), !self.languages.contains(word),
                word.count > 1, word != word.uppercased()
            {
                run.append(start..<index)
            } else if !run.isEmpty, Self.nameParticles.contains(word) {
                run.append(start..<index)
            } else {
                close()
            }
        }
        close()
        return candidates
    }

    // MARK: City and languages

    /// `In Seoul:`, `In Washington, DC (English and Spanish):` → the place after "In".
    /// The last "In <Place>" of the context whose place is not a language (`(in English)`).
    private func city(in context: Substring) -> String? {
        var searchEnd = context.endIndex
        while let range = context[..<searchEnd].range(of: "in ", options: [.caseInsensitive, .backwards]) {
            searchEnd = range.lowerBound
            if range.lowerBound > context.startIndex, context[context.index(before: range.lowerBound)].isLetter { continue }
            let rest = context[range.upperBound...]
            let place = rest.prefix { $0 != ":" && $0 != "(" && $0 != ")" }.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            if let first = place.first, first.isUppercase, !self.languages.contains(place) { return place }
        }
        return nil
    }

    private func languages(in context: Substring) -> [String] {
        context.split { !$0.isLetter }.map(String.init).filter(self.languages.contains)
    }

    // MARK: Details

    private enum DetailKind: Equatable {
        case phone(String)
        case email(String)
        case redactedEmail
    }

    private struct Detail {
        let kind: DetailKind
        let range: Range<String.Index>
    }

    /// Phones, e-mail addresses and scrape placeholders, in order.
    private static func details(in text: String) -> [Detail] {
        var details: [Detail] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("[email"), let close = text[index...].firstIndex(of: "]") {
                details.append(Detail(kind: .redactedEmail, range: index..<text.index(after: close)))
                index = text.index(after: close)
            } else if let email = self.email(at: index, in: text) {
                details.append(email)
                index = email.range.upperBound
            } else if let phone = self.phone(at: index, in: text) {
                details.append(phone)
                index = phone.range.upperBound
            } else {
                index = text.index(after: index)
            }
        }
        return details
    }

    private static func isEmailCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._%+-".contains(character))
    }

    private static func email(at index: String.Index, in text: String) -> Detail? {
        guard self.isEmailCharacter(text[index]), index == text.startIndex || !self.isEmailCharacter(text[text.index(before: index)]) else {
            return nil
        }
        var end = index
        while end < text.endIndex, self.isEmailCharacter(text[end]) || text[end] == "@" { end = text.index(after: end) }
        var candidate = text[index..<end]
        while let last = candidate.last, ".-".contains(last) { candidate = candidate.dropLast() }
        let parts = candidate.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix(".") else { return nil }
        return Detail(kind: .email(String(candidate)), range: index..<candidate.endIndex)
    }

    /// Seven or more digits with only spaces, `-`, `.`, `(`, `)` between them, optionally after `+`.
    private static func phone(at index: String.Index, in text: String) -> Detail? {
        let first = text[index]
        guard first == "+" || first == "(" || first.isASCII && first.isNumber else { return nil }
        if index > text.startIndex, text[text.index(before: index)].isNumber { return nil }
        var end = index
        var lastDigitEnd = index
        var digits = 0
        while end < text.endIndex {
            let character = text[end]
            if character.isASCII && character.isNumber {
                digits += 1
                lastDigitEnd = text.index(after: end)
            } else if !" -.()+".contains(character) || (character == "+" && end != index) {
                break
            }
            end = text.index(after: end)
        }
        guard (7...15).contains(digits) else { return nil }
        return Detail(kind: .phone(String(text[index..<lastDigitEnd])), range: index..<lastDigitEnd)
    }
}
