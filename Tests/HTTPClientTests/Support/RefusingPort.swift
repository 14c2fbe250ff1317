import Glibc
import HTTPClient

/// A loopback port bound by a socket that does not listen, so connecting to it is refused
/// for as long as the object lives, and no other process can take the port meanwhile.
final class RefusingPort: Sendable {
    /// The refusing port.
    let port: Int
    private let descriptor: Int32

    /// Binds the port.
    init() throws {
        self.descriptor = try ScriptedServer.boundSocket(listening: false)
        self.port = ScriptedServer.port(of: self.descriptor)
    }

    deinit {
        Glibc.close(self.descriptor)
    }

    /// `http://127.0.0.1:PORT/`.
    var endpoint: Endpoint { Endpoint(host: "127.0.0.1", port: self.port) }
}
