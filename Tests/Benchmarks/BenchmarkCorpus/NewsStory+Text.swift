import Corpus
import DocumentModel

extension NewsStory {
    /// Three-letter month abbreviations, as agency datelines write them.
    private static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// Full month names, for written dates.
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"]

    /// The story as raw text arrives at the ingestor: headline, byline, dateline, release
    /// markers, contacts, and (for web pages) the navigation and sharing links around it.
    public var text: String {
        let date = self.published
        let writtenDate = "\(date.day) \(Self.monthNames[date.month - 1]) \(date.year)"
        let body = self.blocks.filter { $0.section == .body }.map(\.text)
        let rest = self.blocks.filter { $0.section != .body }.map(\.text)
        var parts: [String]
        switch self.template {
        case .wire:
            let dateline = "\(self.place.city.uppercased()), \(Self.monthAbbreviations[date.month - 1]) \(date.day) (\(self.source)) - "
            parts = [self.title, "By \(self.byline ?? "Staff")", dateline + body[0]] + body.dropFirst() + rest
        case .pressRelease:
            parts = ["\(self.issuer ?? self.source) — Press Release", "FOR IMMEDIATE RELEASE", writtenDate, self.title,
                "\(self.place.city.uppercased()) — \(body[0])"] + body.dropFirst() + ["###"] + rest
        case .feature:
            parts = [self.title, self.standfirst ?? "", "By \(self.byline ?? "Staff") | \(writtenDate)"] + body
        case .webPage:
            parts = ["Skip to main content", "Home\nWorld\nSubscribe", self.title, self.standfirst ?? "",
                "By \(self.byline ?? "Staff")", "Published \(writtenDate)", "Share on Facebook\nCopy link"] + body
                + ["Read more:\n\(self.title)"]
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
