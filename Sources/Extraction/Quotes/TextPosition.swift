/// A place in a document: a paragraph and a scalar offset in it, ordered as read.
struct TextPosition: Sendable, Hashable, Comparable {
    /// The paragraph's index.
    let paragraph: Int
    /// The offset in the paragraph's text, in Unicode scalars.
    let offset: Int

    static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.paragraph, lhs.offset) < (rhs.paragraph, rhs.offset)
    }
}
