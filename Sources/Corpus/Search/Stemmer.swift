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
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 4, bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return word }
        if Self.strip("ies", from: &bytes) || Self.strip("ied", from: &bytes) {
            bytes.append(UInt8(ascii: "y"))
        } else if bytes.last == UInt8(ascii: "s") {
            if !Self.hasSuffix("ss", bytes) && !Self.hasSuffix("us", bytes) && !Self.hasSuffix("is", bytes) { bytes.removeLast() }
        } else if Self.strip("ing", from: &bytes) || Self.strip("ed", from: &bytes) {
            Self.undouble(&bytes)
        }
        if bytes.count >= 4 && bytes.last == UInt8(ascii: "e") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hasSuffix(_ suffix: String, _ bytes: [UInt8]) -> Bool {
        let suffix = Array(suffix.utf8)
        return bytes.count > suffix.count && Array(bytes.suffix(suffix.count)) == suffix
    }

    /// Removes `suffix` when at least three letters, one of them a vowel, remain.
    private static func strip(_ suffix: String, from bytes: inout [UInt8]) -> Bool {
        let length = suffix.utf8.count
        guard Self.hasSuffix(suffix, bytes), bytes.count - length >= 3,
            bytes.dropLast(length).contains(where: { "aeiouy".utf8.contains($0) })
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
}
