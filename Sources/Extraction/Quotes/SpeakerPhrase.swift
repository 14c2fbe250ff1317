/// The words of an attribution that stand for the speaker, before they are resolved.
///
/// `Jane Doe` and `Doe` are names, `she` a pronoun, `the minister` a definite description
/// (someone named before), `a company spokesperson` or `officers` an indefinite one (someone
/// the story does not name).
struct SpeakerPhrase: Sendable, Hashable {
    /// How the words refer to the speaker.
    enum Form: Sendable, Hashable {
        /// A name as written, titles dropped: `Jane Doe`, `Doe`, `Acme Holdings`.
        case name
        /// `he`, `she`, `it` or `they`.
        case pronoun
        /// `the minister`, `its spokeswoman`: one named before. `head` is its last noun, folded.
        case definiteDescription(head: String)
        /// `a spokesperson`, `one user`, `officers`: one the story does not name.
        case indefiniteDescription
    }

    /// The words as written.
    let text: String
    /// The words folded (`TextFolding.fold`), one space between them.
    let folded: String
    /// How they refer.
    let form: Form
    /// Where the words start.
    let position: TextPosition
}
