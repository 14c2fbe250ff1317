/// The word lists of the body-line features (FEATURES.md §2): general English function words,
/// general web-boilerplate words and month names, in lower-case ASCII.
///
/// They are part of the trained model's definition, not an editable lexicon: changing them
/// changes the features the weights were fitted to, so they live in code beside the features.
enum BodyLineWords {
    /// General English function words.
    static let stopwords: Set<String> = Self.words("""
        a about above after again against all also am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers herself him himself his how i if in into is it
        its itself just me more most my myself no nor not now of off on once only or other our ours
        ourselves out over own same she should so some such than that the their theirs them
        themselves then there these they this those through to too under until up very was we were
        what when where which while who whom why will with would you your yours yourself yourselves
        said says
        """)

    /// General web-boilerplate words.
    static let chrome: Set<String> = Self.words("""
        subscribe subscribed subscriber subscribers subscription subscriptions newsletter
        newsletters sign login logout register registration account cookie cookies privacy policy
        terms conditions advertisement advertising advertise ad ads sponsored share shares shared
        tweet email print comments comment reply replies related recommended popular trending menu
        search home contact copyright rights reserved follow download app apps click loading skip
        navigation previous next tags topics accept consent settings premium feedback faq help
        careers sitemap rss permalink javascript browser facebook twitter instagram linkedin
        whatsapp pinterest youtube reddit
        """)

    /// English month names and their abbreviations.
    static let months: Set<String> = Self.words("""
        january february march april may june july august september october november
        december jan feb mar apr jun jul aug sep sept oct nov dec
        """)

    /// The length of the longest entry of any list: a longer word is in none of them.
    static let longestWord = [Self.stopwords, Self.chrome, Self.months].joined().map(\.count).max() ?? 0

    /// The lists a word is in.
    struct Lists: OptionSet, Sendable {
        let rawValue: UInt8
        static let stopword = Lists(rawValue: 1)
        static let chrome = Lists(rawValue: 2)
        static let month = Lists(rawValue: 4)
    }

    /// Every listed word by its `key(lowercaseLetters:)`: a line's words are looked up by a
    /// number, not by a `String` built and hashed for each (FEATURES.md §2 is unchanged).
    static let lists = ListTable({
        precondition(Self.longestWord <= Self.longestKeyedWord, "a listed word is too long for its key")
        var lists: [UInt64: Lists] = [:]
        for (list, flag) in [(Self.stopwords, Lists.stopword), (Self.chrome, .chrome), (Self.months, .month)] {
            for word in list { lists[Self.key(lowercaseLetters: word.unicodeScalars), default: []].insert(flag) }
        }
        return lists
    }())

    /// The longest word `key(lowercaseLetters:)` tells apart: 27¹³ < 2⁶⁴.
    static let longestKeyedWord = 13

    /// A word of at most `longestKeyedWord` ASCII lower-case letters as a number in base 27,
    /// one digit (1–26) per letter: distinct words have distinct keys.
    static func key(lowercaseLetters word: some Sequence<Unicode.Scalar>) -> UInt64 {
        var key: UInt64 = 0
        for letter in word { key = key &* 27 &+ UInt64(letter.value &- 0x60) }
        return key
    }

    private static func words(_ list: String) -> Set<String> {
        Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }
}
