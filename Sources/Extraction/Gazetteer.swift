import DocumentModel
import Foundation

/// Countries, major cities and well-known regions and natural features with their common
/// aliases, from `Lexicons/countries.tsv`, `cities.tsv` and `regions.tsv`, for recognising
/// places and telling a phone number's country.
///
/// - Note: Immutable after loading; `standard` is loaded once and shared.
struct Gazetteer: Sendable {
    /// A country or territory.
    struct Country: Sendable, Hashable {
        /// ISO 3166-1 alpha-2 code.
        let code: String
        /// The common English name.
        let name: String
        /// Other names, official names and acronyms.
        let aliases: [String]
        /// The international calling code, digits only.
        let callingCode: String
        /// The national trunk prefix dropped in E.164 (`0`), or empty.
        let trunkPrefix: String
    }

    /// A city, region or natural feature, and the country it is in (empty when it spans several).
    struct Place: Sendable, Hashable {
        let name: String
        let countryCode: String
        let aliases: [String]
    }

    let countries: [String: Country]
    private let countryByName: [String: String]
    private let cityByName: [String: Place]
    private let regionByName: [String: Place]
    /// Every leading run of words of every name and alias the gazetteer knows, folded (`new`,
    /// `new york`, `new york city`): a phrase that is none of them starts no longer name.
    private let namePrefixes: Set<String>

    /// The gazetteer shipped with the module.
    static let standard = Gazetteer(
        countriesTSV: Self.resource("countries"), citiesTSV: Self.resource("cities"), regionsTSV: Self.resource("regions"))

    private static func resource(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Lexicons"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("missing gazetteer resource \(name).tsv") }
        return text
    }

    /// Builds a gazetteer from the files' contents.
    init(countriesTSV: String, citiesTSV: String, regionsTSV: String) {
        func rows(_ text: String) -> [[String]] {
            text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        }
        func aliases(_ field: String?) -> [String] {
            (field ?? "").split(separator: "|").map(String.init).filter { !$0.isEmpty }
        }
        var countries: [String: Country] = [:]
        var countryByName: [String: String] = [:]
        for row in rows(countriesTSV) where row.count >= 4 {
            let country = Country(
                code: row[0], name: row[1], aliases: aliases(row[2]), callingCode: row[3],
                trunkPrefix: row.count > 4 ? row[4] : "")
            countries[country.code] = country
            for name in [country.name] + country.aliases { countryByName[TextFolding.fold(name)] = country.code }
        }
        func places(_ text: String) -> [String: Place] {
            var byName: [String: Place] = [:]
            for row in rows(text) where row.count >= 2 {
                let place = Place(name: row[0], countryCode: row[1], aliases: aliases(row.count > 2 ? row[2] : nil))
                for name in [place.name] + place.aliases where byName[TextFolding.fold(name)] == nil {
                    byName[TextFolding.fold(name)] = place
                }
            }
            return byName
        }
        self.countries = countries
        self.countryByName = countryByName
        self.cityByName = places(citiesTSV)
        self.regionByName = places(regionsTSV)
        var prefixes: Set<String> = []
        for name in [Array(countryByName.keys), Array(self.cityByName.keys), Array(self.regionByName.keys)].joined() {
            var prefix = ""
            for word in name.split(separator: " ") {
                prefix += prefix.isEmpty ? String(word) : " " + word
                prefixes.insert(prefix)
            }
        }
        self.namePrefixes = prefixes
    }

    /// Whether some place's name or alias starts with this folded word: when none does, no
    /// phrase starting with it needs looking up.
    func hasPlace(startingWith foldedWord: String) -> Bool {
        self.namePrefixes.contains(foldedWord)
    }

    /// Whether some place's name or alias starts with these folded words (`new york`): when
    /// none does, no longer phrase starting with them needs looking up.
    func hasPlace(startingWithWords foldedPhrase: String) -> Bool {
        self.namePrefixes.contains(foldedPhrase)
    }

    /// The country with this name or alias (`DPRK`, `Britain`), folded for comparison.
    func country(named name: String) -> Country? {
        self.country(folded: TextFolding.fold(name))
    }

    /// The country with this already folded name or alias (`dprk`).
    func country(folded name: String) -> Country? {
        self.countryByName[name].flatMap { self.countries[$0] }
    }

    /// The city with this name or alias (`Kiev`, `Washington, DC`).
    func city(named name: String) -> Place? {
        self.cityByName[TextFolding.fold(name)]
    }

    /// The city with this already folded name or alias (`kiev`).
    func city(folded name: String) -> Place? {
        self.cityByName[name]
    }

    /// The region or natural feature with this name or alias (`Flanders`, `Mediterranean Sea`).
    func region(named name: String) -> Place? {
        self.regionByName[TextFolding.fold(name)]
    }

    /// The region or natural feature with this already folded name or alias (`flanders`).
    func region(folded name: String) -> Place? {
        self.regionByName[name]
    }

    /// Every name the gazetteer knows for the place called `name` (its canonical name and
    /// aliases: `North Korea`, `DPRK`, `Democratic People's Republic of Korea`), or none.
    func names(of name: String) -> [String] {
        if let country = self.country(named: name) { return [country.name] + country.aliases }
        if let place = self.city(named: name) ?? self.region(named: name) { return [place.name] + place.aliases }
        return []
    }

    /// The country a place name (city, region in one country, or country) belongs to.
    func country(ofPlace name: String) -> Country? {
        (self.city(named: name) ?? self.region(named: name)).flatMap { self.countries[$0.countryCode] } ?? self.country(named: name)
    }

    /// The first country the text names, by name or alias, or through one of its cities or regions.
    ///
    /// - Complexity: O(*n*) in the text's words.
    func firstCountry(mentionedIn text: String) -> Country? {
        let words = text.split { !($0.isLetter || $0 == "'" || $0 == "-" || $0 == ".") }.map(String.init)
        for start in words.indices {
            for length in [4, 3, 2, 1] where start + length <= words.count {
                let phrase = words[start..<(start + length)].joined(separator: " ")
                guard phrase.first?.isUppercase == true else { continue }
                // Short names count only in capitals: "US" is a country, "Us" a pronoun.
                if phrase.count <= 3 && phrase != phrase.uppercased() { continue }
                if let country = self.country(ofPlace: phrase) { return country }
            }
        }
        return nil
    }
}
