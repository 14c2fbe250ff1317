/// Where one piece of a quotation stands in its paragraph, in Unicode scalars.
///
/// A quotation split by its attribution (`“We are ready,” she said. “We have been for years.”`)
/// or running over several paragraphs is several pieces, one per stretch between marks.
struct QuotationSpan: Sendable, Hashable {
    /// The paragraph's index in the document.
    let paragraph: Int
    /// The position of the span's paragraph among the paragraphs searched (body and background).
    let ordinal: Int
    /// The opening mark's offset.
    let open: Int
    /// The first quoted scalar (just after the opening mark).
    let start: Int
    /// One past the last quoted scalar.
    let end: Int
    /// One past the closing mark; `end` when the quotation is left open at the paragraph's end.
    let closeEnd: Int
    /// Whether a closing mark ends it.
    let isClosed: Bool
    /// Whether it opens its paragraph and continues a quotation the paragraph before left open.
    let continuesPrevious: Bool
    /// Whether it is a fragment inside a sentence: the opening mark follows a word, not the
    /// start of a sentence or a colon.
    let isPartial: Bool
}
