import DocumentModel

/// What the words around one quotation say about who said it, before the speaker is resolved.
///
/// `speaker` is `nil` when the quotation has an attribution verb but no subject of its own
/// (`…, adding “…”`, `but said: “…”`): its speaker is the one of the quotation before it.
struct AttributionCue: Sendable, Hashable {
    /// The words standing for the speaker.
    let speaker: SpeakerPhrase?
    /// The attribution verb, folded.
    let verb: String?
    /// The rule that found it.
    let rule: AttributionRule
}
