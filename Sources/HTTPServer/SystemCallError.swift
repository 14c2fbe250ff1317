import Glibc

/// A failed system call: which call and the `errno` it left.
///
/// Shaped like SwiftNIO's `IOError`: `errno` is read right after the call, before anything
/// else can overwrite it.
public struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name of the call, e.g. `bind`.
    public let call: String
    /// The `errno` value it set.
    public let errno: Int32

    /// Makes an error for `call` with `errno`.
    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    /// `bind: Address already in use (errno 98)`.
    public var description: String {
        "\(self.call): \(String(cString: strerror(self.errno))) (errno \(self.errno))"
    }
}

/// Runs a system call, retrying it while it fails with `EINTR`.
///
/// - Parameters:
///   - name: the call's name, for the error.
///   - body: the call; a negative result means failure with `errno` set.
/// - Returns: the non-negative result.
/// - Throws: `SystemCallError` with the `errno` of the failure.
@inline(__always)
func systemCall<Result: BinaryInteger>(_ name: String, _ body: () -> Result) throws(SystemCallError) -> Result {
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = Glibc.errno
        if code == EINTR { continue }
        throw SystemCallError(call: name, errno: code)
    }
}
