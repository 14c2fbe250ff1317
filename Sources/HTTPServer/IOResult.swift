/// The outcome of a non-blocking read or write that did not fail.
///
/// "Would block" is a value, not an error, as in SwiftNIO's `IOResult`.
enum IOResult: Sendable, Hashable {
    /// This many bytes were transferred (more than zero).
    case bytes(Int)
    /// The socket is not ready; wait for its Dispatch source.
    case wouldBlock
    /// The peer closed its sending side (reads only).
    case endOfFile
}
