/// A rule that removes a line of page chrome from inside a story, named on each removal so
/// that every decision says what made it.
enum StoryChromeRule: String, Sendable, Hashable, CaseIterable {
    /// A picture's credit or caption line: it opens like one (`Image credit: …`, `FILE PHOTO:`),
    /// ends with a credit (`… (Photo: Agency)`, `… in 2018. Credit: Agency`), or is a short
    /// photographer-and-agency line (`Jane Doe, AP`).
    case pictureCredit
    /// The caption just above a short credit line, with no blank line between them.
    case captionBeforeCredit
    /// A teaser for another page (`Related: …`, `Read more`), or a gallery's or tag list's label.
    case teaser
    /// A line that speaks to the reader: newsletter and subscription boxes, calls to follow or
    /// write to the author, comment rules, affiliate notices.
    case readerPrompt
    /// The page's own publication stamp (`First published on November 19, 2019`).
    case timestamp
    /// HTML the scraper left escaped (`&lt;span …&gt;`).
    case markupResidue
    /// A pull quote or a caption that repeats, word for word, a longer line of the story.
    case repeatedText
    /// A headline in title case alone in its block between paragraphs (`Man Shot at Gas Station
    /// Dies at Hospital`): a teaser for another story, not a paragraph.
    case teaserHeadline
    /// A long line that reads like a headline (no sentence end) alone in its block.
    case unpunctuatedHeadline
    /// A copyright notice (`© 2019 Example Media`, `1996-98 Example Inc., All rights reserved`).
    case copyrightNotice
}
