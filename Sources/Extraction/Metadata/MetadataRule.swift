/// The rules of the metadata stage, by name: the provenance of each value it finds.
enum MetadataRule: String, Sendable, Hashable, CaseIterable {
    /// A line of the page repeats the headline part of the browser title (`Headline | Site`).
    case headlineRepeatsBrowserTitle = "headline-repeats-browser-title"
    /// The headline line just above the byline and date block before the story.
    case headlineAboveByline = "headline-above-byline"
    /// The headline line just below the byline and date block, before the story.
    case headlineBelowByline = "headline-below-byline"
    /// The headline line nearest the story when no byline or date block precedes it.
    case headlineBeforeBody = "headline-before-body"
    /// The agency tag of the lede's dateline (`LOS ANGELES (AP) —`).
    case agencyInDateline = "agency-in-dateline"
    /// An agency the byline names (`By Jane Doe, Reuters`, `The Associated Press`).
    case agencyInByline = "agency-in-byline"
    /// An agency in a credit line (`PTI, Washington,`).
    case agencyInCreditLine = "agency-in-credit-line"
    /// A newswire tag of a press release (`/PRNewswire/`).
    case releaseWire = "release-wire"
    /// The site segment of the browser title (`Headline - Site`).
    case siteInBrowserTitle = "site-in-browser-title"
    /// A publisher tag in the lede's dateline (`HONOLULU (Station News) -`).
    case publisherInDateline = "publisher-in-dateline"
    /// The holder of the copyright notice (`© 2019 Name`).
    case copyrightHolder = "copyright-holder"
    /// A publisher the byline names (`By Jane Doe | Name`).
    case publisherInByline = "publisher-in-byline"
    /// A date line labelled as the publication (`Published`, `Posted`, `Original`).
    case labelledPublished = "labelled-published"
    /// A date line with no label.
    case dateLine = "date-line"
    /// A date line labelled as an update, when the page gives no other.
    case labelledUpdated = "labelled-updated"
    /// The dateline opening the lede (`BUFFALO, N.Y. —`).
    case ledeDateline = "lede-dateline"
    /// The place in a credit line (`Reuters, Washington,`).
    case creditLinePlace = "credit-line-place"
    /// A line of its own naming the place in capitals (`BAAR, SWITZERLAND`).
    case placeLine = "place-line"
    /// A press-release marker near the headline (`For immediate release`).
    case releaseMarker = "release-marker"
    /// Press contacts after the story (`Media contact:`).
    case pressContacts = "press-contacts"
    /// An `About NAME` section after the story on the organisation the headline names.
    case aboutIssuer = "about-issuer"
    /// No sign of a press release.
    case newsByDefault = "news-by-default"
    /// The names in the byline.
    case byline = "byline"
}
