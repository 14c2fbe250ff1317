/// Texts shaped to make extraction do the most work per byte: the shapes a hostile or broken
/// client can send, each grown to a target size.
///
/// Every shape is deterministic: the same shape and size always give the same text. Names are
/// made of syllables from a counter, so a text of a million bytes names thousands of distinct
/// people, places and organizations rather than repeating one.
public enum AdversarialText {
    /// One kind of hostile text.
    public enum Shape: String, CaseIterable, Sendable {
        /// `“We will not stop,” said Jane Kaberu.` repeated with ever new speakers.
        case repeatedAttributions = "repeated-attributions"
        /// `President Alan Kaberu, Minister Ruth Tosami, …`: titled names, one long list.
        case titledNames = "titled-names"
        /// `in Kaberu, Tosami, Lunedi and …`: a list of places after a preposition.
        case placeLists = "place-lists"
        /// `on 3 March 2019, on 4 March 2019, …`: dates, one after another.
        case dateLists = "date-lists"
        /// `Kaberu Tosami Lunedi …`: capitalised words with no sentence end.
        case capitalisedWords = "capitalised-words"
        /// One line of prose with no line break at all.
        case singleLine = "single-line"
        /// `"` over and over: quotation marks that open and close nothing.
        case quotationMarks = "quotation-marks"
        /// `he said` chains: pronoun speakers that each look back for a person.
        case pronounChains = "pronoun-chains"
        /// Short lines, one menu item each: a page that is all navigation.
        case shortLines = "short-lines"
        /// `By Jane Kaberu and Alan Tosami` bylines and `Updated …` date lines, over and over.
        case bylines = "bylines"
    }

    /// A text of `shape` of at least `bytes` UTF-8 bytes (it stops at the first unit past it).
    public static func make(_ shape: Shape, bytes: Int) -> String {
        var text = "Headline of a hostile page\n\n"
        var index = 0
        while text.utf8.count < bytes {
            text += self.unit(shape, index)
            index += 1
        }
        return text
    }

    private static func unit(_ shape: Shape, _ n: Int) -> String {
        switch shape {
        case .repeatedAttributions:
            return "\u{201C}We will not stop here,\u{201D} said \(self.givenName(n)) \(self.name(n)). "
                + (n % 8 == 7 ? "\n\n" : "")
        case .titledNames:
            return "President \(self.givenName(n)) \(self.name(n)), Minister \(self.givenName(n + 1)) \(self.name(n + 7)), "
        case .placeLists:
            return n % 50 == 0 ? "Talks were held in \(self.name(n))" : ", \(self.name(n))"
        case .dateLists:
            return "on \(n % 28 + 1) March \(1990 + n % 30), "
        case .capitalisedWords:
            return "\(self.name(n)) "
        case .singleLine:
            return "The council said on Tuesday that \(self.name(n)) would meet officials in \(self.name(n + 3)). "
        case .quotationMarks:
            return n % 2 == 0 ? "\"" : "\u{201C} "
        case .pronounChains:
            return n % 16 == 0
                ? "\(self.givenName(n)) \(self.name(n)) spoke first. "
                : "\u{201C}It is done,\u{201D} he said. \u{201C}We go on,\u{201D} she added. "
        case .shortLines:
            return "\(self.name(n))\n"
        case .bylines:
            return "By \(self.givenName(n)) \(self.name(n)) and \(self.givenName(n + 1)) \(self.name(n + 1))\nUpdated \(n % 12 + 1):0\(n % 10) PM ET, Tue November \(n % 28 + 1), 2019\n\n"
        }
    }

    private static let syllables = ["ka", "be", "ru", "to", "sa", "mi", "lu", "ne", "di", "po", "va", "te", "go", "ri", "fa", "zo"]

    /// A capitalised made-up word, distinct for each `n` (`Kaberu`, `Tosami`, …).
    static func name(_ n: Int) -> String {
        var value = n
        var word = ""
        repeat {
            word += self.syllables[value % self.syllables.count]
            value /= self.syllables.count
        } while value > 0
        word += self.syllables[(n * 7 + 3) % self.syllables.count]
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    private static let givenNames = ["Jane", "Alan", "Ruth", "Omar", "Li", "Maria", "John", "Aisha"]

    /// A common given name, cycling.
    static func givenName(_ n: Int) -> String {
        self.givenNames[n % self.givenNames.count]
    }
}
