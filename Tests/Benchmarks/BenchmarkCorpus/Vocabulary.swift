import Foundation
import TestSupport

/// The word forms generated text is made of, ranked from most to least frequent, and a sampler
/// whose frequencies fall off like Zipf's law (the word of rank `r` is drawn with probability
/// proportional to `1 / r`).
///
/// The top ranks are real English function and news words; below them come about 30,000
/// synthetic forms built from syllables (some with an inflected sibling such as `-s`, `-ed` or
/// `-ing`, so stemming has something to do). The same `seed` always gives the same words in
/// the same order.
public struct Vocabulary: Sendable {
    /// Every word form, most frequent first; all lower case.
    public let words: [String]
    /// How many of the top ranks are real English words.
    public let realWordCount: Int

    /// Real English words, most frequent first: function words, then common news words.
    static let realWords: [String] = """
        the of and to in a that for on is said was with as by at it from his be has have he an \
        are not its will were which would but had this their they been who after also more than \
        new one year two about government over people up or last first we other into could when \
        there officials can all minister president out some our police three since against while \
        percent state country told under between those because week during before so million \
        years no only most public no national city group our many us any time world help if \
        including where like party health security court report four plan after support \
        former billion economic military local months next both forces region day through \
        agency law work political international company official election week called added \
        million countries five water says made held set help children family members statement \
        ministry council talks agreement budget workers programme funding project measures policy \
        data review decision vote meeting crisis reform network services community sector \
        proposal growth cost risk supply demand market prices access rights power trade energy \
        schools housing transport rail ports fisheries forests vaccines hospital doctors patients \
        farmers harvest drought flooding storm climate emissions border refugees migrants aid \
        humanitarian conflict ceasefire troops peace negotiations sanctions exports imports \
        inflation interest rates central bank bonds investors shares profit revenue quarter \
        results jobs unemployment wages strike union protest protesters demonstrators rally \
        arrested detained charged trial judge prosecutors lawyers verdict appeal sentence prison \
        investigation inquiry allegations corruption fraud scandal resignation parliament senate \
        lawmakers opposition coalition campaign candidates voters ballot turnout constitution \
        referendum cabinet spokesman spokeswoman director chief executive chairman board \
        shareholders merger acquisition deal contract tender infrastructure construction \
        bridge highway airport airline flights passengers tourism hotels festival museum \
        university students teachers education research scientists study survey experts \
        analysts warned urged announced expected estimated reported according despite however \
        although without within across around among further earlier later today yesterday \
        morning evening night \
        capital province district village residents citizens authorities emergency rescue \
        victims injured killed dead fire earthquake landslide outbreak disease cases deaths \
        treatment medicine pharmaceutical technology digital internet online platform \
        software companies startup industry manufacturing factory plant production output \
        oil gas coal solar wind electricity grid fuel shortage subsidies tax taxes debt deficit \
        loans fund donors development poverty food prices shortages increase decrease rise \
        fall higher lower record level levels major key significant important current future \
        recent previous annual monthly daily general special senior deputy regional federal
        """.split(whereSeparator: \.isWhitespace).map(String.init).uniqued()

    /// Syllables in a synthetic stem, as often as each should come up (mostly two).
    private static let syllableCounts = [1, 1, 2, 2, 2, 2, 3, 3, 3, 4]
    /// Consonant clusters a synthetic syllable may start with.
    private static let onsets = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
        "br", "cr", "dr", "fr", "gr", "pr", "tr", "bl", "cl", "fl", "gl", "pl", "sl", "st", "sp", "sk", "ch", "sh", "th", "qu", "", "", "", "", ""]
    /// Vowels and diphthongs at a synthetic syllable's heart.
    private static let nuclei = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "io", "ie", "y"]
    /// Consonants a synthetic syllable may end with (often none).
    private static let codas = ["", "", "", "", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "nt", "rt", "st", "ck", "x", "ng"]
    /// Endings that make an inflected sibling of a synthetic stem.
    private static let inflections = ["s", "ed", "ing", "er", "ly", "ation", "ers", "ness"]

    /// Builds the vocabulary: the real words, then synthetic forms until there are `size`.
    public init(seed: UInt64 = 0x5EED_0F_C0DE, size: Int = 30_000) {
        var random = SplitMix64(seed: seed)
        var words = Self.realWords
        var seen = Set(words)
        words.reserveCapacity(size)
        while words.count < size {
            var stem = ""
            for _ in 0..<Self.syllableCounts.randomElement(using: &random)! {
                stem += Self.onsets.randomElement(using: &random)!
                stem += Self.nuclei.randomElement(using: &random)!
                stem += Self.codas.randomElement(using: &random)!
            }
            guard stem.count >= 3, stem.count <= 12, seen.insert(stem).inserted else { continue }
            words.append(stem)
            if random.next() % 5 < 2, words.count < size {
                let inflected = stem + Self.inflections.randomElement(using: &random)!
                if seen.insert(inflected).inserted { words.append(inflected) }
            }
        }
        self.words = words
        self.realWordCount = Self.realWords.count
    }

    /// A word drawn with probability falling as 1/rank.
    public func zipfWord(_ random: inout SplitMix64) -> String {
        self.words[random.zipfIndex(below: self.words.count)]
    }

    /// A word drawn as `zipfWord(_:)` does, but never from the `skipping` most frequent ranks
    /// (for headline words, which are rarely function words).
    public func contentWord(_ random: inout SplitMix64, skipping: Int = 40) -> String {
        while true {
            let rank = random.zipfIndex(below: self.words.count)
            if rank >= skipping { return self.words[rank] }
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, later repeats dropped.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return self.filter { seen.insert($0).inserted }
    }
}
