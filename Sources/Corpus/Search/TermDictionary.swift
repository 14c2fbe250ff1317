import DocumentModel

/// The terms of a segment being built: each word read is numbered by its term, and each
/// distinct word is folded and stemmed once.
///
/// Terms are numbered in the order they first occur, so the numbering depends only on the
/// items and their order.
struct TermDictionary {
    /// Term → its number.
    private(set) var numbers: [String: Int] = [:]
    /// Terms by number.
    private(set) var terms: [String] = []
    /// Every folded word → its term's number (several words as written may fold to one).
    private(set) var forms: [String: Int] = [:]
    /// Words as `SearchToken.forEachWord` gives them → their term's number.
    private var words = WordTable()

    /// The number of the term of a word given as `SearchToken.forEachWord` gives it.
    mutating func number(of word: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Int {
        switch self.words.lookUp(word) {
        case .found(let number):
            return Int(number)
        case .missing(let place):
            let number = self.number(ofFolded: SearchToken.folded(word, isASCII: isASCII))
            self.words.insert(word, number: Int32(number), at: place)
            return number
        }
    }

    private mutating func number(ofFolded folded: String) -> Int {
        if let known = self.forms[folded] { return known }
        let term = Stemmer.stem(folded)
        let number: Int
        if let known = self.numbers[term] {
            number = known
        } else {
            number = self.terms.count
            self.numbers[term] = number
            self.terms.append(term)
        }
        self.forms[folded] = number
        return number
    }
}
