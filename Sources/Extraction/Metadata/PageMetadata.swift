import DocumentModel

/// What a page says about itself: headline, publisher, publication date, dateline, kind and
/// authors, each with the rule that found it.
///
/// Produced by `MetadataReader` from the page's lines alone; every field but `kind` may be
/// missing when the page does not say.
struct PageMetadata: Sendable, Hashable {
    /// The headline the page shows.
    var title: Finding<String>?
    /// The publisher or agency the story belongs to.
    var source: Finding<String>?
    /// The day the story was first published.
    var published: Finding<CalendarDate>?
    /// The place the story was filed from, as written.
    var dateline: Finding<String>?
    /// News article or press release.
    var kind: Finding<DocumentKind>
    /// The people the byline names, in order, roles and agencies left out.
    var authors: Finding<[String]>?
}

/// A value and the rule that produced it.
struct Finding<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value found.
    let value: Value
    /// The rule that found it.
    let rule: MetadataRule
}
