import DocumentModel

/// A date mention's place on a timeline: by date (as written: `2024` before `2024-03` before
/// `2024-03-05`), then document id, paragraph and start, then its place in the document's
/// dates; `scope` first, the whole timeline or one entity's.
struct TimelineKey: Comparable, Sendable {
    /// Which timeline a key is on.
    enum Scope: Comparable, Sendable {
        /// Every mention.
        case all
        /// The mentions in a paragraph that names the entity with this id.
        case entity(String)

        /// The least scope after this one, whose first key bounds this one's from above.
        var successor: Scope {
            switch self {
            case .all: .entity("")
            case .entity(let id): .entity(id.successor)
            }
        }
    }

    let scope: Scope
    let date: String
    let documentID: String
    let paragraph: Int
    let start: Int
    /// The mention's index in its document's `dates`.
    let mention: Int

    static func < (left: TimelineKey, right: TimelineKey) -> Bool {
        (left.scope, left.date, left.documentID, left.paragraph, left.start, left.mention)
            < (right.scope, right.date, right.documentID, right.paragraph, right.start, right.mention)
    }
}

extension TimelineKey {
    /// The first place a mention dated `date` (or later) can take in `scope`.
    init(_ scope: Scope, from date: String) {
        self.init(scope: scope, date: date, documentID: "", paragraph: .min, start: .min, mention: .min)
    }
}

/// Every date mention in timeline order, and each entity's: the mentions in a paragraph that
/// names it. A write adds and removes a document's mentions, O((*d* + *d*·*e*) log *n*) for *d*
/// mentions and *e* entities per paragraph; a range of days is at most three runs of the
/// order, found in O(log *n*).
struct TimelineIndex: Sendable {
    private var keys: DocumentKeys<TimelineKey>

    /// The timeline of `documents`.
    init(_ documents: some Sequence<Document>) {
        self.keys = DocumentKeys(documents, keys: Self.keys)
    }

    /// Drops `document`'s mentions.
    mutating func remove(_ document: Document) { self.keys.remove(document) }

    /// Adds `document`'s mentions.
    mutating func add(_ document: Document) { self.keys.add(document) }

    /// The mentions whose days overlap `from`...`to` (either open), of the whole timeline or,
    /// with `entity`, of that entity's, in timeline order.
    ///
    /// A mention covers one day, a month or a year, and its date as written sorts with its first
    /// day, so those that start by `to` are a prefix of the order. Of those, the ones that end
    /// on or after `from` are the ones dated `from` or later, and the ones that cover `from`
    /// while starting before it: the mention of `from`'s year and of its month, each a run of
    /// the order that sorts before `from`. So the range is at most three runs.
    ///
    /// - Precondition: mentions are dated as the extractor writes them: `YYYY`, `YYYY-MM` or
    ///   `YYYY-MM-DD` by precision.
    /// - Complexity: O(log *n*).
    func mentions(entity: String?, from: CalendarDate?, to: CalendarDate?) -> TimelineRuns {
        let scope = entity.map(TimelineKey.Scope.entity) ?? .all
        let end = to.map { TimelineKey(scope, from: $0.description.successor) } ?? TimelineKey(scope.successor, from: "")
        guard let from else { return TimelineRuns(keys: self.keys, runs: [self.keys.positions(from: TimelineKey(scope, from: ""), upTo: end)]) }
        let day = from.description
        let covering = [String(day.prefix(4)), String(day.prefix(7))].map { date in
            self.keys.positions(from: TimelineKey(scope, from: date), upTo: TimelineKey(scope, from: date.successor))
        }
        return TimelineRuns(keys: self.keys, runs: covering + [self.keys.positions(from: TimelineKey(scope, from: day), upTo: end)])
    }

    /// A document's mentions on the whole timeline and on each of its entities' timelines.
    private static func keys(_ document: Document) -> [TimelineKey] {
        let paragraphs = Dictionary(document.entities.map { ($0.id, Set($0.mentions.map(\.paragraph))) }, uniquingKeysWith: { $0.union($1) })
        let entityKeys = paragraphs.flatMap { entity, paragraphs in
            document.dates.indices.filter { paragraphs.contains(document.dates[$0].paragraph) }.map {
                Self.key(scope: .entity(entity), document: document, mention: $0)
            }
        }
        return document.dates.indices.map { Self.key(scope: .all, document: document, mention: $0) } + entityKeys
    }

    private static func key(scope: TimelineKey.Scope, document: Document, mention: Int) -> TimelineKey {
        let date = document.dates[mention]
        return TimelineKey(
            scope: scope, date: date.date, documentID: document.id, paragraph: date.paragraph, start: date.start, mention: mention)
    }
}

/// Runs of a timeline's positions, read one after another as one list of mentions.
struct TimelineRuns: RandomAccessCollection, Sendable {
    let keys: DocumentKeys<TimelineKey>
    let runs: [Range<Int>]

    /// 0.
    var startIndex: Int { 0 }
    /// The number of mentions.
    var endIndex: Int { self.runs.reduce(0) { $0 + $1.count } }

    /// The mention at `position`.
    ///
    /// - Complexity: O(log *n*).
    subscript(position: Int) -> TimelineKey {
        var rest = position
        for run in self.runs {
            if rest < run.count { return self.keys[run.lowerBound + rest] }
            rest -= run.count
        }
        preconditionFailure("position \(position) out of range")
    }
}
