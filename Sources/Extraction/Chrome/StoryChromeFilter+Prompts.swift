import DocumentModel
import Foundation

extension StoryChromeFilter {
    /// `Related: …`, `Read more`, `Image 3 of 5`: a short line that opens like a teaser or
    /// counts a gallery's pictures.
    func isTeaser(_ lower: String, words: Int) -> Bool {
        guard words <= self.configuration.maximumTeaserWords else { return false }
        if SimpleText.hasPrefix(lower, oneOf: self.lexicon.teaserOpeners) { return true }
        // A gallery counter is a few words: longer lines are not split to find out.
        guard (3...5).contains(SimpleText.wordCount(lower, cappedAt: 6)) else { return false }
        let counter = lower.split(separator: " ")
        return counter.count >= 3 && counter.count <= 5 && ["image", "photo", "picture", "slide"].contains(String(counter[0]))
            && counter[1].allSatisfy(\.isNumber) && counter[2] == "of"
    }

    /// A short line that speaks to the reader: it opens like a prompt (`reader-prompts.txt`),
    /// calls to follow on a social network, or offers a newsletter to sign up or subscribe to.
    func isReaderPrompt(_ lower: String, words: Int) -> Bool {
        guard words <= self.configuration.maximumPromptWords else { return false }
        if SimpleText.hasPrefix(lower, oneOf: self.lexicon.readerPrompts) { return true }
        if lower.hasPrefix("follow "), self.lexicon.socialNetworks.contains(where: lower.contains) { return true }
        return SimpleText.contains(lower, "newsletter") && (SimpleText.contains(lower, "sign up") || SimpleText.contains(lower, "subscribe"))
    }

    /// `First published on November 19, 2019 / 8:16 AM`: a short line with a digit that opens
    /// like a publication stamp.
    func isTimestamp(_ lower: String, words: Int) -> Bool {
        words <= self.configuration.maximumStampWords && lower.contains(where: \.isNumber)
            && SimpleText.hasPrefix(lower, oneOf: self.lexicon.timestampOpeners)
    }

    /// `© 2019 Example Media`, `1996-98 Example Inc., All rights reserved`: a short line with
    /// a digit and a copyright sign or an all-rights clause.
    func isCopyrightNotice(_ lower: String, words: Int) -> Bool {
        guard words <= self.configuration.maximumCopyrightWords, lower.contains(where: \.isNumber) else { return false }
        return lower.contains("\u{00A9}") || lower.hasPrefix("copyright ") || lower.contains("all right")
    }
}
