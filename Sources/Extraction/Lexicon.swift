import DocumentModel
import Foundation

/// The small word lists extraction rules use, shipped as text files in `Lexicons/`.
///
/// They hold general vocabulary (navigation labels, publication words, agency tags), never
/// names taken from particular documents. Lines starting with `#` are comments; entries are
/// compared after `TextFolding.fold`.
///
/// - Note: Immutable after loading; `standard` is loaded once and shared.
struct Lexicon: Sendable {
    /// Whole lines that are page chrome.
    let navigationLines: Set<String>
    /// Line beginnings that are page chrome.
    let navigationPrefixes: [String]
    /// First lines that make a whole block page chrome.
    let blockOpeners: [String]
    /// Words that make a short line a masthead.
    let publicationWords: Set<String>
    /// Agency tags as written in datelines → canonical names.
    let agencies: [String: String]
    /// Lines that mark a press release or its end.
    let releaseMarkers: Set<String>
    /// Section headings → the section they open.
    let sectionHeadings: [String: Section]
    /// The folded headings that open a contacts section, for prefix tests.
    let contactsHeadings: [String]
    /// Language names, capitalised as written (`English`).
    let languages: Set<String>
    /// Courtesy titles, folded without their dot (`mr`, `dr`).
    let honorifics: Set<String>
    /// Offices written before names, folded (`president`, `special rapporteur`).
    let titles: Set<String>
    /// Words that make a name an organization's, folded (`council`).
    let organizationWords: Set<String>
    /// Verbs that attribute a quotation (`said`, `told`).
    let attributionVerbs: Set<String>
    /// Verbs that attribute a quoted fragment characterising something (`called`, `described`).
    let characterisingVerbs: Set<String>
    /// Nouns for a text that speaks for whoever issued it (`statement`, `report`).
    let documentNouns: Set<String>
    /// Words that make a name a place's, folded (`sea`, `river`).
    let placeWords: Set<String>
    /// Lower-case nouns that make the name beside them a place's (`district`, `region of`).
    let placeNouns: Set<String>
    /// Lower-case nouns that make the name beside them an organization's (`operator`).
    let organizationNouns: Set<String>
    /// Well-known acronyms → full names (`UN` → `United Nations`).
    let acronyms: [String: String]
    /// Capitalised abbreviations of common nouns and offices, never a name alone, folded (`tv`, `coo`).
    let abbreviations: Set<String>
    /// Words too common to characterise a story, folded (`would`, `said`).
    let stopwords: Set<String>
    /// Full names → their well-known acronyms (`United Nations` → `UN`).
    let acronymsByName: [String: [String]]
    /// Words a byline puts after a name for the writer's role, folded (`staff`, `writer`).
    let bylineRoles: Set<String>
    /// Labels of a page's date line → which date they give (`posted` → published).
    let dateLabels: [String: DateLineLabel]
    /// Newswire names whose tag marks a press release, folded (`prnewswire`).
    let releaseWires: [String]
    /// Headings that open a press release's own media contacts, folded.
    let pressContactHeadings: [String]
    /// Line beginnings of a byline's author box (`follow`, `about`), folded.
    let authorBoxPrefixes: [String]
    /// Words that mark a caption or picture credit (`photograph by`), folded.
    let creditMarkers: [String]
    /// How a picture's caption or credit line begins (`image credit`, `photograph:`), lower-cased.
    let captionOpeners: [String]
    /// How a teaser for another page begins inside a story (`related:`, `read more`), lower-cased.
    let teaserOpeners: [String]
    /// How a line that speaks to the reader begins (`sign up for`, `follow us`), lower-cased.
    let readerPrompts: [String]
    /// Social networks a call to follow names (`twitter`), lower-cased.
    let socialNetworks: [String]
    /// How a page's own publication stamp begins (`first published`), lower-cased.
    let timestampOpeners: [String]
    /// Legal forms that end company names (`ltd`, `inc`), folded.
    let legalForms: Set<String>
    /// Given names, folded (`tom`, `lucia`): a run that opens with one is a person's name.
    let givenNames: Set<String>
    /// Surnames, folded (`glocer` is not one; `okafor` is).
    let surnames: Set<String>
    /// Adjectives of nationality, folded → the country's canonical name (`north korean` → `North Korea`).
    let demonyms: [String: String]
    /// The longest entry, in UTF-8 bytes, of the lists a layout unit is classified by: release
    /// markers, section headings, navigation lines and navigation prefixes.
    let longestLayoutEntryBytes: Int
    /// The UTF-8 bytes of each folded agency tag (the keys of `agencies`), for rules that
    /// search a line's bytes for them.
    let agencyTagBytes: [[UInt8]]

    /// The lexicon shipped with the module.
    static let standard = Lexicon(loader: { name in
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Lexicons"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("missing lexicon resource \(name).txt") }
        return text
    })

    /// Builds a lexicon from file contents.
    ///
    /// - Parameter loader: the text of a lexicon file by name (without extension).
    init(loader: (String) -> String) {
        func entries(_ name: String) -> [String] {
            loader(name).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") || $0 == "###" }
        }
        func pairs(_ name: String) -> [(String, String)] {
            entries(name).compactMap { line in
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
        }
        self.navigationLines = Set(entries("navigation").map(TextFolding.fold))
        self.navigationPrefixes = entries("navigation-prefixes").map(TextFolding.fold)
        self.blockOpeners = entries("block-openers").map(TextFolding.fold)
        self.publicationWords = Set(entries("publication-words").map(TextFolding.fold))
        self.agencies = Dictionary(pairs("agencies").map { (TextFolding.fold($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
        self.releaseMarkers = Set(entries("release-markers").map(TextFolding.fold))
        self.languages = Set(entries("languages"))
        self.honorifics = Set(entries("honorifics").map(TextFolding.fold))
        self.titles = Set(entries("titles").map(TextFolding.fold))
        self.organizationWords = Set(entries("organization-words").map(TextFolding.fold))
        self.attributionVerbs = Set(entries("attribution-verbs").map(TextFolding.fold))
        self.characterisingVerbs = Set(entries("characterising-verbs").map(TextFolding.fold))
        self.documentNouns = Set(entries("document-nouns").map(TextFolding.fold))
        self.placeWords = Set(entries("place-words").map(TextFolding.fold))
        self.placeNouns = Set(entries("place-nouns").map(TextFolding.fold))
        self.organizationNouns = Set(entries("organization-nouns").map(TextFolding.fold))
        let acronyms = Dictionary(pairs("acronyms"), uniquingKeysWith: { first, _ in first })
        self.acronyms = acronyms
        self.abbreviations = Set(entries("abbreviations").map(TextFolding.fold))
        self.acronymsByName = Dictionary(grouping: acronyms.keys.sorted(), by: { acronyms[$0] ?? "" })
        self.stopwords = Set(entries("stopwords").map(TextFolding.fold))
        self.bylineRoles = Set(entries("byline-roles").map(TextFolding.fold))
        self.dateLabels = Dictionary(
            pairs("date-labels").compactMap { label, kind in DateLineLabel(rawValue: kind).map { (TextFolding.fold(label), $0) } },
            uniquingKeysWith: { first, _ in first })
        self.releaseWires = entries("release-wires").map(TextFolding.fold)
        self.pressContactHeadings = entries("press-contact-headings").map(TextFolding.fold)
        self.authorBoxPrefixes = entries("author-box").map(TextFolding.fold)
        self.creditMarkers = entries("credit-markers").map { $0.lowercased() }
        self.captionOpeners = entries("caption-openers").map { $0.lowercased() }
        self.teaserOpeners = entries("teaser-openers").map { $0.lowercased() }
        self.readerPrompts = entries("reader-prompts").map { $0.lowercased() }
        self.socialNetworks = entries("social-networks").map { $0.lowercased() }
        self.timestampOpeners = entries("timestamp-openers").map { $0.lowercased() }
        self.legalForms = Set(entries("legal-forms").map(TextFolding.fold))
        self.givenNames = Set(entries("given-names").map(TextFolding.fold))
        self.surnames = Set(entries("surnames").map(TextFolding.fold))
        self.demonyms = Dictionary(pairs("demonyms").map { (TextFolding.fold($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
        self.sectionHeadings = Dictionary(
            pairs("section-headings").compactMap { heading, section in Section(rawValue: section).map { (TextFolding.fold(heading), $0) } },
            uniquingKeysWith: { first, _ in first })
        self.contactsHeadings = self.sectionHeadings.filter { $0.value == .contacts }.map(\.key).sorted()
        let layoutEntries = [Array(self.releaseMarkers), Array(self.sectionHeadings.keys), Array(self.navigationLines), self.navigationPrefixes]
        self.longestLayoutEntryBytes = layoutEntries.joined().map(\.utf8.count).max() ?? 0
        self.agencyTagBytes = self.agencies.keys.sorted().map { Array($0.utf8) }
    }
}
