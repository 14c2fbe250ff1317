import DocumentModel

/// The terms of a segment being built: each word read is numbered by its term, and each
/// distinct word is folded and stemmed once.
///
/// Terms are numbered in the order they first occur, so the numbering depends only on the
/// items and their order. Words, folded forms and terms are all looked up in `WordTable`s
/// (one hash of their bytes, no rehashing as they grow): `Dictionary`s of `String`s, hashed
/// again at every growth, were most of the cost of a segment's dictionary. The segment keeps
/// `termNumbers` for its queries.
struct TermDictionary {
    /// Terms by number.
    private(set) var terms: [String] = []
    /// Every folded word with its term's number (several words as written may fold to one),
    /// in the order first read.
    private(set) var forms: [(form: String, number: Int)] = []
    /// Words as `SearchToken.forEachWord` gives them → their term's number.
    private var words = WordTable()
    /// Folded words → their term's number.
    private var formNumbers = WordTable()
    /// Terms → their number.
    private(set) var termNumbers = WordTable()

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
        var bytes = folded
        return bytes.withUTF8 { form in
            switch self.formNumbers.lookUp(form) {
            case .found(let number):
                return Int(number)
            case .missing(let place):
                let number = self.number(ofTerm: Stemmer.stem(folded))
                self.formNumbers.insert(form, number: Int32(number), at: place)
                self.forms.append((folded, number))
                return number
            }
        }
    }

    private mutating func number(ofTerm term: String) -> Int {
        var bytes = term
        return bytes.withUTF8 { stem in
            switch self.termNumbers.lookUp(stem) {
            case .found(let number):
                return Int(number)
            case .missing(let place):
                self.termNumbers.insert(stem, number: Int32(self.terms.count), at: place)
                self.terms.append(term)
                return self.terms.count - 1
            }
        }
    }
}
