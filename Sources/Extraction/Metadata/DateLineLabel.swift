/// What a date line says its date is: when the story went up, or when it last changed.
enum DateLineLabel: String, Sendable, Hashable {
    /// `Published`, `Posted`, `Original`.
    case published
    /// `Updated`, `Last modified`.
    case updated
}
