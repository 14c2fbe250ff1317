import Foundation
import HTTPServer
import Synchronization

/// The id that ties a request to its access-log line: the client's `X-Request-Id` when it is
/// safe to echo and log, a fresh one otherwise.
enum RequestID {
    /// Longest id accepted from a client.
    static let maxLength = 128

    /// This process's prefix: fresh ids from two processes do not collide.
    private static let prefix = String(UInt32.random(in: .min ... .max), radix: 16)
    /// Ids made so far; atomic, as every worker queue makes them.
    private static let counter = Atomic<UInt64>(0)

    /// The request's id: its own `X-Request-Id` if 1 to 128 of `A-Z a-z 0-9 - _ . : /`, else a new one.
    static func of(_ request: Request) -> String {
        if let given = request.headers["X-Request-Id"], self.isAcceptable(given) { return given }
        return self.make()
    }

    /// A new id, `PREFIX-COUNT` in hexadecimal.
    static func make() -> String {
        let count = self.counter.add(1, ordering: .relaxed).newValue
        return self.prefix + "-" + String(count, radix: 16)
    }

    /// Whether a client's id is short and made only of characters safe in a log line.
    static func isAcceptable(_ id: String) -> Bool {
        guard (1...self.maxLength).contains(id.utf8.count) else { return false }
        return id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "-_.:/".utf8.contains(byte)
        }
    }
}
