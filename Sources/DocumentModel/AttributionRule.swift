/// The rule that named a quotation's speaker, and how far it is trusted.
///
/// The raw value is what the JSON `attribution` member carries; `confidence` is the share of
/// quotations the rule attributes rightly in ordinary news copy, so a rule that reads the
/// speaker off the sentence itself is trusted more than one that carries a speaker over.
///
/// ```swift
/// let rule = AttributionRule.saidAfterQuote   // “…,” Jane Doe said.
/// rule.rawValue     // "said-after-quote"
/// rule.confidence   // 0.9
/// ```
public enum AttributionRule: String, Sendable, Hashable, CaseIterable {
    /// The speaker and verb follow the closing mark: `“…,” Jane Doe said.`
    case saidAfterQuote = "said-after-quote"
    /// The verb follows the closing mark, then the speaker: `“…,” said chief executive Jane Doe.`
    case saidBeforeSpeaker = "said-before-speaker"
    /// The speaker and verb open the sentence of the quotation: `Jane Doe said: “…”`.
    case speakerBeforeQuote = "speaker-before-quote"
    /// The paragraph before ends with the speaker and a colon: `Jane Doe said:` ¶ `“…”`.
    case colonLeadIn = "colon-lead-in"
    /// `according to Jane Doe` or `in the words of Jane Doe`, before or after the quotation.
    case accordingTo = "according-to"
    /// A quoted fragment the speaker characterises something with: `Doe called it “a farce”`.
    case calledIt = "called-it"
    /// `he` or `she` (or `it` and `they` for an organization), resolved to the one last named.
    case pronoun
    /// A definite description (`the minister`) resolved to the one it was said of.
    case description
    /// A later piece of a quotation already attributed: split by its attribution in one
    /// paragraph, or continued into the next paragraph by a new opening mark.
    case splitQuotation = "split-quotation"
    /// A quotation with no attribution of its own, right after one by a known speaker.
    case continuation
    /// A paragraph that is all quotation, after a paragraph whose last sentence reports what
    /// someone said: `Doe said the plan had failed.` ¶ `“We tried everything.”`; or a
    /// quotation opening a sentence after such a sentence in its own paragraph.
    case reportedSpeechLeadIn = "reported-speech-lead-in"

    /// How sure the rule is, from 0 to 1.
    public var confidence: Double {
        switch self {
        case .saidAfterQuote, .saidBeforeSpeaker: return 0.9
        case .speakerBeforeQuote: return 0.85
        case .splitQuotation: return 0.85
        case .colonLeadIn, .accordingTo, .calledIt: return 0.8
        case .pronoun: return 0.75
        case .description: return 0.7
        case .reportedSpeechLeadIn: return 0.6
        case .continuation: return 0.55
        }
    }
}
