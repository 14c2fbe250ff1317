import DocumentModel

/// A quotation under its speaker's entity id, in document order: document id, then the
/// quotation's index in the document's `quotes`.
struct SpeakerQuoteKey: Comparable, Sendable {
    let speaker: String
    let documentID: String
    let position: Int

    static func < (left: SpeakerQuoteKey, right: SpeakerQuoteKey) -> Bool {
        (left.speaker, left.documentID, left.position) < (right.speaker, right.documentID, right.position)
    }

    /// The quotations by `speaker`, of one document or, with `nil`, of all.
    static func range(speaker: String, documentID: String?) -> (from: SpeakerQuoteKey, upTo: SpeakerQuoteKey) {
        guard let documentID else {
            return (SpeakerQuoteKey(speaker: speaker, documentID: "", position: .min), SpeakerQuoteKey(speaker: speaker.successor, documentID: "", position: .min))
        }
        return (SpeakerQuoteKey(speaker: speaker, documentID: documentID, position: .min), SpeakerQuoteKey(speaker: speaker, documentID: documentID, position: .max))
    }

    /// The keys of `document`'s quotations whose speaker is an entity.
    static func keys(of document: Document) -> [SpeakerQuoteKey] {
        document.quotes.enumerated().compactMap { position, quote in
            quote.speaker?.id.map { SpeakerQuoteKey(speaker: $0, documentID: document.id, position: position) }
        }
    }
}
