import DocumentModel
import Foundation

/// The holder and year a page's copyright notice names: `© 2019 Example Media. All rights
/// reserved.` → `Example Media`, 2019.
struct CopyrightNotice: Sendable, Hashable {
    /// Who holds the copyright, if the notice names anyone.
    let holder: String?
    /// The year, if given.
    let year: Int?

    /// Words that end the holder's name.
    private static let endings = [".", ",", "|", " all rights", " - ", " \u{2013} ", " is ", " are "]

    /// The longest holder name, in words.
    static let maximumHolderWords = 6

    /// The first copyright notice on the page.
    ///
    /// - Complexity: O(n) in the length of the page.
    static func first(in page: PageLines, legalForms: Set<String>) -> CopyrightNotice? {
        for line in page.nonblank {
            let text = page.lines[line]
            // Most lines have neither the sign nor the word: looked for on bytes before Foundation.
            guard text.utf8.count <= 300, self.mayBeNotice(text) else { continue }
            guard let start = text.range(of: "\u{00A9}")?.upperBound ?? text.range(of: "Copyright ")?.upperBound else { continue }
            return self.parse(text[start...], legalForms: legalForms)
        }
        return nil
    }

    /// Whether the line has the bytes of `©` (C2 A9) or of `Copyright `, which a notice must.
    private static func mayBeNotice(_ text: Substring) -> Bool {
        var previous: UInt8 = 0
        var matchedWord = 0
        for byte in text.utf8 {
            if previous == 0xC2 && byte == 0xA9 { return true }
            previous = byte
            matchedWord = byte == self.word[matchedWord] ? matchedWord + 1 : (byte == self.word[0] ? 1 : 0)
            if matchedWord == self.word.count { return true }
        }
        return false
    }

    /// The bytes of `Copyright `.
    private static let word = Array("Copyright ".utf8)

    /// Reads what follows the `©` sign; the holder's legal form (`Ltd`) is left out.
    static func parse(_ text: Substring, legalForms: Set<String>) -> CopyrightNotice {
        var rest = text.drop { $0 == " " }
        var year: Int?
        // "2019", "2002-2019", "1995 - 2019", then perhaps ". " or "by ".
        let years = rest.prefix { $0.isNumber || $0 == "-" || $0 == "\u{2013}" || $0 == " " }
        let digits = years.filter(\.isNumber)
        if digits.count >= 4, let last = Int(digits.suffix(4)) {
            year = last
            rest = rest.dropFirst(years.count).drop { $0 == " " || $0 == "," || $0 == "." }
            if rest.hasPrefix("by ") { rest = rest.dropFirst(3) }
        }
        var holder = Substring(rest)
        for ending in self.endings {
            if let range = holder.range(of: ending, options: .caseInsensitive) { holder = holder[..<range.lowerBound] }
        }
        var words = LineShape.words(holder)
        while words.count > 1, let last = words.last, legalForms.contains(ASCIIFolding.fold(last)) { words.removeLast() }
        let name = words.joined(separator: " ")
        // "Designed by Example Studio" credits the web designer, not the publisher.
        let isName = (1...self.maximumHolderWords).contains(words.count) && name.first?.isUppercase == true && !words.contains("by")
        return CopyrightNotice(holder: isName ? name : nil, year: year)
    }
}
