import DocumentModel

extension LayoutAnalyzer {
    /// Words of prose that make a unit the lede, when the rules look for one.
    static let ledeMinimumWords = 15

    /// Analyses normalised lines whose story the body-line classifier has found.
    ///
    /// Chrome inside the story (captions, credits, teasers, reader prompts, pull quotes) is
    /// blanked first by `StoryChromeFilter`; the layout records what it removed and why.
    ///
    /// The lines before the story are front matter (headline, masthead, date, release
    /// marker), as are the story's units before its first prose: a headline, a date or a
    /// byline the classifier took in. Prose long enough for a lede is left out of the front
    /// matter: it is a standfirst, a teaser or a banner, never the headline.
    ///
    /// The classifier decides the body; the rules decide what follows it. From the first line
    /// after the story's start that opens a section of its own (a release marker, a
    /// background or contacts heading), every line to the end of the page is read on,
    /// including those the classifier left out, and kept only in a background, contacts or
    /// footer section: media contacts and footers are not body, but a press release needs
    /// them. When that line comes after the story with one short label between, the label is
    /// kept too: a press release signs off with its organization before its contacts.
    ///
    /// - Parameters:
    ///   - lines: the page's lines (spaces collapsed and trimmed, metadata line removed).
    ///   - story: where the classifier found the story in `lines`.
    /// - Returns: the layout; no paragraphs when the story has no text unit.
    func analyze(_ lines: ArraySlice<Substring>, story: StoryLines) -> Layout {
        let body = self.bodyLines(lines, story: story)
        let classified = { (unit: Unit) in (unit, self.classify(unit.text)) }
        let filtered = StoryChromeFilter(lexicon: self.lexicon).filter(body.keptLines(of: lines))
        let storyUnits = self.units(of: filtered.lines).map(classified)
        var layout = Layout()
        layout.removedChrome = filtered.removals
        guard let ledeIndex = storyUnits.firstIndex(where: { $0.1 == .prose }) ?? storyUnits.firstIndex(where: { $0.1 == .label })
        else { return layout }
        layout.ledeLine = storyUnits[ledeIndex].0.line
        let frontMatter = self.units(of: lines[..<story.range.lowerBound]).map(classified) + storyUnits[..<ledeIndex]
        let isLedeLike = { (unit: (Unit, UnitKind)) in unit.1 == .prose && Self.wordCount(unit.0.text) >= Self.ledeMinimumWords }
        self.readFrontMatter(frontMatter.filter { !isLedeLike($0) }.map { ($0.0.text, $0.1) }, into: &layout)
        let storyParagraphs = self.mergingBlocks(storyUnits[ledeIndex...])
        let tail = self.mergingBlocks(self.units(of: lines[body.range.upperBound...]).map(classified)[...])
        self.readStory(storyParagraphs + tail, bodyEnd: storyParagraphs.count, into: &layout)
        return layout
    }

    /// The story up to the first line that opens a section after the body, with a sign-off
    /// that alone separates the two kept; the whole story when no line opens a section.
    private func bodyLines(_ lines: ArraySlice<Substring>, story: StoryLines) -> StoryLines {
        let candidates = story.range.lowerBound..<lines.endIndex
        guard let opener = candidates.first(where: { line in
            (line >= story.range.upperBound || !story.leftOut.contains(line)) && self.opensSection(String(lines[line]))
        })
        else { return story }
        let between = lines[min(opener, story.range.upperBound)..<opener].indices.filter { !lines[$0].isEmpty }
        guard between.count == 1, let signOff = between.first, self.classify(String(lines[signOff])) == .label
        else { return StoryLines(range: story.range.lowerBound..<min(opener, story.range.upperBound), leftOut: story.leftOut) }
        return StoryLines(range: story.range.lowerBound..<(signOff + 1), leftOut: story.leftOut)
    }

    /// Whether a line opens a section after the body: a release marker (`###`, `ENDS`), a
    /// background or contacts heading, or a line that begins like a contacts heading.
    private func opensSection(_ text: String) -> Bool {
        // Only what `classify` answers first decides; any other kind leaves it to the contacts test.
        switch self.releaseMarkerOrHeading(text, folded: self.classifyingFold(text)) {
        case .releaseMarker: return true
        case .heading(let section): return section != .body
        default: return self.opensContacts(text)
        }
    }
}
