import HTTPServer

extension ServerConfiguration {
    /// Settings for tests: loopback, an ephemeral port, two workers, and timeouts short
    /// enough that a stuck connection cannot hold a test for long.
    ///
    /// Header and idle timeouts are 5 s (longer than any test needs, shorter than a hang);
    /// the linger timeout is 500 ms so that a client that never closes delays shutdown only
    /// briefly. Tests of a timeout shorten that one explicitly:
    ///
    /// ```swift
    /// var configuration = ServerConfiguration.testing
    /// configuration.idleTimeout = .milliseconds(300)
    /// ```
    public static var testing: ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.workerCount = 2
        configuration.headerTimeout = .seconds(5)
        configuration.idleTimeout = .seconds(5)
        configuration.lingerTimeout = .milliseconds(500)
        configuration.serverName = "DossierTest"
        return configuration
    }
}
