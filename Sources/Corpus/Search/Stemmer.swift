import DocumentModel

/// A light English stemmer: plural, past and progressive endings and a final `e`, so that a
/// search for one form finds the others ("policies" → `policy`, "flooded" and "floods" →
/// `flood`, "planning" → `plan`, "houses" and "housing" → `hous`).
///
/// Deliberately light (Harman's S-stemmer plus `-ing`/`-ed` and Porter's final-`e` rule): it
/// conflates the forms news text most often varies and leaves words of four letters or fewer
/// ("news", "mars"), numbers and non-Latin words alone.
enum Stemmer {
    /// The stem of a folded word.
    ///
    /// Read on one copy of its bytes, with no other allocation (every distinct word of every
    /// segment built is stemmed, and comparing suffixes as arrays cost several per word); a
    /// word no rule changes is returned as it is.
    static func stem(_ word: String) -> String {
        var contiguous = word
        let stem: [UInt8]? = contiguous.withUTF8 { utf8 in
            guard utf8.count > 4, utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
            var bytes = Array(utf8)
            if Self.strip("ies", from: &bytes) || Self.strip("ied", from: &bytes) {
                bytes.append(UInt8(ascii: "y"))
            } else if bytes.last == UInt8(ascii: "s") {
                if !Self.hasSuffix("ss", bytes) && !Self.hasSuffix("us", bytes) && !Self.hasSuffix("is", bytes) { bytes.removeLast() }
            } else if Self.strip("ing", from: &bytes) || Self.strip("ed", from: &bytes) {
                Self.undouble(&bytes)
            }
            if bytes.count >= 4 && bytes.last == UInt8(ascii: "e") { bytes.removeLast() }
            // Every rule shortens the word ("ies" → "y" too): the same length is the same word.
            return bytes.count == utf8.count ? nil : bytes
        }
        return stem.map { String(decoding: $0, as: UTF8.self) } ?? word
    }

    /// Whether `bytes` ends with `suffix` and has more besides.
    private static func hasSuffix(_ suffix: StaticString, _ bytes: [UInt8]) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard bytes.count > length else { return false }
        return suffix.withUTF8Buffer { suffix in
            (0..<length).allSatisfy { bytes[bytes.count - length + $0] == suffix[$0] }
        }
    }

    /// Removes `suffix` when at least three letters, one of them a vowel, remain.
    private static func strip(_ suffix: StaticString, from bytes: inout [UInt8]) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard Self.hasSuffix(suffix, bytes), bytes.count - length >= 3, bytes[..<(bytes.count - length)].contains(where: Self.isVowelOrY)
        else { return false }
        bytes.removeLast(length)
        return true
    }

    /// "planned" → `plann` → `plan`; "falling" keeps `fall`, "passed" `pass`.
    private static func undouble(_ bytes: inout [UInt8]) {
        guard let last = bytes.last, bytes.count >= 3, bytes[bytes.count - 2] == last, !"lsz".utf8.contains(last),
            !"aeiou".utf8.contains(last)
        else { return }
        bytes.removeLast()
    }

    /// `a`, `e`, `i`, `o`, `u` or `y`.
    private static func isVowelOrY(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): return true
        default: return false
        }
    }
}
